import type { AuthContext, AuthResult } from '../../core/module';
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
    return { ok: false, response: droplitError(401, 'Unauthorized', [{ in: 'header', path: 'authorization', message: MESSAGES.unauthorized }]) };
  }
  if (!allowed.has(type)) {
    return { ok: false, response: droplitError(403, 'Forbidden', [{ in: 'header', path: 'authorization', message: forbiddenMessage(allowed) }]) };
  }
  return { ok: true, principal: { type } };
}
