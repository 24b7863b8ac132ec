import type { Express } from 'express';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import request from 'supertest';

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
  /** Shown in reproduction commands, e.g. http://127.0.0.1:4010/altr. */
  readonly baseUrl: string;
  send(req: HttpRequest): Promise<HttpResponse>;
}

function lowerHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

/** fetch refuses a body on GET/HEAD, which ncanode reads parameters from; node:http sends it as is. */
function sendWithNodeHttp(url: string, req: HttpRequest, headers: Record<string, string>): Promise<HttpResponse> {
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body!;
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const call = send(url, { method: req.method, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: lowerHeaders(res.headers), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    call.on('error', reject);
    call.end(body);
  });
}

/** A real HTTP endpoint (a running standin, Prism, or the vendor). */
export function fetchTransport(baseUrl: string, extraHeaders: Record<string, string> = {}): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: base,
    async send(req) {
      if ((req.method === 'GET' || req.method === 'HEAD') && req.body !== undefined) {
        return sendWithNodeHttp(base + req.path, req, { ...extraHeaders, ...req.headers });
      }
      const bytes = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
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

/** The mock in-process: supertest against the Express app, no port. */
export function appTransport(app: Express, prefix: string, extraHeaders: Record<string, string> = {}): Transport {
  return {
    baseUrl: `http://127.0.0.1:4010${prefix}`,
    async send(req) {
      let call = request(app)[req.method.toLowerCase() as 'get'](prefix + req.path);
      for (const [name, value] of Object.entries({ ...extraHeaders, ...req.headers })) call = call.set(name, value);
      call = call.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      let res;
      if (req.body === undefined) res = await call;
      else if (req.chunked) {
        // Writing before end() makes superagent stream the body: chunked, no Content-Length.
        call.write(req.body);
        res = await call;
      } else if (Buffer.isBuffer(req.body)) {
        // superagent would JSON-serialize a Buffer sent with a JSON content type; send its bytes.
        res = await call.serialize((bytes: unknown) => bytes as string).send(req.body);
      } else res = await call.send(req.body as any);
      return { status: res.status, headers: lowerHeaders(res.headers), body: res.body as Buffer };
    },
  };
}
