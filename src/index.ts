// Public API for using standin in-process (tests) or embedding it.
export { createApp, createServer, NAMESPACE_HEADER, type StandinApp, type StandinServer } from './server';
export { type Config, DEFAULT_CONFIG, resolveConfig } from './config';
export { API_NAMES, type ApiName } from './core/types';
