import type { AuthOverride } from '../contract/authOverride';
import { NAMESPACE_HEADER } from '../core/namespace';
import { isJsonMedia, mediaTypeOf } from '../core/validators';
import { forwardedHeaders } from './hopByHop';
import type { IdMap } from './idMap';
import { bodyBytes, type RecordedExchange } from './recordedExchange';
import { placeholderField } from './redact';
import type { Upstream } from './upstream';

// A recorded request made sendable again, to a replay target or the shadow mock: ids the other
// side made put in place of the vendor's, and each credential placeholder filled with the target's
// credential of the same name (a signed scheme signed afresh by the vendor's descriptor).

export interface Resend {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: Buffer;
}

type Creds = Record<string, unknown>;

const PLACEHOLDERS = /\{\{credential\.([A-Za-z0-9_]+)\}\}/g;
/** Set again for each send: the target's framing, not the recording's. */
const REFRAMED = new Set(['host', 'content-length', 'transfer-encoding', NAMESPACE_HEADER]);

/** The secret a key field is signed with, by the descriptors' naming (key/secret, readOnlyKey/readOnlySecret). */
function secretFor(field: string): string {
  return field === 'key' ? 'secret' : field.replace(/Key$/, 'Secret');
}

function fill(text: string, creds: Creds): string {
  return text.replace(PLACEHOLDERS, (whole, field: string) => (typeof creds[field] === 'string' ? (creds[field] as string) : whole));
}

function resendBody(kept: RecordedExchange, ids: IdMap, creds: Creds): Buffer | undefined {
  const body = kept.request.body;
  if (!body) return undefined;
  if (body.encoding === 'base64') return bodyBytes(body);
  const text = fill(body.text, creds);
  if (ids.size === 0 || !isJsonMedia(mediaTypeOf(kept.request.headers['content-type']))) return Buffer.from(text, 'utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    const mapped = ids.json(parsed);
    // Bytes as recorded unless an id had to change.
    return Buffer.from(JSON.stringify(mapped) === JSON.stringify(parsed) ? text : JSON.stringify(mapped), 'utf8');
  } catch {
    return Buffer.from(text, 'utf8');
  }
}

export function resendRequest(up: Upstream, kept: RecordedExchange, creds: Creds, ids: IdMap, namespace?: string): Resend | { skip: string } {
  if (kept.request.body?.truncated) return { skip: `its body (${kept.request.body.size} bytes) was not recorded whole` };
  // A credential sent in the URL (a token query parameter) was recorded as a placeholder too.
  const path = ids.path(fill(kept.request.path, creds));
  const query = ids.query(fill(kept.request.query, creds));
  const body = resendBody(kept, ids, creds);
  const raw = Object.entries(kept.request.headers).flat();
  const headers: Record<string, string> = {};
  const kept_ = forwardedHeaders(raw);
  let credentialField: string | undefined;
  let hasCredential = false;
  for (let i = 0; i < kept_.length; i += 2) {
    const name = kept_[i].toLowerCase();
    if (REFRAMED.has(name)) continue;
    if (up.redactor.credentialHeaders.has(name)) {
      hasCredential = true;
      credentialField ??= placeholderField(kept_[i + 1]);
    }
    headers[name] = fill(kept_[i + 1], creds);
  }
  if (hasCredential) {
    const match = up.router.match(kept.request.method, up.module.rewritePath ? up.module.rewritePath(path) : path);
    if (match.kind === 'found') {
      const value = credentialField === undefined ? undefined : creds[credentialField];
      const chosen = typeof value === 'string' ? value : undefined;
      const secret = credentialField === undefined ? undefined : creds[secretFor(credentialField)];
      const override: AuthOverride = chosen === undefined ? {} : { token: chosen, key: chosen, secret: typeof secret === 'string' ? secret : undefined };
      for (const [name, value_] of Object.entries(up.contract.authHeaders(creds as never, match.operation, match.params, override)))
        headers[name.toLowerCase()] = value_;
    }
  }
  if (body !== undefined) headers['content-length'] = String(body.length);
  if (namespace !== undefined) headers[NAMESPACE_HEADER] = namespace;
  return { method: kept.request.method, path, query, headers, body };
}
