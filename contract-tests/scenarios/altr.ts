import { createHash, randomBytes } from 'node:crypto';
import { altrSignature } from '../lib/auth';
import { type CallInit, type Exchange, SkipStep } from '../lib/client';
import type { Scenario, ScenarioContext } from '../lib/scenario';

// ALTR chainAPI: the rules of the spec's operation descriptions and issue 3, one scenario each.
// Every request is signed by the client (auth.ts); `auth: {key, secret, date}` bends one part of it.

type T = ScenarioContext<'altr'>;

const GETS = ['getData', 'getMetadata', 'getTokenStatus'] as const;
const ALL_OPERATIONS = ['putData', ...GETS] as const;
const MINUTE = 60_000;
/** standin's seeded example record (README): only scenarios that need 'standin' use it. */
const DEMO_TOKEN = '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70';
const CAP_EXCEEDED = 'Organization data cap exceeded';

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
/** A token no implementation has issued, in the shape standin issues (32 lowercase hex). */
const unknownToken = () => randomBytes(16).toString('hex');

/** Every byte value, then random bytes: what a text-only code path would mangle. */
function binaryData(size: number): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_v, i) => i));
  return Buffer.concat([all, randomBytes(Math.max(0, size - 256))]).subarray(0, size);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The three X-ALTR-DATE formats the vendor's own examples use (RFC 1123 and JS Date.toString() are one rule). */
const DATE_FORMATS: Array<[string, (ms: number) => string]> = [
  ['ISO 8601', (ms) => new Date(ms).toISOString()],
  ['RFC 1123', (ms) => new Date(ms).toUTCString()],
  ['JS Date.toString()', (ms) => new Date(ms).toString()],
  ['MM-DD-YYYY HH:mm:ss UTC', (ms) => {
    const d = new Date(ms);
    return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }],
];

/** The error detail, wrapped (`{success:false, response:{…}}`) or bare, as the spec's Error schema allows. */
function errorDetail(ex: Exchange): { error_type?: unknown; error_message?: unknown } {
  const json = ex.json;
  if (json && typeof json === 'object' && json.response && typeof json.response === 'object') return json.response;
  return json ?? {};
}

function expectError(t: T, ex: Exchange, status: number, errorType: string, message?: string, rule?: string) {
  t.expect.answer(ex, status, undefined, rule);
  const detail = errorDetail(ex);
  t.expect.equal(ex, detail.error_type, errorType, `${rule ? `${rule}: ` : ''}error_type`);
  if (ex.json?.success !== undefined) t.expect.equal(ex, ex.json.success, false, 'success of an error');
  t.expect.that(ex, typeof detail.error_message === 'string' && detail.error_message.length > 0, 'an error has an error_message');
  if (message !== undefined) t.expect.equal(ex, detail.error_message, message, 'error_message');
}

function put(t: T, data: Buffer, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('putData', { body: data, ...init, headers: { 'content-type': 'application/octet-stream', ...init.headers } });
}

/** PutData that must succeed; returns the reference token. */
async function store(t: T, data: Buffer, metadata?: string): Promise<string> {
  const ex = await put(t, data, { headers: metadata === undefined ? {} : { 'x-altr-metadata': metadata } });
  t.expect.answer(ex, 200, { success: true, response: { data: { referenceToken: /\S/ } } }, 'PutData');
  return ex.json.response.data.referenceToken as string;
}

/** GetData that must return exactly `data`, with its hex MD5 in X-Expected-Hash. */
async function expectStored(t: T, token: string, data: Buffer, init: CallInit = {}): Promise<Exchange> {
  const ex = await t.client.call('getData', { ...init, params: { referenceToken: token } });
  t.expect.answer(ex, 200, undefined, 'GetData');
  t.expect.that(ex, ex.body.equals(data), `GetData returned ${ex.body.length} bytes that differ from the ${data.length} bytes written`, `the ${data.length} bytes PutData stored, byte for byte`);
  t.expect.equal(ex, ex.headers['x-expected-hash'], md5(data), 'X-Expected-Hash (hex MD5 of the stored bytes)');
  return ex;
}

function readOnly(t: T): { key: string; secret: string } {
  const { readOnlyKey, readOnlySecret } = t.creds;
  if (!readOnlyKey || !readOnlySecret) throw new SkipStep('needs a read-only key (readOnlyKey, readOnlySecret)');
  return { key: readOnlyKey, secret: readOnlySecret };
}

/**
 * Fills the organization (this scenario's fresh namespace on standin) with a few large writes until
 * `left` bytes remain below the data cap, and returns `left`. Uses standin's demo cap and seed record.
 */
async function fillToNearCap(t: T): Promise<number> {
  const cap = t.creds.dataCapBytes;
  if (!cap) throw new SkipStep('needs the data cap in bytes (dataCapBytes)');
  const seeded = await t.client.call('getData', { params: { referenceToken: DEMO_TOKEN } });
  t.expect.answer(seeded, 200, undefined, "standin's seeded record");
  const room = cap - seeded.body.length;
  const chunk = Math.floor((room - 1000) / 3);
  for (let i = 0; i < 3; i++) await store(t, Buffer.alloc(chunk, 0x41 + i));
  return room - 3 * chunk;
}

/** One call of `operationId` with a token that needs no record to exist (auth comes first). */
function callOp(t: T, operationId: (typeof ALL_OPERATIONS)[number], init: CallInit = {}): Promise<Exchange> {
  if (operationId === 'putData') return put(t, Buffer.from('auth probe'), init);
  return t.client.call(operationId, { ...init, params: { referenceToken: unknownToken() } });
}

export const altrScenarios: Scenario<'altr'>[] = [
  // --- HMAC authentication: every failure is 401 unauthorized -------------------------------------
  {
    api: 'altr',
    name: 'auth: no Authorization header -> 401 unauthorized, on all four operations',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-401'],
    async run(t) {
      for (const op of ALL_OPERATIONS) expectError(t, await callOp(t, op, { auth: false, headers: { 'x-altr-date': new Date().toISOString() }, invalid: true }), 401, 'unauthorized', undefined, op);
    },
  },
  {
    api: 'altr',
    name: "auth: an Authorization header not of the form 'ALTR <key>:<base64 signature>' -> 401 unauthorized",
    basis: 'vendor',
    readme: ['rule-altr-signature', 'rule-altr-401'],
    async run(t) {
      const date = new Date().toISOString();
      const token = unknownToken();
      const sig = altrSignature(t.creds.secret, 'GET', token, date);
      for (const header of [`Bearer ${sig}`, `ALTR ${t.creds.key}`, `${t.creds.key}:${sig}`, `ALTR ${t.creds.key}:not base64!`, 'ALTR']) {
        const ex = await t.client.call('getData', { params: { referenceToken: token }, auth: false, headers: { authorization: header, 'x-altr-date': date } });
        expectError(t, ex, 401, 'unauthorized', undefined, `Authorization: ${header.replace(sig, '<sig>')}`);
      }
    },
  },
  {
    api: 'altr',
    name: 'auth: an unknown API key (correctly signed with its secret) -> 401 unauthorized',
    basis: 'vendor',
    readme: ['rule-altr-401'],
    async run(t) {
      const ex = await callOp(t, 'getData', { auth: { key: `ALTR-unknown-${t.unique('k')}`, secret: 'some-secret' } });
      expectError(t, ex, 401, 'unauthorized');
    },
  },
  {
    api: 'altr',
    name: 'auth: a wrong signature (another secret, another date, another resource) -> 401 unauthorized, no secret in the message',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-signature', 'rule-altr-401'],
    async run(t) {
      const token = unknownToken();
      const date = new Date().toISOString();
      const wrongs: Array<[string, string]> = [
        ['signed with another secret', altrSignature(`${t.creds.secret}-wrong`, 'GET', token, date)],
        ['signed over another date', altrSignature(t.creds.secret, 'GET', token, new Date(Date.now() - 1000).toISOString())],
        ['signed over <token>/metadata instead of the token', altrSignature(t.creds.secret, 'GET', `${token}/metadata`, date)],
        ['signed as a POST', altrSignature(t.creds.secret, 'POST', '', date)],
      ];
      for (const [what, sig] of wrongs) {
        const ex = await t.client.call('getData', { params: { referenceToken: token }, auth: false, headers: { authorization: `ALTR ${t.creds.key}:${sig}`, 'x-altr-date': date } });
        expectError(t, ex, 401, 'unauthorized', undefined, what);
        const message = String(errorDetail(ex).error_message);
        t.expect.that(ex, !message.includes(t.creds.secret) && !message.includes(altrSignature(t.creds.secret, 'GET', token, date)), 'the 401 message must not reveal the secret or the expected signature');
      }
      // PutData signs an empty RESOURCE: a signature over anything else is refused too.
      const post = await put(t, Buffer.from('x'), {
        auth: false,
        headers: { authorization: `ALTR ${t.creds.key}:${altrSignature(t.creds.secret, 'POST', '/api/v1/single/', date)}`, 'x-altr-date': date },
      });
      expectError(t, post, 401, 'unauthorized', undefined, 'PutData signed over its path instead of an empty RESOURCE');
    },
  },
  {
    api: 'altr',
    name: 'auth: no X-ALTR-DATE header -> 401 unauthorized (not 400: auth comes before validation)',
    basis: 'vendor',
    readme: ['rule-altr-401'],
    async run(t) {
      const token = unknownToken();
      const sig = altrSignature(t.creds.secret, 'GET', token, new Date().toISOString());
      const ex = await t.client.call('getData', { params: { referenceToken: token }, auth: false, headers: { authorization: `ALTR ${t.creds.key}:${sig}` }, invalid: true });
      expectError(t, ex, 401, 'unauthorized');
    },
  },
  {
    api: 'altr',
    name: 'auth: an X-ALTR-DATE in no accepted format (correctly signed) -> 401 unauthorized',
    basis: 'choice',
    readme: ['rule-altr-date-formats', 'rule-altr-401'],
    async run(t) {
      const now = new Date();
      for (const date of ['not a date', String(now.getTime()), '2026/01/01 10:00:00', `02-30-${now.getUTCFullYear()} 10:00:00`, '13-01-2026 10:00:00']) {
        expectError(t, await callOp(t, 'getData', { auth: { date } }), 401, 'unauthorized', undefined, `X-ALTR-DATE: ${date}`);
      }
    },
  },
  {
    api: 'altr',
    name: 'auth: a date 16 minutes in the past -> 401 unauthorized, on all four operations',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-skew', 'rule-altr-401'],
    async run(t) {
      for (const op of ALL_OPERATIONS) expectError(t, await callOp(t, op, { auth: { date: new Date(Date.now() - 16 * MINUTE).toISOString() } }), 401, 'unauthorized', undefined, op);
    },
  },
  {
    api: 'altr',
    name: 'auth: a date 16 minutes in the future -> 401 unauthorized, on all four operations',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-altr-skew', 'rule-altr-401'],
    async run(t) {
      for (const op of ALL_OPERATIONS) expectError(t, await callOp(t, op, { auth: { date: new Date(Date.now() + 16 * MINUTE).toISOString() } }), 401, 'unauthorized', undefined, op);
    },
  },
  {
    api: 'altr',
    name: 'auth: a date 14 minutes in the past or future is inside the 15-minute window and accepted',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-skew'],
    async run(t) {
      const data = Buffer.from(`window ${t.unique('w')}`);
      const token = await store(t, data);
      for (const offset of [-14 * MINUTE, 14 * MINUTE]) {
        const date = new Date(Date.now() + offset).toISOString();
        t.expect.answer(await put(t, Buffer.from('skew'), { auth: { date } }), 200, undefined, `PutData dated ${offset / MINUTE} min`);
        await expectStored(t, token, data, { auth: { date } });
      }
    },
  },
  {
    api: 'altr',
    name: 'auth: X-ALTR-DATE as ISO 8601, RFC 1123, JS Date.toString() and MM-DD-YYYY HH:mm:ss (UTC) is each signed and accepted',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-date-formats', 'rule-altr-signature'],
    async run(t) {
      for (const [format, render] of DATE_FORMATS) {
        const date = render(Date.now());
        const data = Buffer.from(`${format} ${t.unique('d')}`);
        const ex = await put(t, data, { auth: { date } });
        t.expect.answer(ex, 200, { success: true }, `PutData with X-ALTR-DATE ${JSON.stringify(date)} (${format})`);
        await expectStored(t, ex.json.response.data.referenceToken, data, { auth: { date } });
      }
    },
  },

  // --- permissions ---------------------------------------------------------------------------------
  {
    api: 'altr',
    name: 'permissions: the read-only key on PutData -> 403 forbidden "API key does not have write permission.", no token issued',
    needs: ['writes', 'readonly-key'],
    basis: 'vendor',
    readme: ['rule-altr-403'],
    async run(t) {
      const ex = await put(t, Buffer.from('refused'), { auth: readOnly(t) });
      expectError(t, ex, 403, 'forbidden', 'API key does not have write permission.');
      t.expect.that(ex, ex.json?.response?.data?.referenceToken === undefined, 'a refused write issues no reference token');
    },
  },
  {
    api: 'altr',
    name: 'permissions: a write refused to the read-only key stores nothing (it uses none of the data cap)',
    needs: ['writes', 'readonly-key', 'standin'],
    basis: 'vendor',
    readme: ['rule-altr-403', 'rule-altr-data-cap'],
    async run(t) {
      const left = await fillToNearCap(t);
      expectError(t, await put(t, Buffer.alloc(left, 0x52), { auth: readOnly(t) }), 403, 'forbidden');
      const data = Buffer.alloc(left, 0x57);
      const token = await store(t, data);
      await expectStored(t, token, data);
    },
  },
  {
    api: 'altr',
    name: 'permissions: the read-only key is accepted on GetData, GetMetadata and token status',
    needs: ['writes', 'readonly-key'],
    basis: 'vendor',
    readme: ['rule-altr-403'],
    async run(t) {
      const ro = readOnly(t);
      const data = Buffer.from(`readable by the read-only key ${t.unique('r')}`);
      const metadata = t.unique('meta');
      const token = await store(t, data, metadata);
      await expectStored(t, token, data, { auth: ro });
      t.expect.answer(await t.client.call('getMetadata', { params: { referenceToken: token }, auth: ro }), 200, { success: true, metadata });
      t.expect.answer(await t.client.call('getTokenStatus', { params: { referenceToken: token }, auth: ro }), 200, { success: true, response: { data: { token_active: true } } });
    },
  },

  // --- storing and reading back --------------------------------------------------------------------
  {
    api: 'altr',
    name: 'permissions: a key without read permission -> 403 forbidden on GetData, GetMetadata and token status',
    needs: ['writeonly-key', 'writes'],
    basis: 'vendor',
    readme: ['rule-altr-403'],
    async run(t) {
      const token = await store(t, Buffer.from('write-only key test'));
      const auth = { key: t.creds.writeOnlyKey!, secret: t.creds.writeOnlySecret! };
      for (const op of GETS) expectError(t, await t.client.call(op, { params: { referenceToken: token }, auth }), 403, 'forbidden', undefined, op);
    },
  },
  {
    api: 'altr',
    name: 'PutData -> GetData returns arbitrary binary bytes byte for byte, X-Expected-Hash = hex MD5, X-ALTR-Metadata echoed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-putdata', 'rule-altr-getdata'],
    async run(t) {
      const data = binaryData(4096 + 17);
      const metadata = `report ${t.unique('bin')}.bin`;
      const token = await store(t, data, metadata);
      const ex = await expectStored(t, token, data);
      t.expect.equal(ex, ex.headers['x-altr-metadata'], metadata, 'X-ALTR-Metadata');
      t.expect.that(ex, /^application\/octet-stream/.test(ex.headers['content-type'] ?? ''), 'GetData answers application/octet-stream', 'application/octet-stream');
    },
  },
  {
    api: 'altr',
    name: 'PutData: 200 {success:true, response:{data:{referenceToken}}}, a new token per write',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-putdata'],
    async run(t) {
      const a = await store(t, Buffer.from('same bytes'));
      const b = await store(t, Buffer.from('same bytes'));
      t.expect.that(undefined, a !== b, `two writes got the same reference token ${a}`, 'a new token per write');
    },
  },
  {
    api: 'altr',
    name: 'GetMetadata: 200 {success:true, metadata} (not wrapped) with the X-ALTR-METADATA stored at write time',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-getmetadata'],
    async run(t) {
      const metadata = `filename ${t.unique('m')}.txt`;
      const token = await store(t, Buffer.from('metadata please'), metadata);
      const ex = await t.client.call('getMetadata', { params: { referenceToken: token } });
      t.expect.answer(ex, 200, { success: true, metadata });
      t.expect.that(ex, ex.json?.response === undefined, 'GetMetadata is not wrapped in response.data', '{"success":true,"metadata":"…"}');
    },
  },
  {
    api: 'altr',
    name: 'no metadata stored: GetMetadata metadata is "" and GetData sends no X-ALTR-Metadata [standin choice]',
    needs: ['writes', 'standin'],
    basis: 'choice',
    readme: ['rule-altr-getmetadata', 'rule-altr-getdata'],
    async run(t) {
      const data = Buffer.from('no metadata');
      const token = await store(t, data);
      t.expect.answer(await t.client.call('getMetadata', { params: { referenceToken: token } }), 200, { success: true, metadata: '' });
      const ex = await expectStored(t, token, data);
      t.expect.equal(ex, ex.headers['x-altr-metadata'], undefined, 'X-ALTR-Metadata when none was stored');
    },
  },
  {
    api: 'altr',
    name: 'token status: a new token is active at once, and data of 500 bytes or less is available at once',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-altr-token-status'],
    async run(t) {
      const token = await store(t, Buffer.alloc(500, 0x61));
      const ex = await t.client.call('getTokenStatus', { params: { referenceToken: token } });
      t.expect.answer(ex, 200, { success: true, response: { data: { token_active: true, data_available: true } } });
      t.expect.equal(ex, typeof ex.json.response.data.data_protected, 'boolean', 'data_protected');
    },
  },
  {
    api: 'altr',
    name: 'token status: data over 500 bytes is available exactly when protected, and both turn true (within 5 s)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-altr-token-status'],
    async run(t) {
      const data = binaryData(501);
      const token = await store(t, data);
      // GetData never waits for the flags: read-after-write holds at once, whatever the status says.
      await expectStored(t, token, data);
      const deadline = Date.now() + 5000;
      for (;;) {
        const ex = await t.client.call('getTokenStatus', { params: { referenceToken: token } });
        t.expect.answer(ex, 200, { success: true, response: { data: { token_active: true } } });
        const { data_protected: isProtected, data_available: available } = ex.json.response.data;
        t.expect.equal(ex, available, isProtected, 'data_available of data over 500 bytes (follows data_protected)');
        if (isProtected === true) break;
        if (Date.now() > deadline) t.expect.fail(ex, 'data_protected is still false 5 s after the write', 'true 1 s (clock time) after the write');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  },
  {
    api: 'altr',
    name: "standin's seeded record: GetData \"Hello, chainAPI!\" with metadata filename.txt, fully available",
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-altr-getdata', 'rule-altr-getmetadata', 'rule-altr-token-status'],
    async run(t) {
      const ex = await expectStored(t, DEMO_TOKEN, Buffer.from('Hello, chainAPI!'));
      t.expect.equal(ex, ex.headers['x-altr-metadata'], 'filename.txt', 'X-ALTR-Metadata');
      t.expect.answer(await t.client.call('getMetadata', { params: { referenceToken: DEMO_TOKEN } }), 200, { success: true, metadata: 'filename.txt' });
      t.expect.answer(await t.client.call('getTokenStatus', { params: { referenceToken: DEMO_TOKEN } }), 200, {
        success: true,
        response: { data: { token_active: true, data_protected: true, data_available: true } },
      });
    },
  },
  {
    api: 'altr',
    name: 'unknown reference token -> 404 resource_not_found on GetData, GetMetadata and token status',
    basis: 'vendor',
    readme: ['rule-altr-404'],
    async run(t) {
      const token = unknownToken();
      for (const op of GETS) expectError(t, await t.client.call(op, { params: { referenceToken: token } }), 404, 'resource_not_found', undefined, op);
    },
  },

  {
    api: 'altr',
    name: 'a reference token that breaks the path pattern -> 400 bad_request on the three GETs [standin choice]',
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-altr-404'],
    async run(t) {
      for (const token of ['a.b', '~~~', 'x'.repeat(129)]) {
        for (const op of GETS) expectError(t, await t.client.call(op, { params: { referenceToken: token }, invalid: true }), 400, 'bad_request', undefined, `${op} ${token.slice(0, 10)}`);
      }
    },
  },

  // --- the byte rules: hint truncation and the organization data cap -----------------------------
  {
    api: 'altr',
    name: 'a chunked upload (no Content-Length) with X-Content-Length-Hint under 3072 stores only the first 3072 bytes',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-truncation'],
    async run(t) {
      const data = binaryData(5000);
      const ex = await put(t, data, { chunked: true, headers: { 'x-content-length-hint': '500' } });
      t.expect.answer(ex, 200, { success: true });
      await expectStored(t, ex.json.response.data.referenceToken, data.subarray(0, 3072));
    },
  },
  {
    api: 'altr',
    name: 'a chunked upload with X-Content-Length-Hint of 3072 or more stores everything',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-truncation'],
    async run(t) {
      const data = binaryData(5000);
      const ex = await put(t, data, { chunked: true, headers: { 'x-content-length-hint': '5000' } });
      t.expect.answer(ex, 200, { success: true });
      await expectStored(t, ex.json.response.data.referenceToken, data);
    },
  },
  {
    api: 'altr',
    name: 'X-Content-Length-Hint under 3072 with a Content-Length present does not truncate: all bytes are stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-truncation'],
    async run(t) {
      const data = binaryData(5000);
      const ex = await put(t, data, { headers: { 'x-content-length-hint': '500' } });
      t.expect.answer(ex, 200, { success: true });
      await expectStored(t, ex.json.response.data.referenceToken, data);
    },
  },
  {
    api: 'altr',
    name: 'data cap: a write past the organization cap -> 400 bad_request "Organization data cap exceeded", stores nothing (a write that exactly fits still succeeds)',
    needs: ['writes', 'standin'],
    basis: 'vendor',
    readme: ['rule-altr-data-cap'],
    async run(t) {
      const left = await fillToNearCap(t);
      expectError(t, await put(t, Buffer.alloc(left + 1, 0x58)), 400, 'bad_request', CAP_EXCEEDED, `a write of ${left + 1} bytes with ${left} left`);
      expectError(t, await put(t, Buffer.alloc(4 * left, 0x58)), 400, 'bad_request', CAP_EXCEEDED, `a write of ${4 * left} bytes with ${left} left`);
      const data = binaryData(left);
      const token = await store(t, data);
      await expectStored(t, token, data);
      expectError(t, await put(t, Buffer.from('!')), 400, 'bad_request', CAP_EXCEEDED, 'one more byte once the cap is reached exactly');
    },
  },
  {
    api: 'altr',
    name: 'PutData: an empty body -> 400 bad_request [standin choice]',
    needs: ['writes', 'standin'],
    basis: 'choice',
    readme: ['rule-altr-putdata-400'],
    async run(t) {
      expectError(t, await t.client.call('putData', { headers: { 'content-type': 'application/octet-stream' }, invalid: true }), 400, 'bad_request', undefined, 'empty body');
    },
  },
  {
    api: 'altr',
    name: "PutData: a body sent as application/json, as text/plain or with no Content-Type is stored byte for byte (the vendor's 2018 sample clients)",
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-putdata'],
    async run(t) {
      // Compact JSON, as JSON.stringify sends it: a validating proxy that re-serializes JSON still carries it unchanged.
      // Typed bodies go as text (supertest would send a Buffer with a JSON type as {"type":"Buffer",…}); the
      // untyped one as bytes (HTTP clients label a text body text/plain or form-urlencoded themselves).
      const sends: Array<[string, string | Buffer, Record<string, string>]> = [
        ['application/json', JSON.stringify({ data: `sample client ${t.unique('j')}`, n: 1, ok: [true, null] }), { 'content-type': 'application/json' }],
        ['text/plain', `plain ${t.unique('p')}`, { 'content-type': 'text/plain; charset=utf-8' }],
        ['no Content-Type', Buffer.from(`untyped ${t.unique('u')}`), {}],
      ];
      for (const [what, body, headers] of sends) {
        const ex = await t.client.call('putData', { body, headers });
        t.expect.that(ex, what !== 'no Content-Type' || ex.request.headers['content-type'] === undefined, 'the untyped write was sent without a Content-Type', 'no Content-Type');
        t.expect.answer(ex, 200, { success: true, response: { data: { referenceToken: /\S/ } } }, `PutData with ${what}`);
        await expectStored(t, ex.json.response.data.referenceToken, Buffer.from(body));
      }
    },
  },
  {
    api: 'altr',
    name: 'X-Content-Length-Hint that is not decimal digits (0x10, 1e3, +5, 5.0, -1) -> 400 bad_request, no token issued; 0010 is fine [standin choice]',
    needs: ['writes', 'standin'],
    basis: 'choice',
    readme: ['rule-altr-putdata-400'],
    async run(t) {
      for (const hint of ['0x10', '1e3', '+5', '5.0']) {
        const ex = await put(t, Buffer.from('hinted'), { headers: { 'x-content-length-hint': hint }, invalid: true });
        expectError(t, ex, 400, 'bad_request', undefined, `X-Content-Length-Hint: ${hint}`);
        t.expect.that(ex, ex.json?.response?.data?.referenceToken === undefined, 'a refused write issues no reference token');
      }
      const data = Buffer.from(`leading zeros ${t.unique('z')}`);
      const ex = await put(t, data, { headers: { 'x-content-length-hint': '0010' } });
      t.expect.answer(ex, 200, { success: true }, 'X-Content-Length-Hint: 0010');
      await expectStored(t, ex.json.response.data.referenceToken, data);
    },
  },
  {
    api: 'altr',
    name: 'PutData: a body labelled application/json that is not valid JSON is stored byte for byte (not 400)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-putdata-400', 'rule-altr-putdata'],
    async run(t) {
      const body = `{"not": json ${t.unique('nj')}`;
      // `invalid`: Prism's proxy parses a JSON-labelled body itself and refuses it before standin sees it.
      const ex = await t.client.call('putData', { body, headers: { 'content-type': 'application/json' }, invalid: true });
      t.expect.answer(ex, 200, { success: true, response: { data: { referenceToken: /\S/ } } }, 'PutData of invalid JSON labelled application/json');
      await expectStored(t, ex.json.response.data.referenceToken, Buffer.from(body));
    },
  },
  {
    api: 'altr',
    name: "auth: the scheme is matched exactly: 'altr' or 'Altr' (otherwise correctly signed) -> 401 unauthorized [standin choice]",
    basis: 'choice',
    readme: ['rule-altr-signature', 'rule-altr-401'],
    async run(t) {
      const date = new Date().toISOString();
      const token = unknownToken();
      const sig = altrSignature(t.creds.secret, 'GET', token, date);
      for (const scheme of ['altr', 'Altr']) {
        const ex = await t.client.call('getData', { params: { referenceToken: token }, auth: false, headers: { authorization: `${scheme} ${t.creds.key}:${sig}`, 'x-altr-date': date } });
        expectError(t, ex, 401, 'unauthorized', undefined, `scheme ${scheme}`);
      }
    },
  },
  {
    api: 'altr',
    name: "auth: each 401 cause has its own message, and a bad signature's shows the string to sign [standin choice]",
    basis: 'choice',
    readme: ['rule-altr-401'],
    async run(t) {
      const token = unknownToken();
      const date = new Date().toISOString();
      const sig = altrSignature(t.creds.secret, 'GET', token, date);
      const get = (init: CallInit) => t.client.call('getData', { params: { referenceToken: token }, ...init });
      const causes: Array<[string, () => Promise<Exchange>]> = [
        ['no Authorization header', () => get({ auth: false, headers: { 'x-altr-date': date }, invalid: true })],
        ['a malformed header', () => get({ auth: false, headers: { authorization: `Bearer ${sig}`, 'x-altr-date': date } })],
        ['no X-ALTR-DATE', () => get({ auth: false, headers: { authorization: `ALTR ${t.creds.key}:${sig}` }, invalid: true })],
        ['an unknown key', () => get({ auth: { key: `ALTR-unknown-${t.unique('k')}`, secret: 'some-secret' } })],
        ['a bad signature', () => get({ auth: false, headers: { authorization: `ALTR ${t.creds.key}:${altrSignature(`${t.creds.secret}-wrong`, 'GET', token, date)}`, 'x-altr-date': date } })],
        ['an unparseable date', () => get({ auth: { date: 'not a date' } })],
        ['a skewed date', () => get({ auth: { date: new Date(Date.now() - 16 * MINUTE).toISOString() } })],
      ];
      const messages = new Map<string, string>();
      for (const [cause, send] of causes) {
        const ex = await send();
        expectError(t, ex, 401, 'unauthorized', undefined, cause);
        const message = String(errorDetail(ex).error_message);
        t.expect.that(ex, !messages.has(message), `${cause} has the same 401 message as ${messages.get(message)}: ${JSON.stringify(message)}`, 'one message per cause');
        messages.set(message, cause);
        if (cause === 'a bad signature') {
          t.expect.that(ex, message.includes(JSON.stringify(`GET\n${token}\n${date}\n`)), 'the bad-signature message shows the string standin expected to be signed', JSON.stringify(`GET\n${token}\n${date}\n`));
        }
      }
    },
  },
  {
    api: 'altr',
    name: 'errors: every error is wrapped, {success:false, response:{error_type, error_message}}, GetMetadata included [standin choice]',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-altr-errors'],
    async run(t) {
      const errors: Array<[string, Exchange]> = [];
      for (const op of ALL_OPERATIONS) errors.push([`${op} 401`, await callOp(t, op, { auth: { date: new Date(Date.now() - 16 * MINUTE).toISOString() } })]);
      for (const op of GETS) errors.push([`${op} 404`, await t.client.call(op, { params: { referenceToken: unknownToken() } })]);
      for (const [what, ex] of errors) {
        t.expect.that(ex, ex.status >= 400, `${what}: expected an error, got ${ex.status}`);
        t.expect.answer(ex, ex.status, { success: false, response: { error_type: /\S/, error_message: /\S/ } }, `${what}: the wrapped envelope`);
      }
    },
  },
  {
    api: 'altr',
    name: 'auth comes before validation: an unsigned PutData with an empty body -> 401, not 400',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-401'],
    async run(t) {
      const ex = await t.client.call('putData', { auth: false, headers: { 'content-type': 'application/octet-stream', 'x-altr-date': new Date().toISOString() }, invalid: true });
      expectError(t, ex, 401, 'unauthorized');
    },
  },
];
