import { createHmac } from 'node:crypto';
import type { SpecOperation } from '../../src/core/spec';
import type { ApiName } from '../../src/core/types';
import type { AltrCredentials, CredentialsByApi } from './credentials';

// Signs a request the way each vendor's clients do. `override` lets a scenario use other
// credentials (a read-only key, a token without the scope) or a deliberately wrong value.

export interface AuthOverride {
  token?: string; // bearer / raw token
  key?: string; // ALTR key
  secret?: string; // ALTR secret
  date?: string; // ALTR X-ALTR-DATE
}

export function altrSignature(secret: string, method: string, resource: string, date: string): string {
  return createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
}

function altrHeaders(creds: AltrCredentials, op: SpecOperation, params: Record<string, string>, o: AuthOverride): Record<string, string> {
  const date = o.date ?? new Date().toISOString();
  const resource = op.method === 'POST' ? '' : params.referenceToken ?? '';
  const key = o.key ?? creds.key;
  const secret = o.secret ?? creds.secret;
  return { authorization: `ALTR ${key}:${altrSignature(secret, op.method, resource, date)}`, 'x-altr-date': date };
}

export function authHeaders<A extends ApiName>(api: A, creds: CredentialsByApi[A], op: SpecOperation, params: Record<string, string>, override: AuthOverride = {}): Record<string, string> {
  switch (api) {
    case 'ignisign':
      return { authorization: `Bearer ${override.token ?? (creds as CredentialsByApi['ignisign']).apiKey}` };
    case 'altr':
      return altrHeaders(creds as AltrCredentials, op, params, override);
    case 'losant':
      return { authorization: `Bearer ${override.token ?? (creds as CredentialsByApi['losant']).token}` };
    case 'droplit':
      return { authorization: override.token ?? (creds as CredentialsByApi['droplit']).accountToken };
    default:
      return {};
  }
}
