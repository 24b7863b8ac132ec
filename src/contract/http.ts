import { createServer, request as httpRequest, type IncomingMessage, type RequestListener, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

// How the suite reaches an implementation: only HTTP, never its handlers or stores.

export interface HttpRequest {
  method: string;
  /** Path and query below the API's base URL, e.g. '/api/v1/single/abc?x=1'. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Send the body with Transfer-Encoding: chunked and no Content-Length (an upload of unknown size). */
  chunked?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>; // lower-case names
  body: Buffer;
}

export interface Transport {
  /** Shown in reproduction commands, e.g. http://127.0.0.1:4010/<api>. */
  readonly baseUrl: string;
  send(req: HttpRequest): Promise<HttpResponse>;
}

function lowerHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

const bytesOf = (body: Buffer | string | undefined) => (typeof body === 'string' ? Buffer.from(body) : body);

/**
 * Sends with node:http, bytes as they are: a body on any method, chunked when asked (written
 * before end(), with no Content-Length), otherwise with its Content-Length.
 */
function sendWithNodeHttp(target: string | RequestOptions, req: HttpRequest, headers: Record<string, string>): Promise<HttpResponse> {
  const body = bytesOf(req.body);
  const length: Record<string, string> = body && !req.chunked ? { 'content-length': String(body.length) } : {};
  const options = { method: req.method, headers: { ...headers, ...length } };
  const https = typeof target === 'string' && target.startsWith('https:');
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: lowerHeaders(res.headers), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    };
    const call =
      typeof target === 'string' ? (https ? httpsRequest : httpRequest)(target, options, onResponse) : httpRequest({ ...target, ...options }, onResponse);
    call.on('error', reject);
    if (body && req.chunked) call.write(body);
    call.end(req.chunked ? undefined : body);
  });
}

/** A real HTTP endpoint (a running standin, Prism, or the vendor). */
export function fetchTransport(baseUrl: string, extraHeaders: Record<string, string> = {}): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: base,
    async send(req) {
      // fetch refuses a body on GET/HEAD, which some services read parameters from; node:http
      // sends it as is, with its Content-Length.
      if ((req.method === 'GET' || req.method === 'HEAD') && req.body !== undefined) {
        return sendWithNodeHttp(base + req.path, { ...req, chunked: false }, { ...extraHeaders, ...req.headers });
      }
      const bytes = bytesOf(req.body);
      // A stream body has no known length, so fetch sends it chunked.
      const body = bytes && req.chunked ? new Blob([new Uint8Array(bytes)]).stream() : bytes && new Uint8Array(bytes);
      const res = await fetch(base + req.path, {
        method: req.method,
        headers: { ...extraHeaders, ...req.headers },
        body,
        redirect: 'manual',
        ...(req.chunked ? { duplex: 'half' } : {}),
      } as RequestInit);
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()) };
    },
  };
}

/**
 * The mock in-process: its request listener behind a loopback server on a free port, opened for
 * each request and closed after it, so a run leaves nothing listening. The path goes out as it is
 * (no URL normalization), as a client that writes its own request line would send it.
 */
export function listenerTransport(listener: RequestListener, prefix: string, extraHeaders: Record<string, string> = {}): Transport {
  return {
    baseUrl: `http://127.0.0.1:4010${prefix}`,
    async send(req) {
      const server = createServer(listener);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      try {
        const { port } = server.address() as AddressInfo;
        return await sendWithNodeHttp({ host: '127.0.0.1', port, path: prefix + req.path, agent: false }, req, { ...extraHeaders, ...req.headers });
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
