import { createHash } from 'node:crypto';
import { type Exchange, SkipStep } from '../../../contract/client';
import type { Scenario, ScenarioContext } from '../../../contract/scenario';
import type { IgnisignCredentials } from './credentials';

// Ignisign log capsules: the rules of the spec's operation descriptions, one scenario each.

type T = ScenarioContext<IgnisignCredentials>;

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

export const ignisignScenarios: Scenario<IgnisignCredentials, never>[] = [
  {
    api: 'ignisign',
    name: 'create log capsule: 201 echoes the hash and returns a base64 timestamp',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-ignisign-201'],
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
    basis: 'choice',
    readme: ['rule-ignisign-auth'],
    async run(t) {
      const context = await t.client.call('getApplicationContext', { params: { appId: t.creds.appId }, auth: false, invalid: true });
      expectError(t, context, 401, 'AUTH_HEADER_NOT_FOUND');
      const create = await t.client.call('createLogCapsule', {
        params: createPath(t),
        json: { hashSha256_b64: sha256b64('no auth') },
        auth: false,
        invalid: true,
      });
      expectError(t, create, 401, 'AUTH_HEADER_NOT_FOUND');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: a scheme other than Bearer -> 401 AUTH_HEADER_NOT_BEARER',
    basis: 'choice',
    readme: ['rule-ignisign-auth'],
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
    basis: 'choice',
    readme: ['rule-ignisign-auth'],
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
    basis: 'choice',
    readme: ['rule-ignisign-context-403'],
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
    basis: 'choice',
    readme: ['rule-ignisign-context-403'],
    async run(t) {
      const ex = await t.client.call('createLogCapsule', { params: createPath(t, 'appId_someone_else'), json: { hashSha256_b64: sha256b64('wrong app') } });
      expectError(t, ex, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED');
    },
  },
  {
    api: 'ignisign',
    name: 'appEnv outside DEVELOPMENT|STAGING|PRODUCTION -> 400 PARAMS_VALIDATION_FAILED (not 403)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-ignisign-path'],
    async run(t) {
      const ex = await t.client.call('createLogCapsule', {
        params: createPath(t, t.creds.appId, 'SANDBOX'),
        json: { hashSha256_b64: sha256b64('x') },
        invalid: true,
      });
      expectError(t, ex, 400, 'PARAMS_VALIDATION_FAILED');
    },
  },
  {
    api: 'ignisign',
    name: "hashSha256_b64 that is not 44 characters of padded base64 (the DTO's @IsBase64 @Length(44,44)) -> 400 BODY_VALIDATION_FAILED",
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-ignisign-hash'],
    async run(t) {
      const digest = sha256b64('too short');
      const bad = [
        digest.slice(0, 43),
        Buffer.alloc(34, 7).toString('base64'),
        `${digest.slice(0, 41)}=AA`,
        digest.replace(/[+/]/g, '-').replace(/^./, '_'),
        'not base64 at all, but 44 characters long!!!',
        '',
      ];
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
    readme: ['rule-ignisign-hash', 'rule-ignisign-201'],
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
    basis: 'vendor',
    readme: ['rule-ignisign-app-context'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: t.creds.appId } });
      t.expect.answer(ex, 200, { appId: t.creds.appId, appType: 'LOG_CAPSULE' });
    },
  },
  {
    api: 'ignisign',
    name: 'application context of an app that does not exist -> 404 APP_NOT_FOUND',
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-ignisign-app-context'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: 'appId_does_not_exist' } });
      expectError(t, ex, 404, 'APP_NOT_FOUND');
    },
  },
  {
    api: 'ignisign',
    name: 'application context of another existing app -> 403 INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-ignisign-app-context'],
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
    readme: ['rule-ignisign-codes'],
    async run(t) {
      const legacy = await t.client.sendUndocumented({
        method: 'POST',
        path: '/v4/auth/app-api',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: t.creds.appId, appEnv: t.creds.appEnv, secret: 'not-served' }),
      });
      expectError(t, legacy, 404, 'NOT_YET_IMPLEMENTED');
      const wrongMethod = await t.client.sendUndocumented({
        ...t.client.buildRequest('getApplicationContext', { params: { appId: t.creds.appId } }),
        method: 'DELETE',
      });
      expectError(t, wrongMethod, 405, 'BAD_REQUEST');
    },
  },
  {
    api: 'ignisign',
    name: 'auth: Bearer with no token -> 401 AUTH_HEADER_NO_TOKEN',
    basis: 'choice',
    readme: ['rule-ignisign-auth'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', {
        params: { appId: t.creds.appId },
        auth: false,
        headers: { authorization: 'Bearer' },
        invalid: true,
      });
      expectError(t, ex, 401, 'AUTH_HEADER_NO_TOKEN');
    },
  },
  {
    api: 'ignisign',
    name: 'an appId not matching ^appId_[A-Za-z0-9_-]+$ -> 400 PARAMS_VALIDATION_FAILED',
    basis: 'choice',
    readme: ['rule-ignisign-path'],
    async run(t) {
      const ex = await t.client.call('getApplicationContext', { params: { appId: 'app-demo' }, invalid: true });
      expectError(t, ex, 400, 'PARAMS_VALIDATION_FAILED');
    },
  },
  {
    api: 'ignisign',
    name: 'the same hash twice -> 201 twice, two capsules (two timestamps, each with its own serial on standin)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-ignisign-storage'],
    async run(t) {
      const hash = sha256b64(t.unique('twice'));
      const tokens: string[] = [];
      for (let i = 0; i < 2; i++) {
        const ex = await t.client.call('createLogCapsule', { params: createPath(t), json: { hashSha256_b64: hash } });
        t.expect.answer(ex, 201, { hashSha256_b64: hash });
        tokens.push(String(ex.json?.timestamp_b64 ?? ''));
      }
      if (!t.target.standin) return; // the vendor's token is opaque
      const [a, b] = tokens.map((token) => JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { serial?: string });
      t.expect.that(undefined, a.serial !== b.serial, `two capsules of the same hash have their own serials (got ${a.serial} and ${b.serial})`);
    },
  },
  {
    api: 'ignisign',
    name: 'every error is {message, timestamp (ISO 8601 UTC), status, code, context}',
    basis: 'vendor',
    readme: ['rule-ignisign-envelope'],
    async run(t) {
      const errors = [
        await t.client.call('getApplicationContext', { params: { appId: t.creds.appId }, auth: false, invalid: true }),
        await t.client.call('getApplicationContext', { params: { appId: t.creds.appId }, auth: { token: 'skv2_development_nobody_nosecret' } }),
        await t.client.call('getApplicationContext', { params: { appId: 'app-demo' }, invalid: true }),
      ];
      // The docs describe `YYYY-MM-DD HH:mm:ss ZZ` but show ISO 8601; standin sends ISO 8601 UTC.
      const timestamp = t.target.standin ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/ : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
      for (const ex of errors) {
        const body = ex.json ?? {};
        t.expect.equal(ex, Object.keys(body).sort(), ['code', 'context', 'message', 'status', 'timestamp'], 'the error fields');
        t.expect.that(
          ex,
          typeof body.message === 'string' && body.status === ex.status && typeof body.code === 'string',
          'message is a string, status the HTTP status, code a string',
        );
        t.expect.that(
          ex,
          typeof body.timestamp === 'string' && timestamp.test(body.timestamp),
          `timestamp is ${t.target.standin ? 'ISO 8601 UTC' : 'a date and time'}`,
          String(timestamp),
        );
        t.expect.that(ex, body.context !== null && typeof body.context === 'object' && !Array.isArray(body.context), 'context is an object');
      }
    },
  },
  {
    api: 'ignisign',
    name: 'an injected fault -> 500 INTERNAL_ERROR, a code the SDK knows',
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-ignisign-codes'],
    async run(t) {
      await t.fault('getApplicationContext');
      expectError(t, await t.client.call('getApplicationContext', { params: { appId: t.creds.appId } }), 500, 'INTERNAL_ERROR');
    },
  },
  {
    api: 'ignisign',
    name: 'a body over --body-limit -> 413 BAD_REQUEST, a code the SDK knows',
    needs: ['writes', 'standin-itself'],
    basis: 'choice',
    readme: ['rule-ignisign-codes'],
    async run(t) {
      const limit = t.target.bodyLimit;
      if (limit === undefined) throw new Error('a standin target without a body limit');
      if (limit >= 64 * 1024 * 1024) throw new SkipStep(`the body limit ${limit} is too large to send one byte more`);
      const body = Buffer.alloc(limit + 1, 0x61);
      body[0] = body[limit] = 0x22; // a JSON string: only its size is wrong
      const request = t.client.buildRequest('createLogCapsule', { params: createPath(t), headers: { 'content-type': 'application/json' } });
      expectError(t, await t.client.sendUndocumented({ ...request, body }), 413, 'BAD_REQUEST');
    },
  },
];
