import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { HttpApp } from '../src/app/createApp';

// Bytes straight onto a socket: what node's parser refuses never gets past supertest or fetch.

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: any;
}

function parse(raw: string): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = raw.slice(0, split).split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  let text = raw.slice(split + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    let out = '';
    for (let at = 0; ;) {
      const eol = text.indexOf('\r\n', at);
      const size = parseInt(text.slice(at, eol), 16);
      if (!size) break;
      out += text.slice(eol + 2, eol + 2 + size);
      at = eol + 4 + size;
    }
    text = out;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text, json };
}

/** Sends `bytes` to a base URL (or an app, on a port of its own for the call) and reads until the server closes. */
export async function rawExchange(target: string | HttpApp, bytes: string): Promise<RawResponse> {
  let server: Server | undefined;
  let port: number;
  if (typeof target === 'string') port = Number(new URL(target).port);
  else {
    server = createServer(target);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  }
  try {
    return await new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => resolve(parse(Buffer.concat(chunks).toString('latin1'))));
      socket.on('error', reject);
      socket.write(Buffer.from(bytes, 'latin1'));
    });
  } finally {
    server?.close();
  }
}
