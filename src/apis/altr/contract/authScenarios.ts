import type { Scenario } from '../../../contract/scenario';
import type { AltrCredentials, AltrNeed } from './credentials';
import {
  ALL_OPERATIONS,
  MINUTE,
  unknownToken,
  DATE_FORMATS,
  errorDetail,
  expectError,
  put,
  store,
  expectStored,
  readOnly,
  fillToNearCap,
  callOp,
} from './scenarioSupport';
import { altrSignature } from './signRequest';

// ALTR authentication and permissions: every failure is 401 unauthorized; a key without the
// permission gets 403 forbidden.

export const authScenarios: Scenario<AltrCredentials, AltrNeed>[] = [
  // --- HMAC authentication: every failure is 401 unauthorized -------------------------------------
  {
    api: 'altr',
    name: 'auth: no Authorization header -> 401 unauthorized, on all four operations',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-altr-401'],
    async run(t) {
      for (const op of ALL_OPERATIONS)
        expectError(
          t,
          await callOp(t, op, { auth: false, headers: { 'x-altr-date': new Date().toISOString() }, invalid: true }),
          401,
          'unauthorized',
          undefined,
          op,
        );
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
        const ex = await t.client.call('getData', {
          params: { referenceToken: token },
          auth: false,
          headers: { authorization: `ALTR ${t.creds.key}:${sig}`, 'x-altr-date': date },
        });
        expectError(t, ex, 401, 'unauthorized', undefined, what);
        const message = String(errorDetail(ex).error_message);
        t.expect.that(
          ex,
          !message.includes(t.creds.secret) && !message.includes(altrSignature(t.creds.secret, 'GET', token, date)),
          'the 401 message must not reveal the secret or the expected signature',
        );
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
      const ex = await t.client.call('getData', {
        params: { referenceToken: token },
        auth: false,
        headers: { authorization: `ALTR ${t.creds.key}:${sig}` },
        invalid: true,
      });
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
      for (const op of ALL_OPERATIONS)
        expectError(t, await callOp(t, op, { auth: { date: new Date(Date.now() - 16 * MINUTE).toISOString() } }), 401, 'unauthorized', undefined, op);
    },
  },
  {
    api: 'altr',
    name: 'auth: a date 16 minutes in the future -> 401 unauthorized, on all four operations',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-altr-skew', 'rule-altr-401'],
    async run(t) {
      for (const op of ALL_OPERATIONS)
        expectError(t, await callOp(t, op, { auth: { date: new Date(Date.now() + 16 * MINUTE).toISOString() } }), 401, 'unauthorized', undefined, op);
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
      t.expect.answer(await t.client.call('getTokenStatus', { params: { referenceToken: token }, auth: ro }), 200, {
        success: true,
        response: { data: { token_active: true } },
      });
    },
  },
];
