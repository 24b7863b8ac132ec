import { type AuthContext, type AuthResult, refusedBecause } from '../../core/module';
import type { SpecOperation } from '../../core/spec';
import { droplitError, MESSAGES } from './errors';
import type { DroplitStore, TokenType } from './store';

// `authorization: <token>` as the vendor's examples send it; `Bearer <token>` is tolerated. The token
// types an operation accepts are read from its security requirement in the spec, so the spec is the
// only place that says "create needs an account token".

const SCHEME = 'droplitToken';
const BEARER = /^bearer\s+/i;

export interface DroplitPrincipal {
  type: TokenType;
}

function allowedTypes(operation: SpecOperation): Set<string> | undefined {
  const requirements = operation.security.filter((r) => SCHEME in r);
  if (requirements.length === 0) return undefined;
  return new Set(requirements.flatMap((r) => r[SCHEME]));
}

function forbiddenMessage(allowed: Set<string>): string {
  if (allowed.size !== 1) return MESSAGES.tokenTypeForbidden;
  const [type] = allowed;
  return `${/^[aeiou]/.test(type) ? 'An' : 'A'} ${type} token is required`;
}

export function authenticate(ctx: AuthContext<DroplitStore>): AuthResult<DroplitPrincipal> {
  const allowed = allowedTypes(ctx.operation);
  if (!allowed) return { ok: true };
  const token = ctx.request.headers.authorization?.trim().replace(BEARER, '');
  const type = token ? ctx.state.tokenType(token) : undefined;
  if (!type) {
    const response = droplitError(401, 'Unauthorized', [{ in: 'header', path: 'authorization', message: MESSAGES.unauthorized }]);
    return {
      ok: false,
      response: refusedBecause(
        response,
        'rule-droplit-auth',
        token ? 'droplit.token: the token is not one standin holds' : 'droplit.token: no authorization header',
      ),
    };
  }
  if (!allowed.has(type)) {
    const response = droplitError(403, 'Forbidden', [{ in: 'header', path: 'authorization', message: forbiddenMessage(allowed) }]);
    const why = `droplit.token-type: a ${type} token; ${ctx.operation.operationId} takes ${[...allowed].join(', ')}`;
    return { ok: false, response: refusedBecause(response, 'rule-droplit-token-types', why) };
  }
  return { ok: true, principal: { type } };
}
