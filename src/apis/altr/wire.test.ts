import { request as httpRequest } from 'node:http';
import { createServer, type StandinServer } from '../../server';
import { md5Hex } from './store';
import { allByteValues, altrState, DATA_CAP, SINGLE, signedHeaders } from './testing/altrTestSupport';

// Rules that depend on how the body is framed on the wire (chunked or Content-Length) and on many
// requests at once, so they run against a real server on port 0.

let server: StandinServer;
let base: URL;
let seq = 0;
const ns = () => `altr-wire-${++seq}`;

beforeAll(async () => {
  server = createServer({ apis: ['altr'] });
  await server.listen(0);
  base = new URL(server.url());
});
afterAll(() => server.close());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Header names exactly as they came over the socket (res.headers lowers them). */
  rawNames: string[];
  body: Buffer;
}

/** Sends `chunks` one write at a time; without a content-length Node frames them as chunked. */
function send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, chunks: Buffer[] = []): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      const rawNames = res.rawHeaders.filter((_v, i) => i % 2 === 0);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, rawNames, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const now = () => new Date().toISOString();

async function upload(namespace: string, bytes: Buffer, extra: Record<string, string>): Promise<Buffer> {
  const chunks = [0, 1, 2, 3, 4].map((i) => bytes.subarray((i * bytes.length) / 5, ((i + 1) * bytes.length) / 5));
  const headers = { 'content-type': 'application/octet-stream', 'x-standin-namespace': namespace, ...signedHeaders('POST', '', now()), ...extra };
  const put = await send('POST', SINGLE, headers, chunks);
  expect(put.status).toBe(200);
  const token = JSON.parse(put.body.toString()).response.data.referenceToken as string;
  const got = await send('GET', `${SINGLE}${token}`, { 'x-standin-namespace': namespace, ...signedHeaders('GET', token, now()) });
  expect(got.status).toBe(200);
  expect(got.headers['x-expected-hash']).toMatch(/^[a-f0-9]{32}$/);
  return got.body;
}

describe('X-Content-Length-Hint truncation on the wire', () => {
  const bytes = allByteValues(20); // 5120 bytes

  it('chunked upload (no Content-Length) with a hint under 3072 stores only the first 3072 bytes', async () => {
    const stored = await upload(ns(), bytes, { 'x-content-length-hint': '500', 'transfer-encoding': 'chunked' });
    expect(stored.length).toBe(3072);
    expect(stored.equals(bytes.subarray(0, 3072))).toBe(true);
  });

  it('the same upload with Content-Length present stores everything', async () => {
    const stored = await upload(ns(), bytes, { 'x-content-length-hint': '500', 'content-length': String(bytes.length) });
    expect(stored.equals(bytes)).toBe(true);
  });

  it('chunked upload with a hint of 3072 (not under) or no hint stores everything', async () => {
    expect((await upload(ns(), bytes, { 'x-content-length-hint': '3072' })).equals(bytes)).toBe(true);
    expect((await upload(ns(), bytes, {})).equals(bytes)).toBe(true);
  });

  it('the data cap counts the truncated size', async () => {
    const namespace = ns();
    const before = (await altrState(server.app, namespace)).organizations[0].usedBytes;
    await upload(namespace, bytes, { 'x-content-length-hint': '10' });
    expect((await altrState(server.app, namespace)).organizations[0].usedBytes).toBe(before + 3072);
  });
});

describe('data cap under concurrency', () => {
  it('100 parallel writes that each fit alone but only one together: exactly one 200, the rest 400, cap reached exactly', async () => {
    const namespace = ns();
    const used = (await altrState(server.app, namespace)).organizations[0].usedBytes;
    const fill = DATA_CAP - used - 100;
    const headers = () => ({ 'content-type': 'application/octet-stream', 'x-standin-namespace': namespace, ...signedHeaders('POST', '', now()) });
    expect((await fetch(new URL(SINGLE, base), { method: 'POST', headers: headers(), body: Buffer.alloc(fill) })).status).toBe(200);

    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(new URL(SINGLE, base), { method: 'POST', headers: headers(), body: Buffer.alloc(100) }).then(async (r) => ({
          status: r.status,
          body: await r.json(),
        })),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 400);
    expect(refused).toHaveLength(99);
    for (const r of refused)
      expect(r.body).toEqual({ success: false, response: { error_type: 'bad_request', error_message: 'Organization data cap exceeded' } });
    expect((await altrState(server.app, namespace)).organizations[0].usedBytes).toBe(DATA_CAP);
  });
});

describe("GetData response header names keep the vendor's documented casing on the wire", () => {
  it("sends X-Expected-Hash and X-ALTR-Metadata spelled as ALTR's reference tables show them", async () => {
    const namespace = ns();
    const headers = {
      'content-type': 'application/octet-stream',
      'x-standin-namespace': namespace,
      'x-altr-metadata': 'cased.txt',
      ...signedHeaders('POST', '', now()),
    };
    const put = await send('POST', SINGLE, headers, [Buffer.from('cased')]);
    const token = JSON.parse(put.body.toString()).response.data.referenceToken as string;
    const got = await send('GET', `${SINGLE}${token}`, { 'x-standin-namespace': namespace, ...signedHeaders('GET', token, now()) });
    expect(got.status).toBe(200); // strict response validation found the required X-Expected-Hash
    expect(got.rawNames).toEqual(expect.arrayContaining(['X-Expected-Hash', 'X-ALTR-Metadata']));
    expect(got.rawNames).not.toContain('x-expected-hash');
    expect(got.headers['x-expected-hash']).toMatch(/^[a-f0-9]{32}$/);
    expect(got.headers['x-altr-metadata']).toBe('cased.txt');
  });
});

describe('PutData takes any Content-Type, or none, and stores the bytes as sent', () => {
  async function putThenGet(namespace: string, headers: Record<string, string>, body: Buffer): Promise<Reply> {
    const put = await send(
      'POST',
      SINGLE,
      { 'x-standin-namespace': namespace, 'content-length': String(body.length), ...signedHeaders('POST', '', now()), ...headers },
      [body],
    );
    expect(put.status).toBe(200);
    const token = JSON.parse(put.body.toString()).response.data.referenceToken as string;
    return send('GET', `${SINGLE}${token}`, { 'x-standin-namespace': namespace, ...signedHeaders('GET', token, now()) });
  }

  it.each([
    ['no Content-Type header', {}],
    ['an empty Content-Type', { 'content-type': '' }],
    ['application/json', { 'content-type': 'application/json' }],
    ['text/plain', { 'content-type': 'text/plain; charset=utf-8' }],
  ])('%s: the exact bytes come back, with their MD5', async (_name, headers) => {
    const body = Buffer.from('{ "spaced" :  "json-ish",\n "n": 1 }\n');
    const got = await putThenGet(ns(), headers, body);
    expect(got.status).toBe(200);
    expect(got.body.equals(body)).toBe(true);
    expect(got.headers['x-expected-hash']).toBe(md5Hex(body));
  });

  it('binary bytes sent with no Content-Type round-trip unchanged', async () => {
    const body = allByteValues(2);
    expect((await putThenGet(ns(), {}, body)).body.equals(body)).toBe(true);
  });
});

describe('status lines', () => {
  it('use the standard reason phrases (401 Unauthorized, not the vendor\'s "Authentication Required")', async () => {
    const phrase = await new Promise<string | undefined>((resolve, reject) => {
      const req = httpRequest({ host: base.hostname, port: base.port, method: 'POST', path: SINGLE, headers: { 'x-standin-namespace': ns() } }, (res) => {
        res.resume();
        resolve(`${res.statusCode} ${res.statusMessage}`);
      });
      req.on('error', reject);
      req.end('bytes');
    });
    expect(phrase).toBe('401 Unauthorized');
  });
});
