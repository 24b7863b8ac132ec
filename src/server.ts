import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { handleAdmin } from './admin/admin';
import { Journal } from './admin/journal';
import { API_MODULES } from './apis';
import { SettableClock } from './core/clock';
import { createEngine, type Engine, STANDIN_ERROR_HEADER } from './core/engine';
import { NAMESPACE_HEADER, NAMESPACE_PATTERN } from './core/namespace';
import { loadApiSpec } from './core/precompiled';
import type { EngineRequest, EngineResponse, Query } from './core/types';
import { type Config, resolveConfig } from './config';

// The HTTP adapter: the only file that touches req/res. Everything it hands the engine is a plain
// value, and everything it writes comes back from the engine as one. One request listener serves
// both ways in: node:http for `standin serve` (fast), an Express app for supertest and mounting.

export { NAMESPACE_HEADER } from './core/namespace';

export interface StandinApp {
  /** An Express app over the same handling, for supertest or mounting; built on first use. */
  readonly app: express.Express;
  config: Config;
  engines: Map<string, Engine>;
  journal: Journal;
  clock: SettableClock;
  /** The same handling as a plain node:http request listener, without Express's router in front. */
  listener(req: IncomingMessage, res: ServerResponse): void;
  /** Human-readable route table, printed at start-up. */
  routeTable(): string;
}

export interface StandinServer extends StandinApp {
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  url(): string;
}

function parseQuery(raw: string): Query {
  const query: Query = {};
  if (!raw) return query;
  for (const [rawKey, value] of new URLSearchParams(raw)) {
    // PHP-style clients (ncanode is PHP) send tags[]=a&tags[]=b; both forms mean the same list.
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const existing = query[key];
    if (existing === undefined) query[key] = rawKey.endsWith('[]') ? [value] : value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(req: IncomingMessage, limit: number): Promise<{ body?: Buffer; tooLarge: boolean }> {
  const length = req.headers['content-length'];
  if (length === '0' || (length === undefined && req.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve({ tooLarge: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(length) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // Past the limit the rest is drained and dropped, so the answer can still be written cleanly.
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { tooLarge } : { body: Buffer.concat(chunks, size), tooLarge }));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, response: EngineResponse): void {
  const headers = response.headers ?? {};
  let payload: Buffer | string | undefined;
  if (response.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (typeof response.body === 'string') payload = response.body;
  else payload = JSON.stringify(response.body);
  if (payload !== undefined && !headers['content-type']) {
    headers['content-type'] = Buffer.isBuffer(payload) ? 'application/octet-stream' : typeof response.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-length', payload === undefined ? 0 : Buffer.byteLength(payload));
  res.end(payload);
}

function standinError(status: number, error: string, message: string): EngineResponse {
  return { status, headers: { [STANDIN_ERROR_HEADER]: error }, body: { standin: { error, message } } };
}

export function createApp(partial: Partial<Config> = {}): StandinApp {
  const config = resolveConfig(partial);
  const clock = new SettableClock(config.now);
  const journal = new Journal(config.journalSize);
  const engines = new Map<string, Engine>();
  for (const name of config.apis) {
    const module = API_MODULES[name];
    const { spec, validators } = loadApiSpec(module.specFile);
    engines.set(name, createEngine({
      module,
      spec,
      validators,
      clock,
      seed: config.seed,
      responseValidation: config.responseValidation,
      onViolation: (operationId, problems) =>
        process.stderr.write(`standin: ${name} ${operationId} response breaks the spec: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}\n`),
    }));
  }
  const adminDeps = { engines, journal, clock, adminToken: config.adminToken, startedAt: Date.now() };

  /** Splits the URL into the engine that owns it and the path below its prefix. */
  function resolve(pathname: string): { engine?: Engine; path: string; admin?: boolean } {
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) return { admin: true, path: pathname.slice('/__admin'.length) };
    if (config.root) return { engine: engines.get(config.root), path: pathname };
    const slash = pathname.indexOf('/', 1);
    const prefix = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    return { engine: engines.get(prefix), path: slash === -1 ? '/' : pathname.slice(slash) };
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    const target = resolve(pathname);
    const headers = flatHeaders(req);
    const namespace = headers[NAMESPACE_HEADER] ?? 'default';
    const { body, tooLarge } = await readBody(req, config.bodyLimit);
    const request: EngineRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: target.path,
      rawQuery,
      query: parseQuery(rawQuery),
      headers,
      body,
      bodyTooLarge: tooLarge ? config.bodyLimit : undefined,
    };

    let response: EngineResponse;
    let outcome: Awaited<ReturnType<Engine['handle']>> | undefined;
    if (target.admin) response = handleAdmin(adminDeps, request);
    else if (!target.engine) {
      response = standinError(404, 'UnknownApi', `no API is served at ${pathname}; prefixes: ${[...engines.keys()].map((n) => `/${n}`).join(', ')}, admin: /__admin`);
    } else if (!NAMESPACE_PATTERN.test(namespace)) {
      response = standinError(400, 'InvalidNamespace', `${NAMESPACE_HEADER} must match ${NAMESPACE_PATTERN}`);
    } else {
      outcome = await target.engine.handle(request, namespace);
      response = outcome.response;
    }
    write(res, response);

    if (target.admin) return;
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    journal.record({
      time: clock.now().toISOString(),
      namespace,
      api: target.engine?.name,
      method: request.method,
      path: pathname,
      operationId: outcome?.operationId,
      status: response.status,
      durationMs: Math.round(durationMs * 100) / 100,
      requestProblems: outcome?.requestProblems,
      responseProblems: outcome?.responseProblems,
    });
    if (config.logRequests) process.stderr.write(`${request.method} ${pathname} -> ${response.status} (${durationMs.toFixed(1)} ms)\n`);
  }

  // Last resort: whatever escaped the engine still answers JSON, never an HTML page.
  function failSafe(res: ServerResponse, err: Error): void {
    if (res.headersSent) return void res.end();
    write(res, standinError(500, 'InternalError', `standin failed to handle the request: ${err.message}`));
  }
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    dispatch(req, res).catch((err: Error) => failSafe(res, err));
  };

  let app: express.Express | undefined;
  // Express is loaded only when asked for: `standin serve` listens with node:http and starts faster without it.
  function expressApp(): express.Express {
    if (!app) {
      const expressFactory = require('express') as typeof express;
      app = expressFactory();
      app.disable('x-powered-by');
      app.set('etag', false);
      app.use((req, res) => listener(req, res));
    }
    return app;
  }

  return {
    get app() {
      return expressApp();
    },
    config,
    engines,
    journal,
    clock,
    listener,
    routeTable() {
      const lines: string[] = [];
      for (const [name, engine] of engines) {
        const prefix = config.root ? '' : `/${name}`;
        lines.push(`${name} (${engine.spec.title})`);
        for (const op of engine.spec.operations) lines.push(`  ${op.method.padEnd(7)}${prefix}${op.pathTemplate}  ${op.operationId}`);
      }
      lines.push(
        'admin',
        '  GET    /__admin/health, /__admin/state/<api>, /__admin/namespaces, /__admin/journal, /__admin/clock, /__admin/faults',
        '  POST   /__admin/reset, /__admin/faults, /__admin/seed   PUT /__admin/clock   DELETE /__admin/journal, /__admin/faults',
      );
      return lines.join('\n');
    },
  };
}

export function createServer(partial: Partial<Config> = {}): StandinServer {
  const standin = createApp(partial);
  let server: Server | undefined;
  let address: AddressInfo | undefined;
  return {
    get app() {
      return standin.app;
    },
    config: standin.config,
    engines: standin.engines,
    journal: standin.journal,
    clock: standin.clock,
    listener: standin.listener,
    routeTable: standin.routeTable,
    listen(port = standin.config.port, host = standin.config.host) {
      return new Promise((resolve, reject) => {
        // The listening server skips Express's router: on this 2-core box the same handling answered
        // 2.6x more requests per second without it (bench/README.md). `app` stays for in-process use.
        server = createHttpServer(standin.listener).listen(port, host);
        server.once('error', reject);
        server.once('listening', () => {
          address = server!.address() as AddressInfo;
          resolve(address);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
    url() {
      if (!address) throw new Error('the server is not listening');
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `http://${host}:${address.port}`;
    },
  };
}
