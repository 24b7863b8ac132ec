import { type ClientRequest, createServer as createHttpServer, get as httpGet } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer } from 'node:net';
import request from 'supertest';
import { STANDIN_ERROR_HEADER, STANDIN_ERRORS, type StandinErrorCode } from '../src/core/standinErrors';
import { createProxy } from '../src/proxy/proxyServer';
import { createApp, createServer } from '../src/server';
import { MemoryLog } from '../src/state/testing/memoryLog';
import { rawExchange, type RawResponse } from './rawExchange';
import { FAILING_SEED_COUNT, TOY_TOKEN, TOY_VENDORS } from './toyVendor/toy';

// Every error standin sends of its own is in the catalogue, with the status the catalogue gives it,
// and every catalogue entry is one standin can send: one request per code.

type Seen = { status: number; headers: Record<string, string | string[] | undefined>; body: { standin?: { error?: string } } | undefined };
const sent = new Map<string, number[]>();

/** The code an answer carries: standin's envelope, else the header on a vendor envelope. */
function note(res: Seen): string {
  const code = res.body?.standin?.error ?? res.headers[STANDIN_ERROR_HEADER];
  if (typeof code !== 'string') throw new Error(`no standin error in ${res.status} ${JSON.stringify(res.body)}`);
  sent.set(code, [...(sent.get(code) ?? []), res.status]);
  return code;
}
const raw = (res: RawResponse): Seen => ({ status: res.status, headers: res.headers, body: res.json });

describe('standin errors', () => {
  const standin = createApp({}, { vendors: TOY_VENDORS });
  const app = standin.app;
  const guarded = createApp({ adminToken: 'secret' }, { vendors: TOY_VENDORS }).app;
  const server = createServer({ port: 0 }, { vendors: TOY_VENDORS });
  beforeAll(() => server.listen());
  afterAll(() => server.close());

  it('routing and namespaces', async () => {
    expect(note(await request(app).get('/nowhere'))).toBe('UnknownApi');
    expect(note(await request(app).get('/toy/things').set('x-standin-namespace', 'a b'))).toBe('InvalidNamespace');
    expect(note(await request(app).get('/__admin/state/toy').set('x-standin-namespace', 'a b'))).toBe('InvalidNamespace');
  });

  it('admin', async () => {
    expect(note(await request(app).get('/__admin/nope'))).toBe('NotFound');
    expect(note(await request(guarded).get('/__admin/health'))).toBe('Unauthorized');
    expect(note(await request(app).post('/__admin/reset').set('content-type', 'application/json').send('[1'))).toBe('MalformedBody');
    expect(note(await request(app).post('/__admin/reset'))).toBe('NamespaceRequired');
    expect(note(await request(app).post('/__admin/seed').send({ api: 'nope', count: 1 }))).toBe('UnknownApi');
    expect(note(await request(app).post('/__admin/seed').send({ api: 'toy', count: 0 }))).toBe('InvalidSeed');
    expect(note(await request(app).post('/__admin/seed').send({ api: 'plain', count: 1 }))).toBe('BulkSeedUnsupported');
    expect(note(await request(app).post('/__admin/seed').send({ api: 'toy', count: FAILING_SEED_COUNT }))).toBe('SeedFailed');
    expect(note(await request(app).post('/__admin/faults').send({ api: 'toy', times: 0 }))).toBe('InvalidFault');
    expect(note(await request(app).put('/__admin/clock').send({ now: 'yesterday' }))).toBe('InvalidClock');
    expect(note(await request(app).put('/__admin/clock').send({ now: 12345 }))).toBe('InvalidClock');
    expect(note(await request(app).get('/__admin/journal?status=4x'))).toBe('InvalidFilter');
  });

  it('a mock answer that breaks its spec, and what escapes every other handling', async () => {
    const broken = await request(app).get('/toy/broken').set('authorization', `Token ${TOY_TOKEN}`);
    expect(note(broken)).toBe('ResponseValidationFailed');
    expect(broken.headers[STANDIN_ERROR_HEADER]).toBe('response-validation');
    expect(note(await request(app).get('/toy/explode'))).toBe('InternalError');
  });

  it("what node's HTTP parser refuses, and an unmet Expect", async () => {
    const main = server.url();
    expect(note(raw(await rawExchange(main, 'GET /toy/things HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n')))).toBe('MalformedRequest');
    expect(note(raw(await rawExchange(main, `GET /nowhere HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)))).toBe('HeadersTooLarge');
    expect(note(raw(await rawExchange(main, 'GET /toy/things HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n')))).toBe('ExpectationFailed');
  });

  it('a request slower than the server allows, on a server built around the listener and protected', async () => {
    const own = createHttpServer({ requestTimeout: 200, headersTimeout: 200, connectionsCheckingInterval: 50 }, standin.listener);
    standin.protect(own);
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    try {
      const bytes = await new Promise<string>((resolve, reject) => {
        const socket = connect((own.address() as { port: number }).port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (c) => chunks.push(c));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.on('error', reject);
        socket.write('GET /toy/things HTTP/1.1\r\nHost: x\r\n'); // the headers never end
      });
      const split = bytes.indexOf('\r\n\r\n');
      const headers = Object.fromEntries(
        bytes
          .slice(0, split)
          .split('\r\n')
          .slice(1)
          .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      expect(note({ status: Number(bytes.split(' ')[1]), headers, body: JSON.parse(bytes.slice(split + 4)) })).toBe('RequestTimeout');
    } finally {
      own.close();
    }
  });

  // Runs last (tests run in order): each code above was sent with the catalogue's status, and
  // every catalogue entry was sent by one of them.
  it('one journal stream too many', async () => {
    const streams = await Promise.all(
      Array.from(
        { length: 32 },
        () =>
          new Promise<ClientRequest>((resolve) => {
            const req = httpGet(`${server.url()}/__admin/journal/stream`, (res) => res.once('data', () => resolve(req)));
          }),
      ),
    );
    try {
      const res = await fetch(`${server.url()}/__admin/journal/stream`);
      expect(note({ status: res.status, headers: Object.fromEntries(res.headers), body: (await res.json()) as Seen['body'] })).toBe('TooManyStreams');
    } finally {
      for (const stream of streams) stream.destroy();
    }
  });

  it('a state log that cannot be reached', async () => {
    const log = new MemoryLog();
    const logged = createApp({}, { vendors: TOY_VENDORS, log });
    await logged.ready();
    log.failing = true;
    const write = await request(logged.app).post('/toy/things').set('authorization', `Token ${TOY_TOKEN}`).send({ name: 'a' });
    expect([note(write), write.headers['retry-after']]).toEqual(['StateUnavailable', '1']);
    expect(note(await request(logged.app).post('/__admin/reset').send({ all: true }))).toBe('StateUnavailable');
    await logged.close();
  });

  it('a proxy whose upstream cannot be reached', async () => {
    const dead = createTcpServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const through = createProxy({ pairs: [{ api: 'losant', upstream: `http://127.0.0.1:${port}` }], root: true });
    await through.listen(0);
    try {
      const res = await fetch(`${through.url()}/applications/a/certificates/c`, { headers: { authorization: 'Bearer x' } });
      expect(note({ status: res.status, headers: Object.fromEntries(res.headers), body: (await res.json()) as Seen['body'] })).toBe('UpstreamUnreachable');
    } finally {
      await through.close();
    }
  });

  it('sends only catalogued codes, each with its status, and every catalogued code', () => {
    for (const [code, statuses] of sent) {
      expect(STANDIN_ERRORS).toHaveProperty(code);
      for (const status of statuses) expect([code, status]).toEqual([code, STANDIN_ERRORS[code as StandinErrorCode].status]);
    }
    expect([...sent.keys()].sort()).toEqual(Object.keys(STANDIN_ERRORS).sort());
  });
});
