'use strict';
// The servers under test and how to start each one. Every measurement starts a fresh process.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * @typedef {object} ServerDef
 * @property {string} id
 * @property {string} label
 * @property {import('./requests').Kind} kind
 * @property {(port: number, api: string | null, state?: { dataDir?: string, redisUrl?: string }) => { command: string, args: string[] }} command
 * @property {'data-dir' | 'redis'} [state] what the row needs prepared before it starts
 */

const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const serve = (port, ...extra) => ({ command: process.execPath, args: [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1', ...extra] });

/** @type {ServerDef[]} */
const SERVERS = [
  {
    id: 'node-http',
    label: 'bare node:http',
    kind: 'bare',
    command: (port) => ({ command: process.execPath, args: [path.join(ROOT, 'bench', 'bare-node.js'), String(port), '127.0.0.1'] }),
  },
  {
    id: 'standin',
    label: 'standin',
    kind: 'standin',
    // Prefix mode (all five APIs), strict response validation (the default), no request log (the default).
    command: (port) => serve(port),
  },
  // The same server with durable or shared state (same requests, same strict validation): what each costs.
  {
    id: 'standin-data-dir',
    label: 'standin --data-dir',
    kind: 'standin',
    state: 'data-dir',
    command: (port, _api, state) => serve(port, '--data-dir', state.dataDir),
  },
  {
    id: 'standin-redis',
    label: 'standin --state redis (1 replica)',
    kind: 'standin',
    state: 'redis',
    command: (port, _api, state) => serve(port, '--state', state.redisUrl),
  },
  {
    id: 'standin-redis-2',
    label: 'standin --state redis --workers 2',
    kind: 'standin',
    state: 'redis',
    command: (port, _api, state) => serve(port, '--state', state.redisUrl, '--workers', '2'),
  },
  {
    id: 'prism-quiet',
    label: 'Prism mock -v silent',
    kind: 'prism',
    command: (port, api) => ({
      command: path.join(ROOT, 'node_modules', '.bin', 'prism'),
      args: ['mock', '-h', '127.0.0.1', '-p', String(port), '-v', 'silent', path.join(ROOT, 'specs', `${api}.yaml`)],
    }),
  },
  {
    id: 'prism',
    label: 'Prism mock (default log)',
    kind: 'prism',
    command: (port, api) => ({
      command: path.join(ROOT, 'node_modules', '.bin', 'prism'),
      args: ['mock', '-h', '127.0.0.1', '-p', String(port), path.join(ROOT, 'specs', `${api}.yaml`)],
    }),
  },
];

module.exports = { SERVERS, ROOT };
