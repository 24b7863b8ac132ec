import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Violation } from './checkExchange';
import { forwardedHeaders, headerRecord } from './hopByHop';
import { KeptBytes } from './keptBytes';
import type { Upstream } from './upstream';

// One request forwarded as it came: the body piped through unchanged (chunked stays chunked, a
// Content-Length stays as sent), only Host and the hop-by-hop fields changed; the answer piped back
// the same way. The first `cap` bytes of each side are kept for the checks; the rest only passes.

export interface Forwarded {
  upstream: Upstream;
  started: bigint;
  method: string;
  /** Below the proxy's prefix, still percent-encoded. */
  path: string;
  rawQuery: string;
  requestHeaders: Record<string, string>;
  requestBody: KeptBytes;
  status?: number;
  responseHeaders: Record<string, string>;
  responseBody: KeptBytes;
  /** Why no whole answer came through (the upstream unreachable or reset, the client gone). */
  failure?: string;
  /** Set once checked: the operation the request names, and what breaks the spec on either side. */
  operationId?: string;
  violations?: Violation[];
  /** The journal's rule for `failure`. */
  failureRule?: 'proxy-upstream-unreachable' | 'proxy-client-closed';
}

export interface ForwardOptions {
  cap: number;
  /** Holds the answer's head until its body is checked (up to `cap`), to add x-standin-violations. */
  countViolations?: (exchange: Forwarded) => number;
  /** The client's answer when the upstream cannot be reached. */
  unreachable: (upstream: Upstream, message: string) => { status: number; headers: Record<string, string>; body: string };
  done: (exchange: Forwarded) => void;
}

export function forward(up: Upstream, path: string, rawQuery: string, req: IncomingMessage, res: ServerResponse, options: ForwardOptions): void {
  const exchange: Forwarded = {
    upstream: up,
    started: process.hrtime.bigint(),
    method: req.method ?? 'GET',
    path,
    rawQuery,
    requestHeaders: headerRecord(req.rawHeaders),
    requestBody: new KeptBytes(options.cap),
    responseHeaders: {},
    responseBody: new KeptBytes(options.cap),
  };
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (exchange.status === undefined && exchange.failure === undefined) {
      exchange.failure = 'the client closed the connection before the answer';
      exchange.failureRule = 'proxy-client-closed';
    }
    options.done(exchange);
  };
  const upstreamRequest = up.request({
    protocol: up.url.protocol,
    hostname: up.url.hostname,
    port: up.url.port,
    method: exchange.method,
    path: `${up.basePath}${path}${rawQuery ? `?${rawQuery}` : ''}`,
    headers: forwardedHeaders(req.rawHeaders, up.host),
    agent: up.agent,
  });
  req.on('data', (chunk: Buffer) => exchange.requestBody.push(chunk));
  req.pipe(upstreamRequest);
  // A client that goes away mid-request takes the upstream request with it.
  res.once('close', () => {
    if (!res.writableFinished) upstreamRequest.destroy();
    finish();
  });
  upstreamRequest.once('error', (error) => {
    exchange.failure = `${up.url.origin} cannot be reached: ${error.message}`;
    exchange.failureRule = 'proxy-upstream-unreachable';
    if (res.headersSent) return void res.destroy();
    const answer = options.unreachable(up, exchange.failure);
    exchange.status = answer.status;
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
    res.end(answer.body);
  });
  upstreamRequest.once('response', (upstreamResponse) => {
    exchange.status = upstreamResponse.statusCode ?? 502;
    exchange.responseHeaders = headerRecord(upstreamResponse.rawHeaders);
    const head = forwardedHeaders(upstreamResponse.rawHeaders);
    // Node would add a Date the vendor did not send.
    res.sendDate = false;
    const sendHead = (extra: string[]) => res.writeHead(exchange.status!, upstreamResponse.statusMessage, [...head, ...extra]);
    upstreamResponse.once('error', (error) => {
      // Cut off mid-answer: the client's answer is cut off too, and nothing half is recorded or shadowed.
      exchange.failure = `${up.url.origin} broke off its answer: ${error.message}`;
      exchange.failureRule = 'proxy-upstream-unreachable';
      res.destroy();
    });
    if (!options.countViolations) {
      sendHead([]);
      upstreamResponse.on('data', (chunk: Buffer) => exchange.responseBody.push(chunk));
      upstreamResponse.pipe(res);
      return;
    }
    holdHead(exchange, upstreamResponse, res, () => sendHead(['x-standin-violations', String(options.countViolations!(exchange))]));
  });
}

/** Keeps the answer until it ends or passes `cap`, then sends the head (now countable) and what was held. */
function holdHead(exchange: Forwarded, upstreamResponse: IncomingMessage, res: ServerResponse, sendHead: () => void): void {
  const held: Buffer[] = [];
  let flowing = false;
  const release = () => {
    flowing = true;
    sendHead();
    for (const chunk of held) res.write(chunk);
    held.length = 0;
  };
  upstreamResponse.on('data', (chunk: Buffer) => {
    exchange.responseBody.push(chunk);
    if (flowing) {
      if (!res.write(chunk)) upstreamResponse.pause();
      return;
    }
    held.push(chunk);
    if (exchange.responseBody.overflowed) release();
  });
  res.on('drain', () => upstreamResponse.resume());
  upstreamResponse.once('end', () => {
    if (!flowing) release();
    res.end();
  });
}
