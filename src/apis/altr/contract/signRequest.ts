import { createHmac } from 'node:crypto';
import type { AuthOverride } from '../../../contract/authOverride';
import type { SpecOperation } from '../../../core/spec';
import type { AltrCredentials } from './credentials';

// Signs a request the way ALTR's clients do; `override` bends one part (key, secret or date).

export function altrSignature(secret: string, method: string, resource: string, date: string): string {
  return createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
}

export function altrAuthHeaders(creds: AltrCredentials, op: SpecOperation, params: Record<string, string>, o: AuthOverride): Record<string, string> {
  const date = o.date ?? new Date().toISOString();
  const resource = op.method === 'POST' ? '' : (params.referenceToken ?? '');
  const key = o.key ?? creds.key;
  const secret = o.secret ?? creds.secret;
  return { authorization: `ALTR ${key}:${altrSignature(secret, op.method, resource, date)}`, 'x-altr-date': date };
}

/** Keeps the key, which says which one was used, and hides the signature. */
export function maskAltrAuthorization(value: string): string | undefined {
  const altr = /^(ALTR \S+?):(.+)$/.exec(value);
  return altr ? `${altr[1]}:****` : undefined;
}
