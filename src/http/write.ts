import { type ServerResponse, STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { defaultContentType } from '../core/contentType';
import type { EngineResponse } from '../core/types';

/** What went on the wire: the journal keeps it as written. */
export interface Written {
  headers: Record<string, string | number>;
  payload: Buffer | string | undefined;
}

/** Whether every header name is lower case: then no two can name one header, and they go out as one writeHead. */
function allLowerCase(headers: Record<string, string | number>): boolean {
  for (const name in headers) if (name !== name.toLowerCase() || name === 'content-length') return false;
  return true;
}

/** A live feed (the journal's event stream): headers now, the body as it comes, until either side ends it. */
function stream(res: ServerResponse, status: number, headers: Record<string, string | number>, body: Readable): Written {
  res.writeHead(status, headers);
  body.pipe(res);
  // Whichever side goes first takes the other with it: a client gone stops the feed, and a feed
  // destroyed or failed closes the response (pipe alone leaves it open). One that ends is ended by pipe.
  res.once('close', () => body.destroy());
  body.once('close', () => {
    if (!body.readableEnded) res.destroy();
  });
  // Listened to, so a failing feed is a closed response, not an uncaught error that ends the process.
  body.once('error', () => res.destroy());
  return { headers, payload: undefined };
}

/** Writes a plain response: a Buffer as bytes, a string as text, anything else as JSON. */
export function write(res: ServerResponse, response: EngineResponse): Written {
  const headers = response.headers ?? {};
  const body = response.body;
  if (body instanceof Readable) return stream(res, response.status, headers, body);
  let payload: Buffer | string | undefined;
  if (body === undefined) payload = undefined;
  else if (Buffer.isBuffer(body)) payload = body;
  else if (typeof body === 'string') payload = body;
  else payload = JSON.stringify(body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = defaultContentType(body)!;
  const length = payload === undefined ? 0 : typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  const wire: Record<string, string | number> = { ...headers, 'content-length': length };
  if (allLowerCase(headers)) {
    // Status, headers and body in one call: node builds the head once, with no per-header bookkeeping.
    res.writeHead(response.status, wire);
  } else {
    // A vendor's own casing may name a header twice ('Content-Type' and 'content-type'): setHeader
    // keeps one of each, the last set, as it always has.
    res.statusCode = response.status;
    for (const name in headers) res.setHeader(name, headers[name]);
    res.setHeader('content-length', length);
  }
  res.end(payload);
  return { headers: wire, payload };
}

/** An answer written straight to the socket, where node never made a response object; a HEAD answer has no body. */
export function rawResponse(response: EngineResponse, head: boolean): string {
  const payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? {});
  const headers: Record<string, string> = {
    'content-type': defaultContentType(response.body ?? {})!,
    ...response.headers,
    'content-length': String(Buffer.byteLength(payload)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${head ? '' : payload}`;
}
