import { request as httpRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { Journal, type MockExchange } from '../src/admin/journal';
import { compileFilter } from '../src/admin/journalFilter';
import { journalStream } from '../src/admin/journalStream';
import { BODY_CUT, holdBody } from '../src/admin/keptBody';
import { allByteValues, binaryParser, SINGLE, signedHeaders } from '../src/apis/altr/testing/altrTestSupport';
import { createApp, createServer } from '../src/server';

// The journal: whole exchanges (cut, binary as base64), bounded by entries and by bytes, filtered,
// and live over Server-Sent Events.

const ECOSYSTEM = 'C599343aecca8fba8297a3195';
const ENVIRONMENTS = '/droplit/v0/api/environments/';
const DROPLIT = { authorization: 'droplit-demo-account' };

const entries = async (app: ReturnType<typeof createApp>['app'], query = '') => (await request(app).get(`/__admin/journal${query}`).expect(200)).body.entries;

/** A bare exchange, for driving the ring directly. */
function exchange(over: Partial<MockExchange> = {}): MockExchange {
  return {
    source: 'mock',
    at: Date.parse('2024-01-01T00:00:00Z'),
    namespace: 'default',
    api: 'droplit',
    operationId: 'getEnvironment',
    method: 'GET',
    path: '/droplit/v0/api/environments/x',
    rawQuery: '',
    status: 200,
    durationMs: 1,
    requestHeaders: {},
    responseHeaders: {},
    ...over,
  };
}

describe('journal entries hold the exchange', () => {
  it('request url, headers and body; response headers and body as written; duration, namespace, operationId, source', async () => {
    const { app } = createApp({ apis: ['droplit'] });
    await request(app).post(`${ENVIRONMENTS}?x=1`).set(DROPLIT).set('x-standin-namespace', 'j1').send({ ecosystemId: ECOSYSTEM, alias: 'kitchen' }).expect(400);
    const created = await request(app)
      .post(ENVIRONMENTS)
      .set(DROPLIT)
      .set('x-standin-namespace', 'j1')
      .send({ ecosystemId: ECOSYSTEM, alias: 'kitchen' })
      .expect(201);
    const [refused, ok] = await entries(app);
    expect(refused).toMatchObject({
      id: 1,
      namespace: 'j1',
      api: 'droplit',
      operationId: 'createEnvironment',
      source: 'mock',
      method: 'POST',
      path: ENVIRONMENTS,
      status: 400,
      request: { url: `${ENVIRONMENTS}?x=1`, headers: { authorization: '***', 'content-type': 'application/json' } },
      reason: { rule: 'rule-droplit-no-query' },
    });
    expect(ok.request.body).toEqual({
      size: expect.any(Number),
      truncated: false,
      encoding: 'utf8',
      text: JSON.stringify({ ecosystemId: ECOSYSTEM, alias: 'kitchen' }),
    });
    expect(JSON.parse(ok.response.body.text)).toEqual(created.body);
    expect(ok.response.headers['content-type']).toMatch(/^application\/json/);
    expect(ok.response.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(created.body))));
    expect(ok.reason).toBeUndefined();
    expect(typeof ok.durationMs).toBe('number');
    expect(new Date(ok.time).toISOString()).toBe(ok.time);
  });

  it(`cuts bodies at ${BODY_CUT} bytes and shows binary as size + base64 of the first bytes`, async () => {
    const { app } = createApp({ apis: ['altr'] });
    const date = new Date().toUTCString();
    const big = Buffer.alloc(10_000, 'a');
    await request(app)
      .post(SINGLE)
      .set(signedHeaders('POST', '', date))
      .set('content-type', 'application/octet-stream')
      .send(big)
      .expect(200);
    const bytes = allByteValues(40); // 10,240 bytes, not UTF-8
    const put = await request(app)
      .post(SINGLE)
      .set(signedHeaders('POST', '', date))
      .set('content-type', 'application/octet-stream')
      .send(bytes)
      .expect(200);
    const token = put.body.response.data.referenceToken;
    await request(app)
      .get(`${SINGLE}${token}`)
      .set(signedHeaders('GET', token, date))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    const [text, binary, read] = await entries(app);
    expect(text.request.body).toMatchObject({ size: 10_000, truncated: true, encoding: 'base64' });
    expect(Buffer.from(text.request.body.text, 'base64')).toEqual(big.subarray(0, BODY_CUT));
    expect(binary.request.body).toMatchObject({ size: bytes.length, truncated: true, encoding: 'base64' });
    expect(Buffer.from(binary.request.body.text, 'base64')).toEqual(bytes.subarray(0, BODY_CUT));
    expect(read.response.body).toMatchObject({ size: bytes.length, truncated: true, encoding: 'base64' });
    expect(Buffer.from(read.response.body.text, 'base64')).toEqual(bytes.subarray(0, BODY_CUT));
    expect(read.response.headers['X-Expected-Hash']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a long JSON answer is cut to its first bytes, on a whole character', async () => {
    const journal = new Journal(10);
    const text = `"${'é'.repeat(5000)}"`;
    journal.record(
      exchange({ responseBody: holdBody(text, Buffer.byteLength(text), 'application/json'), responseHeaders: { 'content-type': 'application/json' } }),
    );
    const [entry] = journal.list();
    expect(entry.response.body).toMatchObject({ size: Buffer.byteLength(text), truncated: true, encoding: 'utf8' });
    expect(Buffer.byteLength(entry.response.body!.text)).toBeLessThanOrEqual(BODY_CUT);
    expect(entry.response.body!.text).toBe(text.slice(0, entry.response.body!.text.length));
  });

  it('keeps the old top-level fields, and problems', async () => {
    const { app } = createApp({ apis: ['droplit'] });
    await request(app).post(ENVIRONMENTS).set(DROPLIT).send({ ecosystemId: ECOSYSTEM, alias: 'bad alias!' }).expect(400);
    const [entry] = await entries(app);
    expect(Object.keys(entry)).toEqual(
      expect.arrayContaining(['id', 'time', 'namespace', 'api', 'method', 'path', 'operationId', 'status', 'durationMs', 'requestProblems']),
    );
    expect(entry.requestProblems[0]).toMatchObject({ in: 'body', field: 'alias', keyword: 'pattern' });
    expect(entry.reason).toEqual({ rule: 'rule-generic-400', message: expect.stringMatching(/^schema: body \/alias: must match pattern/) });
  });
});

describe('journal bounds', () => {
  it('keeps at most --journal-size entries, the oldest going first', () => {
    const journal = new Journal(3);
    for (let i = 0; i < 5; i++) journal.record(exchange());
    expect(journal.list().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(journal.recorded).toBe(5);
    expect(journal.size.entries).toBe(3);
  });

  it('keeps at most --journal-bytes bytes, the oldest going first', () => {
    const journal = new Journal(1000, { bytes: 20_000 });
    const body = Buffer.alloc(9_000, 'x');
    for (let i = 0; i < 10; i++) journal.record(exchange({ requestBody: holdBody(body, body.length, 'text/plain') }));
    // Each holds BODY_CUT bytes of its body plus its share: four fit in 20,000 bytes.
    expect(journal.list().map((e) => e.id)).toEqual([7, 8, 9, 10]);
    expect(journal.size.bytes).toBeLessThanOrEqual(20_000);
    // An entry over the whole budget is not kept at all.
    const tiny = new Journal(10, { bytes: 100 });
    tiny.record(exchange({ requestBody: holdBody(body, body.length, 'text/plain') }));
    expect(tiny.list()).toEqual([]);
  });

  it('holds a copy of a long body, never the body itself', () => {
    const body = Buffer.alloc(1024 * 1024, 'y');
    const held = holdBody(body, body.length, 'text/plain')!;
    expect(held.head.length).toBe(BODY_CUT);
    expect((held.head as Buffer).buffer).not.toBe(body.buffer);
  });

  it('createApp passes --journal-bytes to the journal', async () => {
    const { app, journal } = createApp({ apis: ['droplit'], journalBytes: 4000 });
    for (let i = 0; i < 8; i++) await request(app).get(`${ENVIRONMENTS}?ecosystemId=${ECOSYSTEM}`).set(DROPLIT).expect(200);
    expect(journal.byteBudget).toBe(4000);
    expect(journal.size.bytes).toBeLessThanOrEqual(4000);
    expect(journal.size.entries).toBeLessThan(8);
    expect((await request(app).get('/__admin/health')).body.journal).toMatchObject({ budgetBytes: 4000, capacity: 1000 });
  });
});

describe('journal filters', () => {
  const { app } = createApp({ apis: ['droplit', 'losant'] });
  beforeAll(async () => {
    await request(app).get(`${ENVIRONMENTS}?ecosystemId=${ECOSYSTEM}`).set(DROPLIT).set('x-standin-namespace', 'f1').expect(200);
    await request(app).get(`${ENVIRONMENTS}?ecosystemId=${ECOSYSTEM}`).set('x-standin-namespace', 'f1').expect(401);
    await request(app).get('/losant/applications/575ec8687ae143cd83dc4a97/certificates').set('x-standin-namespace', 'f2').expect(401);
    await request(app).get('/losant/applications/575ec8687ae143cd83dc4a97/certificates').set('authorization', 'Bearer losant-demo-none').expect(403);
  });

  it.each([
    ['?api=losant', [3, 4]],
    ['?namespace=f1', [1, 2]],
    ['?operationId=listEnvironments', [1, 2]],
    ['?status=401', [2, 3]],
    ['?status=4xx', [2, 3, 4]],
    ['?status=2XX', [1]],
    ['?since=2', [3, 4]],
    ['?since=2&limit=1', [4]],
    ['?status=4xx&api=losant&namespace=f2', [3]],
    ['?since=2000-01-01T00:00:00Z', [1, 2, 3, 4]],
    ['?since=2999-01-01T00:00:00.000Z', []],
  ])('%s', async (query, ids) => {
    expect((await entries(app, query)).map((e: { id: number }) => e.id)).toEqual(ids);
  });

  it.each(['?status=4x', '?status=601', '?since=yesterday', '?limit=-1', '?limit=ten'])('%s -> 400 InvalidFilter in standin envelope', async (query) => {
    const res = await request(app).get(`/__admin/journal${query}`).expect(400);
    expect(res.body.standin).toMatchObject({ error: 'InvalidFilter', message: expect.any(String) });
    const stream = await request(app).get(`/__admin/journal/stream${query}`).expect(400);
    expect(stream.body.standin.error).toBe('InvalidFilter');
  });
});

/** Reads SSE events off a live stream until `count` have come (or the time runs out). */
function readEvents(
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<{ status: number; type?: string; events: { id: number; data: any }[]; raw: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let raw = '';
      const events: { id: number; data: any }[] = [];
      const done = () => {
        req.destroy();
        resolve({ status: res.statusCode!, type: res.headers['content-type'], events, raw });
      };
      const timer = setTimeout(done, 5000);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        events.length = 0;
        for (const block of raw.split('\n\n')) {
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) events.push({ id: Number(id), data: JSON.parse(data) });
        }
        if (events.length >= count || res.statusCode !== 200) {
          clearTimeout(timer);
          done();
        }
      });
      res.on('end', () => {
        clearTimeout(timer);
        done();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /__admin/journal/stream', () => {
  const server = createServer({ port: 0, apis: ['droplit'], adminToken: 'tok' });
  const auth = { authorization: 'Bearer tok' };
  beforeAll(() => server.listen());
  afterAll(() => server.close());

  it('sends each new entry as an event, with the same filters, behind the admin token', async () => {
    const url = `${server.url()}/__admin/journal/stream?status=4xx`;
    const reading = readEvents(url, auth, 1);
    await new Promise((r) => setTimeout(r, 100));
    await fetch(`${server.url()}${ENVIRONMENTS}?ecosystemId=${ECOSYSTEM}`, { headers: DROPLIT });
    await fetch(`${server.url()}${ENVIRONMENTS}?ecosystemId=${ECOSYSTEM}`);
    const { status, type, events, raw } = await reading;
    expect([status, type]).toEqual([200, 'text/event-stream; charset=utf-8']);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ status: 401, reason: { rule: 'rule-droplit-auth' } });
    expect(raw).toContain(`id: ${events[0].id}\ndata: `);
    const refused = await fetch(`${server.url()}/__admin/journal/stream`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as any).standin.error).toBe('Unauthorized');
  });

  it('resumes from the ring after Last-Event-ID, or after ?since=', async () => {
    const all = ((await (await fetch(`${server.url()}/__admin/journal`, { headers: auth })).json()) as any).entries;
    const first = all[0].id;
    const resumed = await readEvents(`${server.url()}/__admin/journal/stream`, { ...auth, 'last-event-id': String(first) }, all.length - 1);
    expect(resumed.events.map((e) => e.id)).toEqual(all.slice(1).map((e: { id: number }) => e.id));
    const since = await readEvents(`${server.url()}/__admin/journal/stream?since=${first}`, auth, all.length - 1);
    expect(since.events.map((e) => e.id)).toEqual(resumed.events.map((e) => e.id));
  });

  it('a server with an open stream closes promptly', async () => {
    const other = createServer({ port: 0, apis: ['droplit'] });
    await other.listen();
    const open = new Promise<void>((resolve) => {
      const req = httpRequest(`${other.url()}/__admin/journal/stream`, (res) => res.once('data', () => resolve()));
      req.on('error', () => undefined);
      req.end();
    });
    await open;
    expect(other.journal.subscriberCount).toBe(1);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    // The closed connection ends the stream, which leaves the journal's subscribers.
    for (let i = 0; i < 50 && other.journal.subscriberCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(other.journal.subscriberCount).toBe(0);
  });
});

describe('journal stream limits', () => {
  it('refuses a stream past the cap with 503 TooManyStreams', () => {
    const journal = new Journal(10);
    const filter = compileFilter({});
    const open = [journalStream(journal, filter, false, { maxStreams: 2 }), journalStream(journal, filter, false, { maxStreams: 2 })];
    const third = journalStream(journal, filter, false, { maxStreams: 2 });
    expect([third.status, (third.body as any).standin.error]).toEqual([503, 'TooManyStreams']);
    for (const s of open) (s.body as PassThrough).destroy();
  });

  // Destroying the body is what closes the connection: write() destroys a response whose body is
  // destroyed (src/http/write.test.ts).
  it('drops a subscriber that does not read instead of buffering without bound', async () => {
    const journal = new Journal(100);
    const response = journalStream(journal, compileFilter({}), false, { maxBuffered: 20_000 });
    const stream = response.body as NodeJS.ReadableStream & { destroyed: boolean };
    // A destination that never drains, like a client that stopped reading.
    const socket = new PassThrough({ highWaterMark: 1 });
    stream.pipe(socket);
    socket.pause();
    const body = Buffer.alloc(3000, 'z');
    for (let round = 0; round < 30; round++) {
      journal.record(exchange({ requestBody: holdBody(body, body.length, 'text/plain') }));
      await new Promise((r) => setImmediate(r));
    }
    expect(stream.destroyed).toBe(true);
    expect(journal.subscriberCount).toBe(0);
  });

  it('sends a heartbeat comment', async () => {
    const journal = new Journal(10);
    const response = journalStream(journal, compileFilter({}), false, { heartbeatMs: 20 });
    const stream = response.body as PassThrough;
    let text = '';
    stream.on('data', (c) => (text += c));
    await new Promise((r) => setTimeout(r, 70));
    stream.destroy();
    expect(text).toMatch(/^: standin journal\n\n(: heartbeat\n\n)+$/);
  });
});
