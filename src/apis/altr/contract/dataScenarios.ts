import type { CallInit, Exchange } from '../../../contract/client';
import type { Scenario } from '../../../contract/scenario';
import type { AltrCredentials, AltrNeed } from './credentials';
import {
  GETS,
  ALL_OPERATIONS,
  MINUTE,
  DEMO_TOKEN,
  CAP_EXCEEDED,
  unknownToken,
  binaryData,
  errorDetail,
  expectError,
  put,
  store,
  expectStored,
  fillToNearCap,
  callOp,
} from './scenarioSupport';
import { altrSignature } from './signRequest';

// ALTR data: bytes stored and read back exactly, metadata, token status, and the byte rules
// (hint truncation and the organization data cap).

export const dataScenarios: Scenario<AltrCredentials, AltrNeed>[] = [
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
      t.expect.that(
        ex,
        /^application\/octet-stream/.test(ex.headers['content-type'] ?? ''),
        'GetData answers application/octet-stream',
        'application/octet-stream',
      );
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
    name: 'standin\'s seeded record: GetData "Hello, chainAPI!" with metadata filename.txt, fully available',
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
        for (const op of GETS)
          expectError(
            t,
            await t.client.call(op, { params: { referenceToken: token }, invalid: true }),
            400,
            'bad_request',
            undefined,
            `${op} ${token.slice(0, 10)}`,
          );
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
      expectError(
        t,
        await t.client.call('putData', { headers: { 'content-type': 'application/octet-stream' }, invalid: true }),
        400,
        'bad_request',
        undefined,
        'empty body',
      );
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
      // Typed bodies go as text (a client that serializes JSON itself would send a Buffer with a JSON type as {"type":"Buffer",…}); the
      // untyped one as bytes (HTTP clients label a text body text/plain or form-urlencoded themselves).
      const sends: Array<[string, string | Buffer, Record<string, string>]> = [
        ['application/json', JSON.stringify({ data: `sample client ${t.unique('j')}`, n: 1, ok: [true, null] }), { 'content-type': 'application/json' }],
        ['text/plain', `plain ${t.unique('p')}`, { 'content-type': 'text/plain; charset=utf-8' }],
        ['no Content-Type', Buffer.from(`untyped ${t.unique('u')}`), {}],
      ];
      for (const [what, body, headers] of sends) {
        const ex = await t.client.call('putData', { body, headers });
        t.expect.that(
          ex,
          what !== 'no Content-Type' || ex.request.headers['content-type'] === undefined,
          'the untyped write was sent without a Content-Type',
          'no Content-Type',
        );
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
        const ex = await t.client.call('getData', {
          params: { referenceToken: token },
          auth: false,
          headers: { authorization: `${scheme} ${t.creds.key}:${sig}`, 'x-altr-date': date },
        });
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
        [
          'a bad signature',
          () =>
            get({
              auth: false,
              headers: { authorization: `ALTR ${t.creds.key}:${altrSignature(`${t.creds.secret}-wrong`, 'GET', token, date)}`, 'x-altr-date': date },
            }),
        ],
        ['an unparseable date', () => get({ auth: { date: 'not a date' } })],
        ['a skewed date', () => get({ auth: { date: new Date(Date.now() - 16 * MINUTE).toISOString() } })],
      ];
      const messages = new Map<string, string>();
      for (const [cause, send] of causes) {
        const ex = await send();
        expectError(t, ex, 401, 'unauthorized', undefined, cause);
        const message = String(errorDetail(ex).error_message);
        t.expect.that(
          ex,
          !messages.has(message),
          `${cause} has the same 401 message as ${messages.get(message)}: ${JSON.stringify(message)}`,
          'one message per cause',
        );
        messages.set(message, cause);
        if (cause === 'a bad signature') {
          t.expect.that(
            ex,
            message.includes(JSON.stringify(`GET\n${token}\n${date}\n`)),
            'the bad-signature message shows the string standin expected to be signed',
            JSON.stringify(`GET\n${token}\n${date}\n`),
          );
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
      const ex = await t.client.call('putData', {
        auth: false,
        headers: { 'content-type': 'application/octet-stream', 'x-altr-date': new Date().toISOString() },
        invalid: true,
      });
      expectError(t, ex, 401, 'unauthorized');
    },
  },
];
