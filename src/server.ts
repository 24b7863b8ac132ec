import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { handleAdmin } from './admin/admin';
import { Journal } from './admin/journal';
import { API_MODULES } from './apis';
import { SettableClock } from './core/clock';
import { createEngine, type Engine, STANDIN_ERROR_HEADER } from './core/engine';
import { NAMESPACE_HEADER, NAMESPACE_PATTERN } from './core/namespace';
import { loadApiSpec } from './core/precompiled';
import type { ApiName, EngineError, EngineRequest, EngineResponse, Query } from './core/types';
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
  /**
   * Makes a node:http server answer what its HTTP parser refuses (and an unmet Expect) in the
   * owner's envelope: the main port's routing, or `api`'s for a server that serves it at the root.
   * `listen` does this for its own servers; call it on a server you make around `listener`.
   */
  protect(server: Server, api?: ApiName): void;
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

// A body arrives in chunks of the client's choosing: a megabyte a byte at a time is a million chunks,
// and keeping each as its own Buffer cost ~430 MB. So it is copied into one buffer as it comes: sized
// from Content-Length (node stops reading there and has refused one that is not digits), or grown by
// doubling up to the limit for a chunked body. Past the limit the rest is drained and dropped, so the
// answer can still be written cleanly. Buffers come from outside node's shared pool, so a body a
// handler keeps never pins an 8 KB slab holding other requests' bytes.
const FIRST_CHUNKED_SIZE = 16 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<{ body?: Buffer; tooLarge: boolean }> {
  const length = req.headers['content-length'];
  if (length === '0' || (length === undefined && req.headers['transfer-encoding'] === undefined)) {
    return Promise.resolve({ tooLarge: false });
  }
  const declared = length === undefined ? undefined : Number(length);
  return new Promise((resolve, reject) => {
    let tooLarge = declared !== undefined && declared > limit;
    let buffer: Buffer | undefined;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      const needed = size + chunk.length;
      if (needed > limit) {
        tooLarge = true;
        buffer = undefined;
        return;
      }
      if (!buffer || needed > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(declared ?? Math.min(limit, Math.max(needed, FIRST_CHUNKED_SIZE, (buffer?.length ?? 0) * 2)));
        buffer?.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size = needed;
    });
    req.on('end', () => {
      if (tooLarge) return resolve({ tooLarge });
      if (!buffer || size === buffer.length) return resolve({ body: buffer ?? Buffer.alloc(0), tooLarge });
      // A chunked body gives its spare room back, since a handler may keep the bytes.
      const exact = Buffer.allocUnsafeSlow(size);
      buffer.copy(exact, 0, 0, size);
      resolve({ body: exact, tooLarge });
    });
    req.on('error', reject);
  });
}

/**
 * RFC 9112 3.2.2: a server must accept the absolute form (`GET http://host/losant/...`, what a
 * client configured with a proxy sends); it is routed exactly like the origin form it names.
 */
export function originForm(url: string): string {
  if (url.startsWith('/')) return url;
  const schemeEnd = url.indexOf('://');
  if (schemeEnd <= 0 || !SCHEME.test(url.slice(0, schemeEnd))) return url;
  const rest = url.slice(schemeEnd + 3);
  let end = 0;
  while (end < rest.length && rest[end] !== '/' && rest[end] !== '?') end++;
  if (end === rest.length) return '/';
  return rest[end] === '/' ? rest.slice(end) : `/${rest.slice(end)}`;
}
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

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
      clockFor: (namespace) => clock.forNamespace(namespace),
      maxNamespaces: config.maxNamespaces,
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

  /** An answer in the owner's envelope for a request that never became an EngineRequest. */
  function refusal(engine: Engine | undefined, status: number, error: EngineError, standinCode: string): EngineResponse {
    const message = error.kind === 'validation' ? error.problems.map((p) => [p.field, p.message].filter(Boolean).join(' ')).join('; ') : error.kind === 'malformedBody' ? error.message : standinCode;
    if (!engine) return standinError(status, standinCode, message);
    const rendered = engine.renderError(error);
    return { ...withStatus(rendered, status), headers: { ...rendered.headers, [STANDIN_ERROR_HEADER]: standinCode } };
  }
  function invalidNamespace(engine: Engine | undefined): EngineResponse {
    const problem = { in: 'header' as const, field: NAMESPACE_HEADER, pointer: `/${NAMESPACE_HEADER}`, keyword: 'pattern', message: `must match ${NAMESPACE_PATTERN}` };
    return refusal(engine, 400, { kind: 'validation', problems: [problem] }, 'InvalidNamespace');
  }
  /** What node's HTTP parser refused (clientError), or an Expect it cannot meet, answered as its owner would. */
  function protocolRefusal(resolve: Resolver, rawTarget: string | undefined, status: number, error: EngineError, standinCode: string): EngineResponse {
    const url = rawTarget === undefined ? undefined : originForm(rawTarget);
    const target = url === undefined ? undefined : resolve(url.split('?', 1)[0]);
    return refusal(target?.admin ? undefined : target?.engine, status, error, standinCode);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, resolve: Resolver): Promise<void> {
    const started = process.hrtime.bigint();
    const url = originForm(req.url ?? '/');
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
    else if (!NAMESPACE_PATTERN.test(namespace)) response = invalidNamespace(target.engine);
    else {
      outcome = await target.engine.handle(request, namespace);
      response = outcome.response;
    }
    write(res, response);

    if (target.admin) return;
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    journal.record({
      time: clock.nowIn(namespace).toISOString(),
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
  function listenerOver(resolve: Resolver): Listener {
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

  function resolverFor(api?: ApiName): Resolver {
    if (!api) return resolveMain;
    const engine = engines.get(api);
    if (!engine) throw new Error(`'${api}' is not served (serving: ${[...engines.keys()].join(', ')})`);
    return (pathname) => ({ engine, path: pathname });
  }
  // node answers what its parser refuses, and an Expect other than 100-continue, with a bare empty
  // 400/431/417/408 that no vendor SDK can parse; these handlers answer in the owner's envelope.
  function protect(server: Server, api?: ApiName): void {
    const resolve = resolverFor(api);
    server.on('clientError', (err: ParserError, socket: Duplex) => {
      const inFlight = (socket as { _httpMessage?: ServerResponse })._httpMessage;
      if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const message = `the request is not valid HTTP/1.1 (${err.code ?? 'parse error'}: ${err.message})`;
      const error: EngineError = BODY_PARSE_ERRORS.test(err.code ?? '')
        ? { kind: 'malformedBody', message }
        : { kind: 'validation', problems: [{ in: 'header', field: '', pointer: '', keyword: 'http', message }] };
      const code = status === 431 ? 'HeadersTooLarge' : status === 408 ? 'RequestTimeout' : 'MalformedRequest';
      const line = requestLine(err.rawPacket);
      const reply = () => {
        if (socket.writable) socket.end(rawResponse(protocolRefusal(resolve, line?.target, status, error, code), line?.method === 'HEAD'));
      };
      // Bytes after a complete request (e.g. a body sent without Content-Length) break the parser while
      // that request is still being answered: its answer must reach the client, not this refusal in its
      // place, so the refusal waits for it (node may close the connection first; the client then has
      // the answer to what it asked).
      if (inFlight?.req?.complete) inFlight.once('finish', reply);
      else if (inFlight?.headersSent) socket.destroy();
      else reply();
    });
    server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
      const expect = String(req.headers.expect).slice(0, 100);
      const problem = { in: 'header' as const, field: 'expect', pointer: '/expect', keyword: 'enum', message: `must be 100-continue, got '${expect}'` };
      res.setHeader('connection', 'close');
      write(res, protocolRefusal(resolve, req.url, 417, { kind: 'validation', problems: [problem] }, 'ExpectationFailed'));
    });
  }

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
    protect,
    routeTable: () => routeTable(config, engines, {}),
  };
}

interface Target {
  engine?: Engine;
  path: string;
  admin?: boolean;
}
type Resolver = (pathname: string) => Target;

/**
 * A refusal keeps the vendor's envelope but takes the protocol's status (431, 417, 408); an
 * envelope that repeats its status in the body (Ignisign's `status`) repeats the new one.
 */
function withStatus(response: EngineResponse, status: number): EngineResponse {
  if (response.status === status) return response;
  const body = response.body as Record<string, unknown> | undefined;
  const echoes = body && typeof body === 'object' && !Buffer.isBuffer(body) && body.status === response.status;
  return { ...response, status, body: echoes ? { ...body, status } : response.body };
}

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/** Parser errors about the body's framing, which a vendor reports as a bad body. */
const BODY_PARSE_ERRORS = /CHUNK|BODY|CONTENT_LENGTH|TRANSFER_ENCODING/;

/** Method and target from the bytes node could not parse: the request line, read from its first 8 KiB. */
function requestLine(raw: Buffer | undefined): { method: string; target?: string } | undefined {
  if (!raw) return undefined;
  const head = raw.subarray(0, 8192).toString('latin1');
  const lineEnd = head.indexOf('\r\n');
  const words = (lineEnd === -1 ? head : head.slice(0, lineEnd)).split(' ');
  return { method: words[0].toUpperCase(), target: words[1] };
}

/** An answer written straight to the socket, where node never made a response object; a HEAD answer has no body. */
function rawResponse(response: EngineResponse, head: boolean): string {
  const payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? {});
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    ...response.headers,
    'content-length': String(Buffer.byteLength(payload)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${head ? '' : payload}`;
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

function open(listener: Listener, port: number, host: string, protect: (server: Server) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    // The listening server skips Express's router: on this 2-core box the same handling answered
    // 2.6x more requests per second without it (bench/README.md). `app` stays for in-process use.
    const server = createHttpServer(listener);
    protect(server);
    server.listen(port, host);
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
    protect: standin.protect,
    routeTable: () => routeTable(config, standin.engines, apiUrls()),
    async listen(port = config.port, host = config.host) {
      main = await open(standin.listener, port, host, (server) => standin.protect(server));
      for (const [api, apiPort] of Object.entries(config.apiPorts) as [ApiName, number][]) {
        try {
          extra.set(api, await open(standin.listenerFor(api), apiPort, host, (server) => standin.protect(server, api)));
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
