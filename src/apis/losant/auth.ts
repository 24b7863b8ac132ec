import type { AuthContext, AuthResult } from '../../core/module';
import type { SpecOperation } from '../../core/spec';
import { forbidden, unauthorized } from './errors';
import type { LosantState } from './state';

const SECURITY_SCHEME = 'bearerAuth';

export interface Principal {
  scopes: ReadonlySet<string>;
}

/**
 * What an operation asks of a token, read from its security requirement in the spec:
 * null when it needs no token, [] when any known token will do, else the scopes of which one suffices.
 */
type Requirement = null | string[];
const requirements = new WeakMap<SpecOperation, Requirement>();

function requirementOf(operation: SpecOperation): Requirement {
  let requirement = requirements.get(operation);
  if (requirement === undefined) {
    const alternatives = operation.security;
    // `security: []` or an empty alternative `{}` means anonymous calls are allowed.
    if (alternatives.length === 0 || alternatives.some((a) => Object.keys(a).length === 0)) requirement = null;
    else {
      const lists = alternatives.map((a) => a[SECURITY_SCHEME]).filter((list): list is string[] => Array.isArray(list));
      requirement = lists.some((list) => list.length === 0) ? [] : [...new Set(lists.flat())];
    }
    requirements.set(operation, requirement);
  }
  return requirement;
}

function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer +(\S+) *$/i)?.[1];
}

/** 401 for a missing or unknown token, 403 for one holding none of the operation's scopes. */
export function authenticateLosant(ctx: AuthContext<LosantState>): AuthResult<Principal> {
  const requirement = requirementOf(ctx.operation);
  if (requirement === null) return { ok: true };
  const token = bearerToken(ctx.request.headers.authorization);
  const scopes = token === undefined ? undefined : ctx.state.tokens.get(token);
  if (!scopes)
    return { ok: false, response: unauthorized(token === undefined ? 'no Authorization: Bearer <token> header' : 'the token is not one standin holds') };
  if (requirement.length > 0 && !requirement.some((scope) => scopes.has(scope))) return { ok: false, response: forbidden(requirement) };
  return { ok: true, principal: { scopes } };
}
