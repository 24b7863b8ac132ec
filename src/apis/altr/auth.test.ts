import { join } from 'node:path';
import request from 'supertest';
import { SettableClock } from '../../core/clock';
import { loadSpec } from '../../core/spec';
import type { EngineRequest } from '../../core/types';
import { SPECS_DIR } from '../../paths';
import { createApp } from '../../server';
import { authenticateAltr, MESSAGES } from './auth';
import { altrAuthorization, altrSignature } from './signature';
import { AltrStore } from './store';
import { altrState, RO, RW, SEEDED_TOKEN, SINGLE, signedHeaders } from './testing/altrTestSupport';

const NOW = '2024-05-01T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const iso = (offsetMs: number) => new Date(NOW_MS + offsetMs).toISOString();
const MIN = 60_000;

let seq = 0;
const ns = () => `altr-auth-${++seq}`;
const standin = createApp({ apis: ['altr'], now: NOW });
const api = () => request(standin.app);

function put(headers: Record<string, string>, body = Buffer.from('hello'), namespace = ns()) {
  return api().post(SINGLE).set('x-standin-namespace', namespace).set('content-type', 'application/octet-stream').set(headers).send(body);
}

function getSeeded(suffix: '' | '/metadata' | '/status', headers: Record<string, string>) {
  return api().get(`${SINGLE}${SEEDED_TOKEN}${suffix}`).set('x-standin-namespace', ns()).set(headers);
}

function expectUnauthorized(res: request.Response, message: string | RegExp) {
  expect(res.status).toBe(401);
  expect(res.body.success).toBe(false);
  expect(res.body.response.error_type).toBe('unauthorized');
  expect(res.body.response.error_message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
}

describe('altr authentication (401 unauthorized)', () => {
  it('a correctly signed PutData is accepted (baseline for the failures below)', async () => {
    const res = await put(signedHeaders('POST', '', NOW));
    expect(res.status).toBe(200);
  });

  it('missing Authorization header → 401', async () => {
    expectUnauthorized(await put({ 'x-altr-date': NOW }), MESSAGES.missingHeader);
  });

  it.each([
    ['another scheme', 'Bearer ALTR-demo-rw'],
    ['no signature part', 'ALTR ALTR-demo-rw'],
    ['a signature that is not base64', 'ALTR ALTR-demo-rw:not*base64!'],
  ])('malformed Authorization header (%s) → 401', async (_name, value) => {
    expectUnauthorized(await put({ authorization: value, 'x-altr-date': NOW }), MESSAGES.malformedHeader);
  });

  it.each(['altr', 'Altr'])('the scheme is matched exactly: a correctly signed "%s <key>:<sig>" → 401 [standin choice]', async (scheme) => {
    const { authorization } = signedHeaders('POST', '', NOW);
    expectUnauthorized(await put({ authorization: authorization.replace(/^ALTR /, `${scheme} `), 'x-altr-date': NOW }), MESSAGES.malformedHeader);
  });

  it('missing X-ALTR-DATE → 401 (not 400: authentication runs first)', async () => {
    const { authorization } = signedHeaders('POST', '', NOW);
    expectUnauthorized(await put({ authorization }), MESSAGES.missingDate);
  });

  it('unknown key → 401', async () => {
    expectUnauthorized(await put(signedHeaders('POST', '', NOW, { key: 'ALTR-nobody', secret: 'demo-rw-secret' })), MESSAGES.unknownKey);
  });

  it('signature made with the wrong secret → 401, and the message shows the string to sign', async () => {
    const res = await put(signedHeaders('POST', '', NOW, { key: RW.key, secret: 'wrong' }));
    expectUnauthorized(res, /^The request signature does not match\./);
    expect(res.body.response.error_message).toContain(JSON.stringify(`POST\n\n${NOW}\n`));
  });

  it('signature of the wrong length is refused with 401, not a 500 from timingSafeEqual', async () => {
    expectUnauthorized(await put({ authorization: `ALTR ${RW.key}:AAAA`, 'x-altr-date': NOW }), /signature does not match/);
  });

  it('DATE is signed byte for byte: a signature over an equivalent date string → 401', async () => {
    const sig = altrSignature(RW.secret, 'POST', '', NOW.replace('.000Z', 'Z')); // same instant, other bytes
    expectUnauthorized(await put({ authorization: `ALTR ${RW.key}:${sig}`, 'x-altr-date': NOW }), /signature does not match/);
  });

  it('POST signs an empty RESOURCE: a POST signed over "/api/v1/single/" → 401', async () => {
    expectUnauthorized(
      await put({ authorization: altrAuthorization(RW.key, RW.secret, 'POST', '/api/v1/single/', NOW), 'x-altr-date': NOW }),
      /signature does not match/,
    );
  });

  it('GET signs the token alone: signing "<token>/metadata" for GetMetadata → 401', async () => {
    const headers = { authorization: altrAuthorization(RW.key, RW.secret, 'GET', `${SEEDED_TOKEN}/metadata`, NOW), 'x-altr-date': NOW };
    expectUnauthorized(await getSeeded('/metadata', headers), /signature does not match/);
  });

  it('GET signs the method: a GET signed as POST → 401', async () => {
    const headers = { authorization: altrAuthorization(RW.key, RW.secret, 'POST', SEEDED_TOKEN, NOW), 'x-altr-date': NOW };
    expectUnauthorized(await getSeeded('', headers), /signature does not match/);
  });

  it('an unparseable (but correctly signed) date → 401', async () => {
    expectUnauthorized(await put(signedHeaders('POST', '', 'yesterday at noon')), MESSAGES.unparseableDate);
  });

  describe('clock skew: more than 15 minutes either way → 401; exactly 15:00 is accepted', () => {
    it.each([
      ['15:00 ahead', 15 * MIN],
      ['15:00 behind', -15 * MIN],
    ])('accepts a date exactly %s', async (_name, offset) => {
      expect((await put(signedHeaders('POST', '', iso(offset)))).status).toBe(200);
    });

    it.each([
      ['15:00.001 ahead', 15 * MIN + 1],
      ['15:00.001 behind', -15 * MIN - 1],
      ['16 minutes behind', -16 * MIN],
    ])('refuses a date %s', async (_name, offset) => {
      expectUnauthorized(await put(signedHeaders('POST', '', iso(offset))), MESSAGES.skew);
    });

    it('reads the clock per request (a moved clock turns an accepted date into a refused one)', async () => {
      const app = createApp({ apis: ['altr'], now: NOW });
      const date = iso(0);
      const send = () =>
        request(app.app)
          .post(SINGLE)
          .set('content-type', 'application/octet-stream')
          .set(signedHeaders('POST', '', date))
          .send(Buffer.from('x'));
      expect((await send()).status).toBe(200);
      app.clock.set(new Date(NOW_MS + 15 * MIN + 1000));
      expectUnauthorized(await send(), MESSAGES.skew);
    });
  });

  it.each([
    ['ISO 8601', NOW],
    ['ISO 8601 with an offset', '2024-05-01T14:00:00+02:00'],
    ['RFC 1123', 'Wed, 01 May 2024 12:00:00 GMT'],
    ['JS Date.toString()', 'Wed May 01 2024 12:00:00 GMT+0000 (Coordinated Universal Time)'],
    ['MM-DD-YYYY HH:mm:ss', '05-01-2024 12:00:00'],
  ])('accepts a signed %s date', async (_name, date) => {
    expect((await put(signedHeaders('POST', '', date))).status).toBe(200);
  });

  it('applies to every GET as well (GetData, GetMetadata, status)', async () => {
    for (const suffix of ['', '/metadata', '/status'] as const) {
      expectUnauthorized(await getSeeded(suffix, { 'x-altr-date': NOW }), MESSAGES.missingHeader);
      expectUnauthorized(await getSeeded(suffix, signedHeaders('GET', SEEDED_TOKEN, NOW, { key: RW.key, secret: 'wrong' })), /signature does not match/);
      expectUnauthorized(await getSeeded(suffix, signedHeaders('GET', SEEDED_TOKEN, iso(-16 * MIN))), MESSAGES.skew);
    }
  });
});

describe('altr permissions (403 forbidden)', () => {
  it('the read-only key is refused on PutData with 403 and nothing is stored', async () => {
    const namespace = ns();
    const before = await altrState(standin.app, namespace);
    const res = await put(signedHeaders('POST', '', NOW, RO), Buffer.from('nope'), namespace);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ success: false, response: { error_type: 'forbidden', error_message: 'API key does not have write permission.' } });
    const after = await altrState(standin.app, namespace);
    expect(after.records).toHaveLength(before.records.length);
    expect(after.organizations[0].usedBytes).toBe(before.organizations[0].usedBytes);
  });

  it('the read-only key is accepted on GetData, GetMetadata and status', async () => {
    const headers = signedHeaders('GET', SEEDED_TOKEN, NOW, RO);
    const data = await getSeeded('', headers);
    expect(data.status).toBe(200);
    expect((await getSeeded('/metadata', headers)).body).toEqual({ success: true, metadata: 'filename.txt' });
    expect((await getSeeded('/status', headers)).status).toBe(200);
  });
});

describe('authenticateAltr reads the required role from the operation security requirement', () => {
  const spec = loadSpec(join(SPECS_DIR, 'altr.yaml'));
  const op = (id: string) => spec.operations.find((o) => o.operationId === id)!;
  const clock = new SettableClock(NOW);
  const store = new AltrStore(
    {
      organizations: [{ id: 'o', name: 'o', dataCapBytes: 10 }],
      apiKeys: [
        { key: 'w-only', secret: 'w', organizationId: 'o', permissions: ['write'] },
        { key: 'r-only', secret: 'r', organizationId: 'o', permissions: ['read'] },
      ],
      records: [],
    },
    () => 't',
  );
  const call = (operation: ReturnType<typeof op>, method: string, key: string, secret: string, token?: string) => {
    const req: EngineRequest = {
      method,
      path: '/',
      rawQuery: '',
      query: {},
      headers: { authorization: altrAuthorization(key, secret, method, token ?? '', NOW), 'x-altr-date': NOW },
    };
    return authenticateAltr({ request: req, operation, params: token ? { referenceToken: token } : {}, state: { store }, clock });
  };

  it('a key without read permission gets 403 on the GETs (spec lists [read])', () => {
    for (const id of ['getData', 'getMetadata', 'getTokenStatus']) {
      const result = call(op(id), 'GET', 'w-only', 'w', 'abc');
      expect(result).toEqual({
        ok: false,
        response: {
          status: 403,
          body: { success: false, response: { error_type: 'forbidden', error_message: 'API key does not have read permission.' } },
          reason: { rule: 'rule-altr-403', message: "altr.permission: the key lacks the 'read' permission" },
        },
      });
    }
  });

  it('follows the spec, not the operationId: a GET operation whose requirement lists [write] refuses a read-only key', () => {
    const writeOnlyGet = { ...op('getData'), security: [{ altrSignature: ['write'] }] };
    expect(call(writeOnlyGet, 'GET', 'r-only', 'r', 'abc')).toMatchObject({ ok: false, response: { status: 403 } });
    expect(call(writeOnlyGet, 'GET', 'w-only', 'w', 'abc')).toMatchObject({ ok: true, principal: { key: 'w-only', organizationId: 'o' } });
  });

  it('an operation with an empty security list needs no signature', () => {
    const open = { ...op('getData'), security: [] };
    const req: EngineRequest = { method: 'GET', path: '/', rawQuery: '', query: {}, headers: {} };
    expect(authenticateAltr({ request: req, operation: open, params: {}, state: { store }, clock })).toEqual({ ok: true });
  });
});
