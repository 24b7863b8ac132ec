import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from '../admin/admin';
import { Journal } from '../admin/journal';
import { VENDORS } from '../apis';
import { SettableClock } from '../core/clock';
import { NAMESPACE_HEADER } from '../core/namespace';
import { markedStandinError, standinError } from '../core/standinErrors';
import type { EngineRequest, EngineResponse } from '../core/types';
import { readBody } from '../http/readBody';
import { parseQuery } from '../http/requestValues';
import { cannotListen, urlOf } from '../http/listen';
import { originForm } from '../http/originForm';
import { protect } from '../http/protect';
import { write } from '../http/write';
import type { Vendors } from '../vendor';
import { checkRequest, checkResponse, isNotChecked, type Violation } from './checkExchange';
import { driftAnswer, isProxyAdminPath } from './driftAnswer';
import { type Forwarded, forward } from './forward';
import { proxyRefusal } from './proxyRefusal';
import { journalEntry } from './journalEntry';
import { keptBody, type RecordedExchange } from './recordedExchange';
import { Recorder } from './recorder';
import { Shadow } from './shadow';
import { makeUpstream, type Upstream, type UpstreamPair } from './upstream';
import { unreachableAnswer } from './unreachable';

// `standin proxy`: each API forwarded to its live upstream, both sides checked against the spec,
// each exchange journaled (and recorded, and shadowed against the mock) once the client has its
// answer, so none of that work delays it.

export interface ProxyOptions {
  pairs: UpstreamPair[];
  /** Serve the single pair at the root instead of under /<api>. */
  root?: boolean;
  host?: string;
  port?: number;
  /** Bytes of each body kept for the checks and recordings; the rest passes unchecked. */
  bodyLimit?: number;
  violationsHeader?: boolean;
  /** Directory for one file per exchange. */
  record?: string;
  shadow?: boolean;
  journalSize?: number;
  /** Bytes the journal may hold across its entries (--journal-bytes). */
  journalBytes?: number;
  adminToken?: string;
  seed?: number;
  /** Extra certificate authorities (PEM) for HTTPS upstreams, besides node's own. */
  ca?: string;
  /** Vendors other than the registry's (tests). */
  vendors?: Vendors;
}

export interface StandinProxy {
  listen(port?: number, host?: string): Promise<AddressInfo>;
  url(): string;
  close(): Promise<void>;
  journal: Journal;
  shadow?: Shadow;
  /** Resolves once every exchange so far is journaled, recorded and (with --shadow) compared. */
  settled(): Promise<void>;
}

const DEFAULT_CAP = 5 * 1024 * 1024;
const ADMIN_BODY_LIMIT = 1024 * 1024;

export function createProxy(options: ProxyOptions): StandinProxy {
  const vendors = options.vendors ?? (VENDORS as unknown as Vendors);
  if (options.pairs.length === 0) throw new Error('proxy needs at least one --api NAME --upstream URL pair');
  const atRoot = options.root === true;
  if (atRoot && options.pairs.length > 1) throw new Error('only a single --api/--upstream pair can be served at the root');
  const seen = new Set<string>();
  for (const pair of options.pairs) {
    if (seen.has(pair.api)) throw new Error(`--api ${pair.api} is given twice`);
    seen.add(pair.api);
  }
  const upstreams = options.pairs.map((pair) => makeUpstream(pair, vendors, atRoot, options.ca));
  const byPrefix = new Map(upstreams.map((u) => [u.prefix, u]));
  const cap = options.bodyLimit ?? DEFAULT_CAP;
  const clock = new SettableClock();
  const journal = new Journal(options.journalSize ?? 1000, { bytes: options.journalBytes });
  const recorder = options.record === undefined ? undefined : new Recorder(options.record);
  const shadow = options.shadow ? new Shadow(upstreams, { seed: options.seed }) : undefined;
  const adminDeps = { engines: new Map(), journal, clock, adminToken: options.adminToken, startedAt: Date.now() };
  let seq = 0;
  let pending = 0;
  const idle: (() => void)[] = [];

  function resolve(pathname: string): { upstream: Upstream; path: string } | undefined {
    if (atRoot) return { upstream: upstreams[0], path: pathname };
    const second = pathname.indexOf('/', 1);
    const prefix = second === -1 ? pathname : pathname.slice(0, second);
    const upstream = byPrefix.get(prefix);
    return upstream && { upstream, path: second === -1 ? '/' : pathname.slice(second) };
  }

  function violationsOf(exchange: Forwarded): Violation[] {
    if (exchange.violations) return exchange.violations;
    const request: EngineRequest = {
      method: exchange.method.toUpperCase(),
      path: exchange.path,
      rawQuery: exchange.rawQuery,
      query: parseQuery(exchange.rawQuery),
      headers: exchange.requestHeaders,
      body: exchange.requestBody.bytes(),
    };
    const checked = checkRequest(exchange.upstream, request, cap, exchange.requestBody.overflowed);
    exchange.operationId = checked.operation?.operationId;
    const violations = [...checked.violations];
    if (checked.operation && exchange.status !== undefined && exchange.failure === undefined) {
      const v = exchange.upstream.validators.operations.get(checked.operation.operationId)!;
      violations.push(...checkResponse(v, exchange.status, exchange.responseHeaders, exchange.responseBody.bytes(), cap, exchange.responseBody.overflowed));
    }
    exchange.violations = violations;
    return violations;
  }

  function recorded(exchange: Forwarded): RecordedExchange {
    const violations = violationsOf(exchange);
    const { upstream: up } = exchange;
    const namespace = exchange.requestHeaders[NAMESPACE_HEADER];
    return {
      standinRecording: 1,
      seq: ++seq,
      time: new Date().toISOString(),
      api: up.api,
      operationId: exchange.operationId,
      ...(namespace === undefined ? {} : { namespace }),
      request: {
        method: exchange.method.toUpperCase(),
        path: up.redactor.text(exchange.path).text,
        query: up.redactor.text(exchange.rawQuery).text,
        headers: up.redactor.headers(exchange.requestHeaders),
        body: keptBody(
          exchange.requestBody.bytes(),
          exchange.requestBody.size,
          exchange.requestBody.overflowed,
          exchange.requestHeaders['content-type'],
          up.redactor,
        ),
      },
      response: {
        // 499: the client closed first (nginx's code for it); no status came from the vendor.
        status: exchange.status ?? (exchange.failureRule === 'proxy-client-closed' ? 499 : 502),
        headers: up.redactor.headers(exchange.responseHeaders),
        body: keptBody(
          exchange.responseBody.bytes(),
          exchange.responseBody.size,
          exchange.responseBody.overflowed,
          exchange.responseHeaders['content-type'],
          up.redactor,
        ),
      },
      violations,
    };
  }

  function done(exchange: Forwarded): void {
    pending++;
    // After the answer: the client is not kept waiting for checks, files or the shadow.
    setImmediate(() => {
      try {
        const kept = recorded(exchange);
        journal.record(journalEntry(kept, exchange));
        if (exchange.failure === undefined) {
          recorder?.write(kept);
          shadow?.enqueue(kept);
        }
      } finally {
        if (--pending === 0) for (const wake of idle.splice(0)) wake();
      }
    });
  }

  const forwardOptions = {
    cap,
    countViolations: options.violationsHeader ? (exchange: Forwarded) => violationsOf(exchange).filter((v) => !isNotChecked(v)).length : undefined,
    unreachable: unreachableAnswer,
    done,
  };

  async function admin(req: IncomingMessage, res: ServerResponse, pathname: string, rawQuery: string): Promise<void> {
    const { body, tooLarge } = await readBody(req, ADMIN_BODY_LIMIT);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const request: EngineRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: pathname.slice('/__admin'.length),
      rawQuery,
      query: parseQuery(rawQuery),
      headers,
      body: tooLarge ? undefined : body,
    };
    let response: EngineResponse;
    if (tooLarge) response = standinError('MalformedBody', `an admin body is at most ${ADMIN_BODY_LIMIT} bytes`);
    else if (isProxyAdminPath(request.path)) response = driftAnswer(request, adminDeps.adminToken, shadow);
    else response = await handleAdmin(adminDeps, request);
    write(res, response);
  }

  function listener(req: IncomingMessage, res: ServerResponse): void {
    // An absolute-form target (a client told to use this as its HTTP proxy) is routed like its origin form.
    const url = originForm(req.url ?? '/');
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const rawQuery = q === -1 ? '' : url.slice(q + 1);
    if (pathname === '/__admin' || pathname.startsWith('/__admin/')) {
      admin(req, res, pathname, rawQuery).catch((error: Error) => {
        if (res.headersSent) return void res.destroy();
        write(res, markedStandinError(standinError('InternalError', `the proxy's admin failed: ${error.message}`), 'InternalError'));
      });
      return;
    }
    const target = resolve(pathname);
    if (!target) {
      const served = upstreams.map((u) => u.prefix).join(', ');
      write(res, markedStandinError(standinError('UnknownApi', `no API is proxied at ${pathname} (proxied: ${served})`), 'UnknownApi'));
      return;
    }
    forward(target.upstream, target.path, rawQuery, req, res, forwardOptions);
  }

  let server: Server | undefined;
  return {
    journal,
    shadow,
    listen(port = options.port ?? 4020, host = options.host ?? '127.0.0.1') {
      return new Promise((resolvePromise, reject) => {
        const s = createServer(listener);
        protect(s, proxyRefusal(resolve));
        s.once('error', (err) => reject(cannotListen(err, '', host, port, '--port N')));
        s.listen(port, host, () => {
          server = s;
          resolvePromise(s.address() as AddressInfo);
        });
      });
    },
    url: () => urlOf(server!.address() as AddressInfo),
    async close() {
      const s = server;
      server = undefined;
      if (s) {
        await new Promise<void>((resolveClose) => {
          s.close(() => resolveClose());
          s.closeAllConnections();
        });
      }
      for (const up of upstreams) up.agent.destroy();
      await this.settled();
      await recorder?.flush();
      await shadow?.close();
    },
    async settled() {
      if (pending > 0) await new Promise<void>((wake) => idle.push(wake));
      await recorder?.flush();
      await shadow?.drained();
    },
  };
}
