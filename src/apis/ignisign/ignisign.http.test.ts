import { join } from 'node:path';
import request from 'supertest';
import { loadSpec } from '../../core/spec';
import { SPECS_DIR } from '../../paths';
import { createApp } from '../../server';
import { APP_ENVS } from './apiKey';
import { VENDOR_IGNISIGN_ERROR_CODES } from './testing/vendorErrorCodes';
import { verifyTimestampToken } from './timestampToken';

// The Ignisign rules over HTTP. Every test uses its own namespace; the clock is pinned so error
// timestamps and token genTimes are exact.

const NOW = '2024-07-29T15:51:28.071Z';
const { app } = createApp({ apis: ['ignisign'], now: NOW });
const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';
const DEV_KEY = 'skv2_development_demo_devsecret';
const STG_KEY = 'skv2_staging_demo_stgsecret';
const PROD_KEY = 'skv2_production_demo_prodsecret';
const OTHER_KEY = 'skv2_development_other_othersecret';

let counter = 0;
const ns = () => `ignisign-http-${++counter}`;
const capsules = (appId: string, env: string) => `/ignisign/v4/applications/${appId}/envs/${env}/log-capsules`;
const context = (appId: string) => `/ignisign/v4/applications/${appId}/context`;

function create(namespace: string, path: string, body: unknown, authorization?: string) {
  const r = request(app).post(path).set('x-standin-namespace', namespace);
  if (authorization !== undefined) r.set('authorization', authorization);
  return body === undefined ? r : r.send(body as object);
}

function getContext(namespace: string, appId: string, authorization?: string) {
  const r = request(app).get(context(appId)).set('x-standin-namespace', namespace);
  return authorization === undefined ? r : r.set('authorization', authorization);
}

async function stored(namespace: string, appId = 'appId_demo'): Promise<Record<string, unknown[]>> {
  const res = await request(app).get('/__admin/state/ignisign').set('x-standin-namespace', namespace).query({ namespace });
  expect(res.status).toBe(200);
  return res.body.state.apps.find((a: { appId: string }) => a.appId === appId).capsules;
}

/** Every error: {message, timestamp ISO 8601 UTC, status, code, context}. */
function expectError(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ message: expect.any(String), timestamp: NOW, status, code, context: expect.any(Object) });
  expect(res.body.message).not.toBe('');
}

async function expectNothingStored(namespace: string): Promise<void> {
  expect(await stored(namespace)).toEqual({ DEVELOPMENT: [], STAGING: [], PRODUCTION: [] });
}

describe('ignisign auth: Authorization: Bearer <key>', () => {
  it.each([
    ['create', (n: string, a?: string) => create(n, capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, a)],
    ['context', (n: string, a?: string) => getContext(n, 'appId_demo', a)],
  ])('%s: no header -> 401 AUTH_HEADER_NOT_FOUND, other scheme -> 401 AUTH_HEADER_NOT_BEARER, unknown key -> 401 INVALID_TOKEN', async (_op, call) => {
    const n = ns();
    expectError(await call(n), 401, 'AUTH_HEADER_NOT_FOUND');
    expectError(await call(n, `Basic ${Buffer.from('a:b').toString('base64')}`), 401, 'AUTH_HEADER_NOT_BEARER');
    expectError(await call(n, DEV_KEY), 401, 'AUTH_HEADER_NOT_BEARER');
    expectError(await call(n, 'Bearer skv2_development_demo_wrongsecret'), 401, 'INVALID_TOKEN');
    expectError(await call(n, 'Bearer skv2_development_nope_devsecret'), 401, 'INVALID_TOKEN');
    expectError(await call(n, 'Bearer some-random-token'), 401, 'INVALID_TOKEN');
    await expectNothingStored(n);
  });

  it('an empty bearer token -> 401 AUTH_HEADER_NO_TOKEN [standin choice]', async () => {
    expectError(await create(ns(), capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, 'Bearer '), 401, 'AUTH_HEADER_NO_TOKEN');
  });

  it('the scheme name is case-insensitive (RFC 7235)', async () => {
    expect((await create(ns(), capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `bearer ${DEV_KEY}`)).status).toBe(201);
  });

  it('401 comes before path validation', async () => {
    expectError(await create(ns(), capsules('appId_demo', 'LOCAL'), { hashSha256_b64: 'x' }), 401, 'AUTH_HEADER_NOT_FOUND');
  });
});

describe('ignisign create: key context and path', () => {
  it('a key whose env differs from the path -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED, nothing stored', async () => {
    const n = ns();
    const res = await create(n, capsules('appId_demo', 'PRODUCTION'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`);
    expectError(res, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    expect(res.body.context).toEqual({ appId: 'appId_demo', appEnv: 'PRODUCTION' });
    await expectNothingStored(n);
  });

  it('a key whose app differs from the path -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED (known or unknown app)', async () => {
    const n = ns();
    expectError(
      await create(n, capsules('appId_other', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`),
      403,
      'INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
    );
    expectError(
      await create(n, capsules('appId_unknown', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`),
      403,
      'INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
    );
    expect((await stored(n, 'appId_other')).DEVELOPMENT).toEqual([]);
  });

  it('appEnv outside DEVELOPMENT|STAGING|PRODUCTION -> 400 PARAMS_VALIDATION_FAILED, not 403', async () => {
    const n = ns();
    for (const env of ['LOCAL', 'development', 'PROD']) {
      const res = await create(n, capsules('appId_demo', env), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`);
      expectError(res, 400, 'PARAMS_VALIDATION_FAILED');
      expect(res.body.context.field).toBe('appEnv');
    }
    await expectNothingStored(n);
  });

  it('a malformed appId -> 400 PARAMS_VALIDATION_FAILED, not 403', async () => {
    const res = await create(ns(), capsules('demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`);
    expectError(res, 400, 'PARAMS_VALIDATION_FAILED');
    expect(res.body.context.field).toBe('appId');
  });

  it('403 comes before body validation', async () => {
    expectError(
      await create(ns(), capsules('appId_demo', 'STAGING'), { hashSha256_b64: 'nope' }, `Bearer ${DEV_KEY}`),
      403,
      'INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
    );
  });
});

describe("ignisign create: hashSha256_b64 as the vendor's @IsBase64 @Length(44,44) decides", () => {
  it.each<[string, unknown]>([
    ['missing', {}],
    ['not a string', { hashSha256_b64: 12 }],
    ['48 characters (34 bytes)', { hashSha256_b64: Buffer.alloc(34).toString('base64') }],
    ['base64url', { hashSha256_b64: HASH.replace('+', '-') }],
    ['hex', { hashSha256_b64: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' }],
    ['without padding', { hashSha256_b64: HASH.slice(0, 43) }],
    ['"=" inside the value', { hashSha256_b64: `${'A'.repeat(41)}=AA` }],
    ['a JSON array body', [HASH]],
  ])('%s -> 400 BODY_VALIDATION_FAILED, nothing stored', async (_name, body) => {
    const n = ns();
    expectError(await create(n, capsules('appId_demo', 'DEVELOPMENT'), body, `Bearer ${DEV_KEY}`), 400, 'BODY_VALIDATION_FAILED');
    await expectNothingStored(n);
  });

  it.each<[string, string]>([
    ['31 bytes ending in ==', Buffer.alloc(31, 9).toString('base64')],
    ['31 bytes with non-zero bits before ==', `${'A'.repeat(41)}B==`],
    ['33 bytes, no padding', Buffer.alloc(33, 9).toString('base64')],
  ])('%s (44 characters the vendor accepts) -> 201, stored, echoed and signed as sent', async (_name, hash) => {
    const n = ns();
    const res = await create(n, capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: hash }, `Bearer ${DEV_KEY}`);
    expect(res.status).toBe(201);
    expect(res.body.hashSha256_b64).toBe(hash);
    expect(verifyTimestampToken(res.body.timestamp_b64, { hashSha256_b64: hash })).toMatchObject({
      valid: true,
      token: { hashSha256_b64: hash, hashAlg: 'SHA-256' },
    });
    expect((await stored(n)).DEVELOPMENT).toEqual([expect.objectContaining({ hashSha256_b64: hash })]);
  });

  it('no body, malformed JSON or another content type -> 400 BODY_VALIDATION_FAILED', async () => {
    const n = ns();
    const path = capsules('appId_demo', 'DEVELOPMENT');
    expectError(await create(n, path, undefined, `Bearer ${DEV_KEY}`), 400, 'BODY_VALIDATION_FAILED');
    const post = () => request(app).post(path).set('x-standin-namespace', n).set('authorization', `Bearer ${DEV_KEY}`);
    expectError(await post().set('content-type', 'application/json').send('{"hashSha256_b64":'), 400, 'BODY_VALIDATION_FAILED');
    expectError(await post().set('content-type', 'text/plain').send(HASH), 400, 'BODY_VALIDATION_FAILED');
    await expectNothingStored(n);
  });
});

describe('ignisign create: 201', () => {
  it('echoes the hash and returns a timestamp token over that hash and the server time that standin verifies', async () => {
    const n = ns();
    const res = await create(n, capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH, unknownField: true }, `Bearer ${DEV_KEY}`);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ hashSha256_b64: HASH, timestamp_b64: expect.any(String) });
    const verified = verifyTimestampToken(res.body.timestamp_b64, { hashSha256_b64: HASH });
    expect(verified.valid).toBe(true);
    expect(verified.token).toMatchObject({ hashSha256_b64: HASH, genTime: NOW, serial: '1' });
    expect(verifyTimestampToken(res.body.timestamp_b64, { hashSha256_b64: Buffer.alloc(32).toString('base64') })).toMatchObject({
      valid: false,
      reason: 'hashMismatch',
    });
  });

  it('capsules are kept per app and env, and per namespace', async () => {
    const n = ns();
    const hash2 = Buffer.alloc(32, 2).toString('base64');
    expect((await create(n, capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`)).status).toBe(201);
    expect((await create(n, capsules('appId_demo', 'STAGING'), { hashSha256_b64: hash2 }, `Bearer ${STG_KEY}`)).status).toBe(201);
    expect((await create(n, capsules('appId_other', 'DEVELOPMENT'), { hashSha256_b64: hash2 }, `Bearer ${OTHER_KEY}`)).status).toBe(201);
    const demo = await stored(n);
    expect(demo.DEVELOPMENT).toEqual([expect.objectContaining({ serial: '1', hashSha256_b64: HASH, genTime: NOW })]);
    expect(demo.STAGING).toEqual([expect.objectContaining({ serial: '2', hashSha256_b64: hash2 })]);
    expect(demo.PRODUCTION).toEqual([]);
    expect((await stored(n, 'appId_other')).DEVELOPMENT).toEqual([expect.objectContaining({ serial: '3' })]);
    await expectNothingStored(ns());
  });

  it('the same hash twice is accepted and stored twice [standin choice]', async () => {
    const n = ns();
    const first = await create(n, capsules('appId_demo', 'PRODUCTION'), { hashSha256_b64: HASH }, `Bearer ${PROD_KEY}`);
    const second = await create(n, capsules('appId_demo', 'PRODUCTION'), { hashSha256_b64: HASH }, `Bearer ${PROD_KEY}`);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.timestamp_b64).not.toBe(second.body.timestamp_b64); // serials differ
    expect((await stored(n)).PRODUCTION).toHaveLength(2);
  });

  it('parallel creates each get their own serial', async () => {
    const n = ns();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => create(n, capsules('appId_demo', 'DEVELOPMENT'), { hashSha256_b64: HASH }, `Bearer ${DEV_KEY}`)),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const serials = responses.map((r) => verifyTimestampToken(r.body.timestamp_b64).token!.serial);
    expect(new Set(serials).size).toBe(50);
    expect((await stored(n)).DEVELOPMENT).toHaveLength(50);
  });
});

describe('ignisign GET context', () => {
  it('returns the demo app with appType LOG_CAPSULE, for a key of any of its envs', async () => {
    const n = ns();
    for (const key of [DEV_KEY, STG_KEY, PROD_KEY]) {
      const res = await getContext(n, 'appId_demo', `Bearer ${key}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ appId: 'appId_demo', orgId: 'orgId_demo', appType: 'LOG_CAPSULE', status: 'ACTIVE', ignisignApiVersion: 'V4' });
      expect(Object.keys(res.body.envSettings)).toEqual([...APP_ENVS]);
      expect(JSON.stringify(res.body)).not.toContain('secret');
    }
  });

  it('an unknown app -> 404 APP_NOT_FOUND', async () => {
    const res = await getContext(ns(), 'appId_unknown', `Bearer ${DEV_KEY}`);
    expectError(res, 404, 'APP_NOT_FOUND');
    expect(res.body.context).toEqual({ appId: 'appId_unknown' });
  });

  it("another app than the key's -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED", async () => {
    expectError(await getContext(ns(), 'appId_other', `Bearer ${DEV_KEY}`), 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    expect((await getContext(ns(), 'appId_other', `Bearer ${OTHER_KEY}`)).status).toBe(200);
  });

  it('a malformed appId -> 400 PARAMS_VALIDATION_FAILED', async () => {
    expectError(await getContext(ns(), 'demo', `Bearer ${DEV_KEY}`), 400, 'PARAMS_VALIDATION_FAILED');
  });
});

describe('ignisign spec agreement', () => {
  const spec = loadSpec(join(SPECS_DIR, 'ignisign.yaml'));
  it('the AppEnv enum the auth step checks is the spec enum', () => {
    expect(spec.schemas.AppEnv).toMatchObject({ enum: [...APP_ENVS] });
  });
  it("the spec's 201 example token verifies, over the example hash", () => {
    const op = spec.operations.find((o) => o.operationId === 'createLogCapsule')!;
    const example = op.responses['201'].content['application/json'].example as { hashSha256_b64: string; timestamp_b64: string };
    expect(verifyTimestampToken(example.timestamp_b64, { hashSha256_b64: example.hashSha256_b64 }).valid).toBe(true);
  });
});

describe('ignisign: every error carries a code from the vendor list (else the SDK surfaces a raw HTTP error)', () => {
  const vendor = new Set(VENDOR_IGNISIGN_ERROR_CODES);
  const limited = createApp({ apis: ['ignisign'], now: NOW, bodyLimit: 64 }).app;
  const path = capsules('appId_demo', 'DEVELOPMENT');
  const auth = `Bearer ${DEV_KEY}`;

  it('404 for a route the mock lacks -> NOT_YET_IMPLEMENTED, naming method and path', async () => {
    const res = await request(app).post('/ignisign/v4/auth/app-api').send({ appId: 'appId_demo', appEnv: 'DEVELOPMENT', secret: 's' });
    expectError(res, 404, 'NOT_YET_IMPLEMENTED');
    expect(res.body.context).toEqual({ method: 'POST', path: '/v4/auth/app-api' });
  });

  it('405 for another method on a known path -> BAD_REQUEST, with Allow', async () => {
    const res = await request(app).get(path).set('authorization', auth);
    expectError(res, 405, 'BAD_REQUEST');
    expect(res.headers.allow).toBe('POST');
    expect(res.body.context).toEqual({ allow: ['POST'] });
  });

  it('413 for a body over the limit -> BAD_REQUEST', async () => {
    expectError(
      await request(limited)
        .post(path)
        .set('authorization', auth)
        .send({ hashSha256_b64: HASH, pad: 'x'.repeat(100) }),
      413,
      'BAD_REQUEST',
    );
  });

  it('500 for an injected fault -> INTERNAL_ERROR', async () => {
    const n = ns();
    expect((await request(app).post('/__admin/faults').send({ api: 'ignisign', operationId: 'createLogCapsule', namespace: n })).status).toBeLessThan(300);
    expectError(await create(n, path, { hashSha256_b64: HASH }, auth), 500, 'INTERNAL_ERROR');
  });

  it('no failure the mock can answer carries a code outside the vendor list', async () => {
    const n = ns();
    const post = (p: string) => request(app).post(p).set('x-standin-namespace', n);
    const responses = await Promise.all([
      post(path),
      post(path).set('authorization', 'Basic x'),
      post(path).set('authorization', 'Bearer '),
      post(path).set('authorization', 'Bearer nope'),
      post(capsules('appId_demo', 'STAGING')).set('authorization', auth).send({ hashSha256_b64: HASH }),
      post(capsules('appId_demo', 'LOCAL')).set('authorization', auth).send({ hashSha256_b64: HASH }),
      post(path).set('authorization', auth).send({ hashSha256_b64: 'x' }),
      post(path).set('authorization', auth).set('content-type', 'application/json').send('{'),
      post(path).set('authorization', auth).set('content-type', 'text/plain').send(HASH),
      getContext(n, 'appId_unknown', auth),
      getContext(n, 'appId_other', auth),
      request(app).get('/ignisign/'),
      request(app).delete(context('appId_demo')),
      request(limited)
        .post(path)
        .set('authorization', auth)
        .send({ hashSha256_b64: HASH, pad: 'x'.repeat(100) }),
    ]);
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect({ status: res.status, code: res.body.code, known: vendor.has(res.body.code) }).toEqual({ status: res.status, code: res.body.code, known: true });
    }
  });
});
