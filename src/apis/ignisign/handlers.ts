import { refusedBecause } from '../../core/module';
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
      return refusedBecause(
        ignisignError(ctx.clock, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED', 'This API key is not allowed to act on this application and environment', {
          appId,
          appEnv,
        }),
        'rule-ignisign-context-403',
        `ignisign.context: standin holds no application ${appId} in ${appEnv}`,
      );
    case 'invalidEnv':
      return refusedBecause(
        ignisignError(ctx.clock, 400, 'PARAMS_VALIDATION_FAILED', `appEnv must be one of DEVELOPMENT, STAGING, PRODUCTION`, { field: 'appEnv' }),
        'rule-ignisign-path',
        `ignisign.path: appEnv ${JSON.stringify(appEnv)} is not DEVELOPMENT, STAGING or PRODUCTION`,
      );
    case 'invalidHash':
      return refusedBecause(
        ignisignError(ctx.clock, 400, 'BODY_VALIDATION_FAILED', 'hashSha256_b64 must be a base64-encoded SHA-256 digest (44 characters, 32 bytes)', {
          field: 'hashSha256_b64',
        }),
        'rule-ignisign-hash',
        'ignisign.hash: hashSha256_b64 is not 44 characters of base64 (@IsBase64 @Length(44,44))',
      );
  }
});

export const getApplicationContext = handler<'getApplicationContext'>((ctx) => {
  const { appId } = ctx.params;
  const app = ctx.state.getApp(appId);
  if (!app) {
    return refusedBecause(
      ignisignError(ctx.clock, 404, 'APP_NOT_FOUND', 'Application not found', { appId }),
      'rule-ignisign-app-context',
      `ignisign.app: no application ${appId}`,
    );
  }
  // A key of any environment of the app may read its context.
  if (ctx.principal.appId !== appId) {
    return refusedBecause(
      ignisignError(ctx.clock, 403, 'INVALID_CONTEXT_RIGHT_NOT_ALLOWED', 'This API key is not allowed to act on this application', { appId }),
      'rule-ignisign-app-context',
      `ignisign.context: the key is for ${ctx.principal.appId}, the path names ${appId}`,
    );
  }
  return { status: 200, body: applicationContext(app, ctx.state) } satisfies Reply<operations['getApplicationContext'], 200>;
});
