// Public API for using standin in-process (tests) or embedding it.
export { type AppOptions, createApp, createServer, NAMESPACE_HEADER, type StandinApp, type StandinServer, type StandinUrls } from './server';
export type { HttpApp } from './app/createApp';
export { type Config, DEFAULT_CONFIG, resolveConfig } from './config';
export { API_NAMES, type ApiName } from './apis';
// What a vendor of one's own (served with `createApp(config, { vendors })`) is written against.
export type { ServedVendor, ServedVendors, Vendor, Vendors } from './vendor';
export type { ApiModule, AuthContext, AuthResult, Handler, HandlerContext, StateContext } from './core/module';
export type { EngineError, EngineRequest, EngineResponse, Problem } from './core/types';
export { fromExample } from './core/exampleHandler';
export { STANDIN_ERRORS, type StandinErrorCode } from './core/standinErrors';
