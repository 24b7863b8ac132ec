import type { ContractDescriptor, LiveValues } from '../contract/descriptor';
import type { Spec } from '../core/spec';

// Credentials out of everything the proxy keeps (journal, recordings, drift): each known credential
// value becomes a placeholder naming its field ({{credential.token}}), so a replay can put the
// target's own credential of the same kind back; a credential nobody named becomes
// {{credential.unknown}}, keeping only the scheme word.

const UNKNOWN_CREDENTIAL = 'unknown';
const PLACEHOLDER = /\{\{credential\.([A-Za-z0-9_]+)\}\}/;

const placeholder = (field: string) => `{{credential.${field}}}`;

/** The credential field a redacted value names, if any. */
export function placeholderField(value: string): string | undefined {
  return PLACEHOLDER.exec(value)?.[1];
}

const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token'];
/** Descriptor fields that hold credentials by their name (token, readToken, key, readOnlySecret, apiKey...). */
const CREDENTIAL_FIELD = /(token|key|secret|password)$/i;
/** Shorter values would match ordinary text. */
const MIN_SECRET_LENGTH = 6;

interface Known {
  field: string;
  value: string;
}

function stringFields(values: object | undefined): [string, string][] {
  return Object.entries(values ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length >= MIN_SECRET_LENGTH);
}

export class Redactor {
  /** Header names whose whole value is a credential. */
  readonly credentialHeaders: Set<string>;
  private readonly known: Known[];

  constructor(
    private readonly contract: ContractDescriptor,
    spec: Spec,
    live?: LiveValues,
  ) {
    const op = spec.operations[0];
    const demoHeaders = op ? contract.authHeaders(contract.demoCredentials, op, {}, {}) : {};
    this.credentialHeaders = new Set([...ALWAYS_SECRET, ...Object.keys(demoHeaders).filter((h) => !contract.signedHeaders.includes(h))]);
    const sent = Object.values(demoHeaders).join('\n');
    const isCredential = ([field, value]: [string, string]) => CREDENTIAL_FIELD.test(field) || sent.includes(value);
    // The live config's first: a live value that equals a demo one is named by the live field.
    const all = [...stringFields(live).filter(isCredential), ...stringFields(contract.demoCredentials).filter(isCredential)];
    this.known = all.map(([field, value]) => ({ field, value })).sort((a, b) => b.value.length - a.value.length);
  }

  /** Known credential values replaced by their placeholders, wherever they occur in `text`. */
  text(text: string): { text: string; field?: string } {
    let out = text;
    let field: string | undefined;
    for (const k of this.known) {
      if (!out.includes(k.value)) continue;
      out = out.split(k.value).join(placeholder(k.field));
      field ??= k.field;
    }
    return { text: out, field };
  }

  /** One header's value as kept. */
  header(name: string, value: string): string {
    const { text, field } = this.text(value);
    if (!this.credentialHeaders.has(name)) return text;
    // The vendor's own masking hides what a signature scheme adds (ALTR's HMAC after the key).
    const masked = this.contract.maskCredential?.(text);
    if (field !== undefined) return masked ?? text;
    const scheme = /^([A-Za-z][\w-]*\s+)\S/.exec(value)?.[1] ?? '';
    return `${scheme}${placeholder(UNKNOWN_CREDENTIAL)}`;
  }

  headers(headers: Record<string, string | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined) out[name] = this.header(name, value);
    }
    return out;
  }
}
