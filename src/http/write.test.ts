import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { EngineResponse } from '../core/types';
import { type Written, write } from './write';

// write() against a real node:http server: what reaches the client, and what it says it wrote.

let server: Server;
let answer: (res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function fetchRaw(): Promise<{ res: IncomingMessage; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ res, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function serving(response: EngineResponse): { written: Promise<Written> } {
  let done: (w: Written) => void;
  const written = new Promise<Written>((resolve) => (done = resolve));
  answer = (res) => done(write(res, response));
  return { written };
}

/** Header names as sent, lower-cased, once per line on the wire. */
const names = (res: IncomingMessage) => res.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());

describe('write', () => {
  it('sends status, headers and body, and returns exactly the headers it sent with the content length', async () => {
    const { written } = serving({ status: 201, headers: { 'x-id': '7' }, body: { café: 'é' } });
    const { res, body } = await fetchRaw();
    expect([res.statusCode, body]).toEqual([201, '{"café":"é"}']);
    expect(res.headers).toMatchObject({ 'x-id': '7', 'content-type': 'application/json; charset=utf-8', 'content-length': '14' });
    expect(await written).toEqual({
      headers: { 'x-id': '7', 'content-type': 'application/json; charset=utf-8', 'content-length': 14 },
      payload: '{"café":"é"}',
    });
  });

  it("a vendor's casing next to the same name in lower case goes out once, the last one set, as setHeader always did", async () => {
    serving({ status: 200, headers: { 'Content-Type': 'text/csv', 'content-type': 'text/plain', 'X-ALTR-Metadata': 'm' }, body: 'a,b' });
    const { res } = await fetchRaw();
    expect(names(res).filter((n) => n === 'content-type')).toHaveLength(1);
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.rawHeaders).toContain('X-ALTR-Metadata');
  });

  it('a handler-given content-length never doubles the one written', async () => {
    serving({ status: 200, headers: { 'content-length': '999' }, body: 'abc' });
    const { res, body } = await fetchRaw();
    expect(names(res).filter((n) => n === 'content-length')).toHaveLength(1);
    expect([res.headers['content-length'], body]).toEqual(['3', 'abc']);
  });

  it('a streamed body that ends is sent whole and ends the response', async () => {
    serving({ status: 200, headers: { 'content-type': 'text/plain' }, body: Readable.from(['a'.repeat(100000), 'b']) });
    const { res, body } = await fetchRaw();
    expect([res.statusCode, body.length, body.endsWith('ab')]).toEqual([200, 100001, true]);
  });

  it('a streamed body destroyed without an error closes the response too', async () => {
    const feed = new Readable({ read() {} });
    serving({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: feed });
    const { port } = server.address() as AddressInfo;
    const closed = new Promise<string>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.once('data', () => feed.destroy());
        res.on('error', () => {});
        res.once('close', () => resolve('closed'));
      });
      feed.push('data: 1\n\n');
    });
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000).unref());
    expect(await Promise.race([closed, timeout])).toBe('closed');
  });

  it('a streamed body that fails closes the response instead of leaving the client waiting', async () => {
    const feed = new Readable({ read() {} });
    serving({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: feed });
    const { port } = server.address() as AddressInfo;
    const closed = new Promise<string>((resolve) => {
      get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.once('data', () => feed.destroy(new Error('feed broke')));
        res.on('error', () => {});
        res.once('close', () => resolve('closed'));
      });
      feed.push('data: 1\n\n');
    });
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000).unref());
    expect(await Promise.race([closed, timeout])).toBe('closed');
  });
});
