import { createHash } from 'node:crypto';
import type { Exchange } from '../lib/client';
import type { Scenario, ScenarioContext } from '../lib/scenario';

// Ignisign log capsules: the rules of the spec's operation descriptions, one scenario each.

type T = ScenarioContext<'ignisign'>;

const sha256b64 = (text: string) => createHash('sha256').update(text).digest('base64');

function createPath(t: T, appId = t.creds.appId, appEnv = t.creds.appEnv) {
  return { appId, appEnv };
}

/** Every Ignisign error carries its code, and a status field equal to the HTTP status. */
function expectError(t: T, ex: Exchange, status: number, code: string) {
  t.expect.answer(ex, status, { status, code });
  t.expect.that(ex, typeof ex.json?.message === 'string' && ex.json.message.length > 0, 'an error has a message');
}

const otherEnv = (env: string) => (env === 'STAGING' ? 'PRODUCTION' : 'STAGING');

export const ignisignScenarios: Scenario<'ignisign'>[] = [
  {
    api: 'ignisign',
    name: 'create log capsule: 201 echoes the hash and returns a base64 timestamp',
    needs: ['writes'],
    async run(t) {
      const hash = sha256b64(t.unique('capsule'));
      const ex = await t.client.call('createLogCapsule', { params: createPath(t), json: { hashSha256_b64: hash } });
      t.expect.answer(ex, 201, { hashSha256_b64: hash });
      const token = String(ex.json?.timestamp_b64 ?? '');
      t.expect.that(ex, token.length > 0 && Buffer.from(token, 'base64').toString('base64') === token, 'timestamp_b64 is non-empty base64');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: no Authorization header -> 401 AUTH_HEADER_NOT_FOUND, on both operations',
    async run(t) {
      const context = await t.client.call('getApplicationContext', { params: { appId: t.creds.appId }, auth: false, invalid: true });
      expectError(t, context, 401, 'AUTH_HEADER_NOT_FOUND');
      const create = await t.client.call('createLogCapsule', { params: createPath(t), json: { hashSha256_b64: sha256b64('no auth') }, auth: false, invalid: true });
      expectError(t, create, 401, 'AUTH_HEADER_NOT_FOUND');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: a scheme other than Bearer -> 401 AUTH_HEADER_NOT_BEARER',
    async run(t) {
      const ex = await t.client.call('getApplicationContext', {
        params: { appId: t.creds.appId },
        auth: false,
        headers: { authorization: `Basic ${Buffer.from(`${t.creds.appId}:${t.creds.apiKey}`).toString('base64')}` },
        invalid: true,
      });
      expectError(t, ex, 401, 'AUTH_HEADER_NOT_BEARER');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: an unknown key -> 401 INVALID_TOKEN',
    async run(t) {
      const unknown = `skv2_${t.creds.appEnv.toLowerCase()}_${t.creds.appId.replace(/^appId_/, '')}_not-a-real-secret`;
      const ex = await t.client.call('getApplicationContext', { params: { appId: t.creds.appId }, auth: { token: unknown } });
      expectError(t, ex, 401, 'INVALID_TOKEN');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: a key for another env than the path -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED, nothing created',
    needs: ['writes'],
    async run(t) {
      const ex = await t.client.call('createLogCapsule', {
        params: createPath(t, t.creds.appId, otherEnv(t.creds.appEnv)),
        json: { hashSha256_b64: sha256b64('wrong env') },
      });
      expectError(t, ex, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: a key for another app than the path -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
    needs: ['writes'],
    async run(t) {
      const ex = await t.client.call('createLogCapsule', { params: createPath(t, 'appId_someone_else'), json: { hashSha256_b64: sha256b64('wrong app') } });
      expectError(t, ex, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    },
  },
  {
    api: 'ignisign',
    name: 'appEnv outside DEVELOPMENT|STAGING|PRODUCTION -> 400 PARAMS_VALIDATION_FAILED (not 403)',
    needs: ['writes'],
    async run(t) {
      const ex = await t.client.call('createLogCapsule', { params: createPath(t, t.creds.appId, 'SANDBOX'), json: { hashSha256_b64: sha256b64('x') }, invalid: true });
      expectError(t, ex, 400, 'PARAMS_VALIDATION_FAILED');
    },
  },
  {
    api: 'ignisign',
    name: "hashSha256_b64 that is not 44 characters of padded base64 (the DTO's @IsBase64 @Length(44,44)) -> 400 BODY_VALIDATION_FAILED",
    needs: ['writes'],
    basis: 'vendor',
    async run(t) {
      const digest = sha256b64('too short');
      const bad = [digest.slice(0, 43), Buffer.alloc(34, 7).toString('base64'), `${digest.slice(0, 41)}=AA`, digest.replace(/[+/]/g, '-').replace(/^./, '_'), 'not base64 at all, but 44 characters long!!!', ''];
      for (const value of bad) {
        const ex = await t.client.call('createLogCapsule', { params: createPath(t), json: { hashSha256_b64: value }, invalid: true });
        expectError(t, ex, 400, 'BODY_VALIDATION_FAILED');
      }
    },
  },
  {
    api: 'ignisign',
    name: 'hashSha256_b64 of 31 or 33 bytes in 44 base64 characters passes the DTO -> 201, echoed as sent',
    needs: ['writes'],
    basis: 'vendor',
    async run(t) {
      const seed = createHash('sha256').update(t.unique('odd')).digest();
      for (const value of [seed.subarray(0, 31).toString('base64'), Buffer.concat([seed, seed.subarray(0, 1)]).toString('base64')]) {
        const ex = await t.client.call('createLogCapsule', { params: createPath(t), json: { hashSha256_b64: value } });
        t.expect.answer(ex, 201, { hashSha256_b64: value });
      }
    },
  },
  {
    api: 'ignisign',
    name: "application context: 200 with appType LOG_CAPSULE for the key's own app (the SDK's init)",
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: t.creds.appId } });
      t.expect.answer(ex, 200, { appId: t.creds.appId, appType: 'LOG_CAPSULE' });
    },
  },
  {
    api: 'ignisign',
    name: 'application context of an app that does not exist -> 404 APP_NOT_FOUND',
    needs: ['standin'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: 'appId_does_not_exist' } });
      expectError(t, ex, 404, 'APP_NOT_FOUND');
    },
  },
  {
    api: 'ignisign',
    name: "application context of another existing app -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED",
    needs: ['standin'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: 'appId_other' } });
      expectError(t, ex, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    },
  },
  {
    api: 'ignisign',
    name: 'a route the mock lacks -> 404 NOT_YET_IMPLEMENTED, a wrong method -> 405 BAD_REQUEST: codes the SDK knows, so it throws an IGNISIGN SDK EXCEPTION',
    // The legacy auth route exists at the vendor, so this is a rule of the mock alone.
    needs: ['standin'],
    basis: 'choice',
    async run(t) {
      const legacy = await t.client.sendUndocumented({
        method: 'POST',
        path: '/v4/auth/app-api',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: t.creds.appId, appEnv: t.creds.appEnv, secret: 'not-served' }),
      });
      expectError(t, legacy, 404, 'NOT_YET_IMPLEMENTED');
      const wrongMethod = await t.client.sendUndocumented({ ...t.client.buildRequest('getApplicationContext', { params: { appId: t.creds.appId } }), method: 'DELETE' });
      expectError(t, wrongMethod, 405, 'BAD_REQUEST');
    },
  },
];
