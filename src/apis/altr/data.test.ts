import request from 'supertest';
import { createApp } from '../../server';
import { md5Hex } from './store';
import { allByteValues, altrState, binaryParser, DATA_CAP, RO, SEEDED_TOKEN, SINGLE, signedHeaders } from './testing/altrTestSupport';

// PutData / GetData / GetMetadata / token status through HTTP, in process, on a pinned clock.

const NOW = '2024-05-01T12:00:00.000Z';
const standin = createApp({ apis: ['altr'], now: NOW });
let seq = 0;
const ns = () => `altr-data-${++seq}`;

function put(namespace: string, body: Buffer, extra: Record<string, string> = {}) {
  return request(standin.app)
    .post(SINGLE)
    .set('x-standin-namespace', namespace)
    .set('content-type', 'application/octet-stream')
    .set(signedHeaders('POST', '', NOW))
    .set(extra)
    .send(body);
}

function get(namespace: string, token: string, suffix: '' | '/metadata' | '/status' = '', app = standin.app, date = NOW) {
  const req = request(app)
    .get(`${SINGLE}${token}${suffix}`)
    .set('x-standin-namespace', namespace)
    .set(signedHeaders('GET', token, date));
  return suffix === '' ? req.buffer(true).parse(binaryParser) : req;
}

async function putOk(namespace: string, body: Buffer, extra: Record<string, string> = {}): Promise<string> {
  const res = await put(namespace, body, extra);
  expect(res.status).toBe(200);
  return res.body.response.data.referenceToken;
}

describe('PutData', () => {
  it('answers 200 {success:true,response:{data:{referenceToken}}} with a 32-hex token', async () => {
    const res = await put(ns(), Buffer.from('hello'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, response: { data: { referenceToken: expect.stringMatching(/^[a-f0-9]{32}$/) } } });
  });

  it('issues deterministic tokens: two starts with the same seed give the same tokens', async () => {
    const other = createApp({ apis: ['altr'], now: NOW });
    const a = await put('same-ns', Buffer.from('x'));
    const b = await request(other.app)
      .post(SINGLE)
      .set('x-standin-namespace', 'same-ns')
      .set('content-type', 'application/octet-stream')
      .set(signedHeaders('POST', '', NOW))
      .send(Buffer.from('x'));
    expect(b.body.response.data.referenceToken).toBe(a.body.response.data.referenceToken);
  });

  it('keeps namespaces apart: a token written in one namespace is 404 in another', async () => {
    const token = await putOk(ns(), Buffer.from('mine'));
    const res = await get(ns(), token);
    expect(res.status).toBe(404);
  });

  it.each([
    ['application/json (the 2018 sample clients)', 'application/json', '{ "data" : "spaced",\n  "n": 1 }'],
    ['application/json; charset=utf-8', 'application/json; charset=utf-8', '"a JSON string"'],
    ['text/plain', 'text/plain', 'plain text'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'a=1&b=2'],
  ])('a body sent as %s is stored byte for byte, never parsed', async (_name, contentType, text) => {
    const namespace = ns();
    const res = await request(standin.app)
      .post(SINGLE)
      .set('x-standin-namespace', namespace)
      .set('content-type', contentType)
      .set(signedHeaders('POST', '', NOW))
      .send(text);
    expect(res.status).toBe(200);
    const got = await get(namespace, res.body.response.data.referenceToken);
    expect((got.body as Buffer).toString('utf8')).toBe(text);
    expect(got.headers['x-expected-hash']).toBe(md5Hex(Buffer.from(text)));
  });

  it('an empty body → 400 bad_request (the spec requires a body), nothing stored', async () => {
    const namespace = ns();
    const res = await put(namespace, Buffer.alloc(0));
    expect(res.status).toBe(400);
    expect(res.body.response).toEqual({
      error_type: 'bad_request',
      error_message: 'A request body (the data to store, application/octet-stream) is required.',
    });
    expect((await altrState(standin.app, namespace)).records).toHaveLength(1);
  });
});

describe('GetData returns the exact stored bytes', () => {
  it('round-trips all 256 byte values byte for byte, with X-Expected-Hash (hex MD5) and X-ALTR-Metadata', async () => {
    const namespace = ns();
    const bytes = allByteValues(4);
    const token = await putOk(namespace, bytes, { 'x-altr-metadata': 'bytes.bin' });
    const res = await get(namespace, token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect((res.body as Buffer).equals(bytes)).toBe(true);
    expect(res.headers['x-expected-hash']).toBe(md5Hex(bytes));
    expect(res.headers['x-expected-hash']).toMatch(/^[a-f0-9]{32}$/);
    expect(res.headers['x-altr-metadata']).toBe('bytes.bin');
  });

  it('leaves X-ALTR-Metadata out when none was stored', async () => {
    const namespace = ns();
    const token = await putOk(namespace, Buffer.from('plain'));
    const res = await get(namespace, token);
    expect(res.status).toBe(200);
    expect(res.headers['x-altr-metadata']).toBeUndefined();
  });

  it('serves the seeded example record', async () => {
    const res = await get(ns(), SEEDED_TOKEN);
    expect((res.body as Buffer).toString()).toBe('Hello, chainAPI!');
    expect(res.headers['x-expected-hash']).toBe(md5Hex(Buffer.from('Hello, chainAPI!')));
    expect(res.headers['x-altr-metadata']).toBe('filename.txt');
  });

  it('Content-Length present wins over a small X-Content-Length-Hint: everything is stored', async () => {
    const namespace = ns();
    const bytes = allByteValues(20); // 5120 bytes, sent with Content-Length by supertest
    const token = await putOk(namespace, bytes, { 'x-content-length-hint': '500' });
    expect(((await get(namespace, token)).body as Buffer).equals(bytes)).toBe(true);
  });

  it('X-Content-Length-Hint that is not a non-negative integer → 400 bad_request', async () => {
    const res = await put(ns(), Buffer.from('x'), { 'x-content-length-hint': 'lots' });
    expect(res.status).toBe(400);
    expect(res.body.response).toMatchObject({ error_type: 'bad_request', error_message: expect.stringContaining('x-content-length-hint') });
  });

  // Parameter coercion read `0x10` as 16 (and `1e3` as 1000), so the write was stored.
  it.each(['0x10', '0X10', '1e3', '5.0', '+5', '-1', '0b11', '1_000'])(
    'regression: X-Content-Length-Hint %s (not decimal digits) → 400 bad_request, nothing stored',
    async (hint) => {
      const namespace = ns();
      const before = await altrState(standin.app, namespace);
      const res = await put(namespace, Buffer.from('x'), { 'x-content-length-hint': hint });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ success: false, response: { error_type: 'bad_request', error_message: expect.stringContaining('x-content-length-hint') } });
      expect(await altrState(standin.app, namespace)).toEqual(before);
    },
  );

  it('X-Content-Length-Hint with leading zeros is still decimal: 0010 is accepted', async () => {
    expect((await put(ns(), Buffer.from('x'), { 'x-content-length-hint': '0010' })).status).toBe(200);
  });
});

describe('GetMetadata', () => {
  it('returns {success:true, metadata} unwrapped, as the vendor documents', async () => {
    const namespace = ns();
    const token = await putOk(namespace, Buffer.from('x'), { 'x-altr-metadata': 'report.pdf' });
    const res = await get(namespace, token, '/metadata');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, metadata: 'report.pdf' });
  });

  it('returns an empty string when no metadata was stored', async () => {
    const namespace = ns();
    const token = await putOk(namespace, Buffer.from('x'));
    expect((await get(namespace, token, '/metadata')).body).toEqual({ success: true, metadata: '' });
  });
});

describe('token status', () => {
  const status = (body: any) => body.response.data;

  it('small data (≤500 bytes) is available at once; larger data once its key is protected, 1 s of clock time after the write', async () => {
    const app = createApp({ apis: ['altr'], now: NOW });
    const namespace = 'status';
    const put1 = (body: Buffer) =>
      request(app.app)
        .post(SINGLE)
        .set('x-standin-namespace', namespace)
        .set('content-type', 'application/octet-stream')
        .set(signedHeaders('POST', '', NOW))
        .send(body);
    const small = (await put1(Buffer.alloc(500))).body.response.data.referenceToken;
    const large = (await put1(Buffer.alloc(501))).body.response.data.referenceToken;

    expect(status((await get(namespace, small, '/status', app.app)).body)).toEqual({ token_active: true, data_protected: false, data_available: true });
    expect(status((await get(namespace, large, '/status', app.app)).body)).toEqual({ token_active: true, data_protected: false, data_available: false });
    app.clock.set('2024-05-01T12:00:00.999Z');
    expect(status((await get(namespace, large, '/status', app.app)).body).data_protected).toBe(false);
    app.clock.set('2024-05-01T12:00:01.000Z');
    expect(status((await get(namespace, large, '/status', app.app)).body)).toEqual({ token_active: true, data_protected: true, data_available: true });
    // GetData does not wait for protection: read-after-write holds for every size.
    expect((await get(namespace, large, '', app.app)).status).toBe(200);
  });
});

describe('unknown and malformed tokens', () => {
  it.each(['', '/metadata', '/status'] as const)('unknown token on GET%s → 404 resource_not_found', async (suffix) => {
    const res = await get(ns(), 'a'.repeat(32), suffix);
    expect(res.status).toBe(404);
    const body = suffix === '' ? JSON.parse((res.body as Buffer).toString()) : res.body;
    expect(body).toEqual({ success: false, response: { error_type: 'resource_not_found', error_message: 'Reference token not found.' } });
  });

  it('a token that breaks the path pattern → 400 bad_request (after authentication)', async () => {
    const res = await get(ns(), 'not.a.token', '/metadata');
    expect(res.status).toBe(400);
    expect(res.body.response).toEqual({ error_type: 'bad_request', error_message: 'referenceToken is not a valid reference token.' });
  });
});

describe('organization data cap (1 MiB, shared by both demo keys)', () => {
  it('a write past the cap stores nothing → 400 "Organization data cap exceeded"; the state is unchanged, so the next write still fits exactly', async () => {
    const namespace = ns();
    const start = await altrState(standin.app, namespace);
    expect(start.organizations[0]).toMatchObject({ dataCapBytes: DATA_CAP });
    const room = DATA_CAP - start.organizations[0].usedBytes;

    await putOk(namespace, Buffer.alloc(room - 10, 7));
    const before = await altrState(standin.app, namespace);

    const refused = await put(namespace, Buffer.alloc(11));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ success: false, response: { error_type: 'bad_request', error_message: 'Organization data cap exceeded' } });
    expect(await altrState(standin.app, namespace)).toEqual(before);

    await putOk(namespace, Buffer.alloc(10)); // reaches the cap exactly
    expect((await altrState(standin.app, namespace)).organizations[0].usedBytes).toBe(DATA_CAP);
    expect((await put(namespace, Buffer.alloc(1))).status).toBe(400);
  });

  it('the read-only key reads data the read-write key wrote (one organization)', async () => {
    const namespace = ns();
    const token = await putOk(namespace, Buffer.from('shared'));
    const res = await request(standin.app)
      .get(`${SINGLE}${token}/metadata`)
      .set('x-standin-namespace', namespace)
      .set(signedHeaders('GET', token, NOW, RO));
    expect(res.status).toBe(200);
  });
});
