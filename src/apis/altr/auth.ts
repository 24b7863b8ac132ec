import { type AuthContext, type AuthResult, refusedBecause } from '../../core/module';
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
  // The journal's reason says which step failed, never the key's secret or the signature sent.
  const fail = (message: string, rule = 'rule-altr-401', why = message) => ({ ok: false as const, response: refusedBecause(unauthorized(message), rule, why) });
  const { headers, method } = ctx.request;

  const authorization = headers.authorization;
  if (!authorization) return fail(MESSAGES.missingHeader, 'rule-altr-401', 'altr.header: no Authorization header');
  const match = HEADER.exec(authorization.trim());
  if (!match) return fail(MESSAGES.malformedHeader, 'rule-altr-401', "altr.header: Authorization is not 'ALTR <apiKey>:<base64 signature>'");
  const date = headers['x-altr-date'];
  if (date === undefined || date === '') return fail(MESSAGES.missingDate, 'rule-altr-401', 'altr.date: no X-ALTR-DATE header');
  const apiKey = ctx.state.store.findKey(match[1]);
  if (!apiKey) return fail(MESSAGES.unknownKey, 'rule-altr-401', 'altr.key: the API key is not one standin holds');

  const stringToSign = altrStringToSign(method, resourceOf(method, ctx.params), date);
  if (!signatureMatches(apiKey.secret, stringToSign, match[2])) {
    // The string to sign holds no secret; showing it is what makes a signing bug quick to find.
    const shown = JSON.stringify(stringToSign);
    return fail(
      `The request signature does not match. The string to sign is ${shown}.`,
      'rule-altr-signature',
      `altr.signature: the signature does not match the string to sign ${shown}`,
    );
  }
  const dateMs = parseAltrDate(date);
  if (dateMs === undefined)
    return fail(MESSAGES.unparseableDate, 'rule-altr-date-formats', `altr.date: X-ALTR-DATE ${JSON.stringify(date)} is in no supported format`);
  const now = ctx.clock.now();
  if (Math.abs(now.getTime() - dateMs) > MAX_SKEW_MS) {
    return fail(
      MESSAGES.skew,
      'rule-altr-skew',
      `altr.skew: X-ALTR-DATE ${JSON.stringify(date)} is more than 15 minutes from the clock (${now.toISOString()})`,
    );
  }

  const granted = new Set<string>(apiKey.permissions);
  if (!roleSets.some((roles) => roles.every((role) => granted.has(role)))) {
    const missing = roleSets[0]?.find((role) => !granted.has(role)) ?? 'the required';
    return { ok: false, response: refusedBecause(forbidden(missing), 'rule-altr-403', `altr.permission: the key lacks the '${missing}' permission`) };
  }
  return { ok: true, principal: { key: apiKey.key, organizationId: apiKey.organizationId, permissions: [...apiKey.permissions] } };
}
