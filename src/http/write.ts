import { type ServerResponse, STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { defaultContentType } from '../core/contentType';
import type { EngineResponse } from '../core/types';

/** What went on the wire: the journal keeps it as written. */
export interface Written {
  headers: Record<string, string | number>;
  payload: Buffer | string | undefined;
}

/** Writes a plain response: a Buffer as bytes, a string as text, anything else as JSON. */
export function write(res: ServerResponse, response: EngineResponse): Written {
  const headers = response.headers ?? {};
  // A live feed (the journal's event stream): headers now, the body as it comes, until either side ends it.
  if (response.body instanceof Readable) {
    res.writeHead(response.status, headers);
    response.body.pipe(res);
    res.once('close', () => (response.body as Readable).destroy());
    return { headers, payload: undefined };
  }
  let payload: Buffer | string | undefined;
  if (response.body === undefined) payload = undefined;
  else if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (typeof response.body === 'string') payload = response.body;
  else payload = JSON.stringify(response.body);
  if (payload !== undefined && !headers['content-type']) headers['content-type'] = defaultContentType(response.body)!;
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const length = payload === undefined ? 0 : Buffer.byteLength(payload);
  res.setHeader('content-length', length);
  res.end(payload);
  return { headers: { ...headers, 'content-length': length }, payload };
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
