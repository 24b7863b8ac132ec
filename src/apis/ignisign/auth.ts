import { type AuthContext, type AuthResult, refusedBecause } from '../../core/module';
import type { SpecOperation } from '../../core/spec';
import { type KeyScope, isAppEnv } from './apiKey';
import { type IgnisignErrorCode, ignisignError } from './errors';
import type { IgnisignStore } from './store';

// Runs before the engine validates the path, yet the spec answers a malformed path (400) before a
// context mismatch (403). So the 403 is decided here only when the path would pass validation;
// otherwise the engine's PARAMS_VALIDATION_FAILED answers.

const appIdPatterns = new WeakMap<SpecOperation, RegExp | null>();

/** The appId pattern as the spec declares it, so the rule has one source. */
function appIdPattern(operation: SpecOperation): RegExp | null {
  let pattern = appIdPatterns.get(operation);
  if (pattern === undefined) {
    const schema = operation.parameters.find((p) => p.in === 'path' && p.name === 'appId')?.schema as { pattern?: string } | undefined;
    pattern = schema?.pattern ? new RegExp(schema.pattern, 'u') : null;
    appIdPatterns.set(operation, pattern);
  }
  return pattern;
}

function pathIsValid(ctx: AuthContext<IgnisignStore>): boolean {
  const pattern = appIdPattern(ctx.operation);
  return isAppEnv(ctx.params.appEnv) && (pattern === null || pattern.test(ctx.params.appId ?? ''));
}

/** A 401 with the step that failed (the key itself is never named). */
function unauthorized(ctx: AuthContext<IgnisignStore>, code: IgnisignErrorCode, message: string, why: string): AuthResult<KeyScope> {
  return { ok: false, response: refusedBecause(ignisignError(ctx.clock, 401, code, message), 'rule-ignisign-auth', `ignisign.auth: ${why}`) };
}

export function authenticateIgnisign(ctx: AuthContext<IgnisignStore>): AuthResult<KeyScope> {
  const { clock } = ctx;
  const header = ctx.request.headers.authorization?.trim();
  if (!header) return unauthorized(ctx, 'AUTH_HEADER_NOT_FOUND', 'Authorization header not found', 'no Authorization header');
  const [scheme, ...rest] = header.split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') {
    return unauthorized(ctx, 'AUTH_HEADER_NOT_BEARER', 'Authorization header must use the Bearer scheme', 'Authorization does not use the Bearer scheme');
  }
  const key = rest.join(' ');
  if (!key) return unauthorized(ctx, 'AUTH_HEADER_NO_TOKEN', 'Authorization header holds no token', 'Authorization: Bearer holds no key');
  const scope = ctx.state.findKey(key);
  if (!scope) return unauthorized(ctx, 'INVALID_TOKEN', 'Invalid API key', 'the bearer key is not one of the demo keys standin holds');

  // Only routes scoped to an environment are checked here; the context route checks its app itself.
  if (ctx.params.appEnv !== undefined && pathIsValid(ctx)) {
    const { appId, appEnv } = ctx.params;
    if (scope.appId !== appId || scope.appEnv !== appEnv) {
      const response = ignisignError(
        clock,
        403,
        'INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
        'This API key is not allowed to act on this application and environment',
        {
          appId,
          appEnv,
        },
      );
      const why = `ignisign.context: the key is for ${scope.appId} ${scope.appEnv}, the path names ${appId} ${appEnv}`;
      return { ok: false, response: refusedBecause(response, 'rule-ignisign-context-403', why) };
    }
  }
  return { ok: true, principal: scope };
}
