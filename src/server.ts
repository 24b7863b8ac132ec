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
import type { ApiName, EngineRequest, EngineResponse, Query } from './core/types';
import { type Config, resolveConfig } from './config';

// The HTTP adapter: the only file that touches req/res. Everything it hands the engine is a plain
// value, and everything it writes comes back from the engine as one. One request listener serves
// both ways in: node:http for `standin serve` (fast), an Express app for supertest and mounting.
// Extra listeners (`apiPorts`) each serve one API at the root of their own port, over the same
// engines, so state, namespaces, journal and clock are shared with the main port.

export { NAMESPACE_HEADER } from './core/namespace';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface StandinApp {
  /** An Express app over the same handling, for supertest or mounting; built on first use. */
  readonly app: express.Express;
  config: Config;
  engines: Map<string, Engine>;
  journal: Journal;
  clock: SettableClock;
  /** The same handling as a plain node:http request listener, without Express's router in front. */
  listener(req: IncomingMessage, res: ServerResponse): void;
  /** A listener serving one API at the root, as each `apiPorts` listener does; no /__admin on it. */
  listenerFor(api: ApiName): Listener;
  /** Human-readable route table, printed at start-up. */
  routeTable(): string;
}

export interface StandinUrls {
  /** The main port: every API under its prefix (or the `root` API at '/'), and /__admin. */
  main: string;
  /** One URL per `apiPorts` entry: that API at the root, nothing else. */
  apis: Partial<Record<ApiName, string>>;
}

export interface StandinServer extends StandinApp {
  /** Opens the main port and every `apiPorts` listener; resolves to the main port's address. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  /** The main port's URL. */
  url(): string;
  /** Every listener's URL, with the ports the system picked for 0. */
  urls(): StandinUrls;
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
  function resolveMain(pathname: string): Target {
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) return { admin: true, path: pathname.slice('/__admin'.length) };
    if (config.root) return { engine: engines.get(config.root), path: pathname };
    const slash = pathname.indexOf('/', 1);
    const prefix = slash === -1 ? pathname.slice(1) : pathname.slice(1, slash);
    return { engine: engines.get(prefix), path: slash === -1 ? '/' : pathname.slice(slash) };
  }

  // A client that dropped the prefix (an SDK that keeps only scheme and host) sends a vendor path to
  // the main port; the first segment says whose it is, so the 404 can say where to send it instead.
  const ownersOfSegment = new Map<string, string[]>();
  for (const [name, engine] of engines) {
    for (const op of engine.spec.operations) {
      const segment = op.pathTemplate.split('/')[1] ?? '';
      if (!segment || segment.includes('{')) continue;
      const owners = ownersOfSegment.get(segment) ?? [];
      if (!owners.includes(name)) ownersOfSegment.set(segment, [...owners, name]);
    }
  }
  function unknownApi(pathname: string): EngineResponse {
    const known = `prefixes: ${[...engines.keys()].map((n) => `/${n}`).join(', ')}, admin: /__admin`;
    const owners = ownersOfSegment.get(pathname.split('/')[1] ?? '');
    const hint = owners
      ? `. This looks like a path of ${owners.join(' or ')} without its prefix: use /${owners[0]}${pathname}, or serve ${owners[0]} at the root of its own port with --api-port ${owners[0]}=PORT`
      : '';
    return standinError(404, 'UnknownApi', `no API is served at ${pathname}; ${known}${hint}`);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, resolve: (pathname: string) => Target): Promise<void> {
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
    else if (!target.engine) response = unknownApi(pathname);
    else if (!NAMESPACE_PATTERN.test(namespace)) {
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
  function listenerOver(resolve: (pathname: string) => Target): Listener {
    return (req, res) => {
      dispatch(req, res, resolve).catch((err: Error) => failSafe(res, err));
    };
  }
  const listener = listenerOver(resolveMain);
  const rootListeners = new Map<ApiName, Listener>();
  function listenerFor(api: ApiName): Listener {
    let root = rootListeners.get(api);
    if (!root) {
      const engine = engines.get(api);
      if (!engine) throw new Error(`'${api}' is not served (serving: ${[...engines.keys()].join(', ')})`);
      root = listenerOver((pathname) => ({ engine, path: pathname }));
      rootListeners.set(api, root);
    }
    return root;
  }
  // Built now, so a request on an extra port never pays for it.
  for (const api of Object.keys(config.apiPorts) as ApiName[]) listenerFor(api);

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
    listenerFor,
    routeTable: () => routeTable(config, engines, {}),
  };
}

interface Target {
  engine?: Engine;
  path: string;
  admin?: boolean;
}

function routesOf(engine: Engine, prefix: string): string[] {
  return engine.spec.operations.map((op) => `  ${op.method.padEnd(7)}${prefix}${op.pathTemplate}  ${op.operationId}`);
}

/** The main port's routes, then each extra port's; `bound` holds the URLs once listening. */
function routeTable(config: Config, engines: Map<string, Engine>, bound: Partial<Record<ApiName, string>>): string {
  const lines: string[] = [];
  for (const [name, engine] of engines) {
    lines.push(`${name} (${engine.spec.title})`, ...routesOf(engine, config.root ? '' : `/${name}`));
  }
  lines.push(
    'admin',
    '  GET    /__admin/health, /__admin/state/<api>, /__admin/namespaces, /__admin/journal, /__admin/clock, /__admin/faults',
    '  POST   /__admin/reset, /__admin/faults, /__admin/seed   PUT /__admin/clock   DELETE /__admin/journal, /__admin/faults',
  );
  for (const [api, port] of Object.entries(config.apiPorts) as [ApiName, number][]) {
    const where = bound[api] ?? (port === 0 ? 'a free port' : `port ${port}`);
    lines.push(`${api} at the root of ${where} (--api-port; same state as the main port, no /__admin)`, ...routesOf(engines.get(api)!, ''));
  }
  return lines.join('\n');
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function open(listener: Listener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // The listening server skips Express's router: on this 2-core box the same handling answered
    // 2.6x more requests per second without it (bench/README.md). `app` stays for in-process use.
    const server = createHttpServer(listener).listen(port, host);
    server.once('error', reject);
    server.once('listening', () => resolve(server));
  });
}

function shut(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

export function createServer(partial: Partial<Config> = {}): StandinServer {
  const standin = createApp(partial);
  const { config } = standin;
  let main: Server | undefined;
  const extra = new Map<ApiName, Server>();
  const addressOf = (server: Server) => server.address() as AddressInfo;
  const apiUrls = () => Object.fromEntries([...extra].map(([api, server]) => [api, urlOf(addressOf(server))])) as Partial<Record<ApiName, string>>;

  return {
    get app() {
      return standin.app;
    },
    config,
    engines: standin.engines,
    journal: standin.journal,
    clock: standin.clock,
    listener: standin.listener,
    listenerFor: standin.listenerFor,
    routeTable: () => routeTable(config, standin.engines, apiUrls()),
    async listen(port = config.port, host = config.host) {
      main = await open(standin.listener, port, host);
      for (const [api, apiPort] of Object.entries(config.apiPorts) as [ApiName, number][]) {
        try {
          extra.set(api, await open(standin.listenerFor(api), apiPort, host));
        } catch (err) {
          // All or nothing: a half-open standin would pass some tests and fail others confusingly.
          await Promise.all([main, ...extra.values()].map(shut));
          main = undefined;
          extra.clear();
          throw new Error(`cannot listen for ${api} on ${host}:${apiPort} (--api-port): ${(err as Error).message}`);
        }
      }
      return addressOf(main);
    },
    async close() {
      const servers = [...(main ? [main] : []), ...extra.values()];
      main = undefined;
      extra.clear();
      await Promise.all(servers.map(shut));
    },
    url() {
      if (!main) throw new Error('the server is not listening');
      return urlOf(addressOf(main));
    },
    urls() {
      if (!main) throw new Error('the server is not listening');
      return { main: urlOf(addressOf(main)), apis: apiUrls() };
    },
  };
}
