import type { Reply } from '../../types/helpers';
import type { operations } from '../../types/ignisign';
import { specHandlers } from '../../types/specHandler';
import type { KeyScope } from './apiKey';
import { applicationContext } from './applicationContext';
import { ignisignError } from './errors';
import type { IgnisignStore } from './store';

const handler = specHandlers<operations, IgnisignStore, KeyScope>();

// Authentication (401) and, for the capsule route, the context check (403) already ran in auth.ts.

export const createLogCapsule = handler<'createLogCapsule'>((ctx) => {
  const { appId, appEnv } = ctx.params;
  const outcome = ctx.state.createCapsule(appId, appEnv, ctx.body?.hashSha256_b64, ctx.clock.now());
  if (outcome.ok) {
    const { hashSha256_b64, timestamp_b64 } = outcome.capsule;
    return { status: 201, body: { hashSha256_b64, timestamp_b64 } } satisfies Reply<operations['createLogCapsule'], 201>;
  }
  switch (outcome.reason) {
    case 'appNotFound':
      return ignisignError(ctx.clock, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED', 'This API key is not allowed to act on this application and environment', {
        appId,
        appEnv,
      });
    case 'invalidEnv':
      return ignisignError(ctx.clock, 400, 'PARAMS_VALIDATION_FAILED', `appEnv must be one of DEVELOPMENT, STAGING, PRODUCTION`, { field: 'appEnv' });
    case 'invalidHash':
      return ignisignError(ctx.clock, 400, 'BODY_VALIDATION_FAILED', 'hashSha256_b64 must be a base64-encoded SHA-256 digest (44 characters, 32 bytes)', {
        field: 'hashSha256_b64',
      });
  }
});

export const getApplicationContext = handler<'getApplicationContext'>((ctx) => {
  const { appId } = ctx.params;
  const app = ctx.state.getApp(appId);
  if (!app) return ignisignError(ctx.clock, 404, 'APP_NOT_FOUND', 'Application not found', { appId });
  // A key of any environment of the app may read its context.
  if (ctx.principal.appId !== appId) {
    return ignisignError(ctx.clock, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED', 'This API key is not allowed to act on this application', { appId });
  }
  return { status: 200, body: applicationContext(app, ctx.state) } satisfies Reply<operations['getApplicationContext'], 200>;
});
