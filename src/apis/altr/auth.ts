import type { AuthContext, AuthResult } from '../../core/module';
import type { SpecOperation } from '../../core/spec';
import { parseAltrDate } from './altrDate';
import { forbidden, unauthorized } from './errors';
import { altrStringToSign, signatureMatches } from './signature';
import type { AltrStore, Permission } from './store';

// ALTR's HMAC scheme. Every failure to prove who is calling is 401 `unauthorized` (one message per
// cause, so a user can tell a wrong secret from a stale date); a caller who is known but lacks the
// role the spec's security requirement lists gets 403 `forbidden`.

const SCHEME = 'altrSignature';
const MAX_SKEW_MS = 15 * 60 * 1000;
const HEADER = /^ALTR ([^\s:]+):([A-Za-z0-9+/]+={0,2})$/;

export interface AltrPrincipal {
  key: string;
  organizationId: string;
  permissions: Permission[];
}

export interface AltrState {
  store: AltrStore;
}

export const MESSAGES = {
  missingHeader: 'API key must be included in header.',
  malformedHeader: "Authorization header must be 'ALTR <apiKey>:<base64 signature>'.",
  missingDate: 'X-ALTR-DATE header is missing.',
  unknownKey: 'The API key could not be authenticated.',
  unparseableDate: 'X-ALTR-DATE is not a supported date (ISO 8601, RFC 1123, JS Date.toString(), or MM-DD-YYYY HH:mm:ss UTC).',
  skew: 'Request date is more than 15 minutes from the server clock.',
} as const;

/** The signed RESOURCE: empty for POST, the reference token (decoded path segment) for the GETs. */
function resourceOf(method: string, params: Record<string, string>): string {
  return method === 'POST' ? '' : (params.referenceToken ?? '');
}

/**
 * The role sets that satisfy the operation (any one of them, all roles within it), read from its
 * security requirement; undefined when the operation needs no authentication.
 */
function acceptedRoleSets(operation: SpecOperation): string[][] | undefined {
  if (operation.security.length === 0 || operation.security.some((req) => Object.keys(req).length === 0)) return undefined;
  return operation.security.filter((req) => SCHEME in req).map((req) => req[SCHEME]);
}

export function authenticateAltr(ctx: AuthContext<AltrState>): AuthResult<AltrPrincipal> {
  const roleSets = acceptedRoleSets(ctx.operation);
  if (!roleSets) return { ok: true };
  const fail = (message: string) => ({ ok: false as const, response: unauthorized(message) });
  const { headers, method } = ctx.request;

  const authorization = headers.authorization;
  if (!authorization) return fail(MESSAGES.missingHeader);
  const match = HEADER.exec(authorization.trim());
  if (!match) return fail(MESSAGES.malformedHeader);
  const date = headers['x-altr-date'];
  if (date === undefined || date === '') return fail(MESSAGES.missingDate);
  const apiKey = ctx.state.store.findKey(match[1]);
  if (!apiKey) return fail(MESSAGES.unknownKey);

  const stringToSign = altrStringToSign(method, resourceOf(method, ctx.params), date);
  if (!signatureMatches(apiKey.secret, stringToSign, match[2])) {
    // The string to sign holds no secret; showing it is what makes a signing bug quick to find.
    return fail(`The request signature does not match. The string to sign is ${JSON.stringify(stringToSign)}.`);
  }
  const dateMs = parseAltrDate(date);
  if (dateMs === undefined) return fail(MESSAGES.unparseableDate);
  if (Math.abs(ctx.clock.now().getTime() - dateMs) > MAX_SKEW_MS) return fail(MESSAGES.skew);

  const granted = new Set<string>(apiKey.permissions);
  if (!roleSets.some((roles) => roles.every((role) => granted.has(role)))) {
    const missing = roleSets[0]?.find((role) => !granted.has(role)) ?? 'the required';
    return { ok: false, response: forbidden(missing) };
  }
  return { ok: true, principal: { key: apiKey.key, organizationId: apiKey.organizationId, permissions: [...apiKey.permissions] } };
}
