// Credentials out of what the journal shows. Headers that carry a credential by their name keep only
// their scheme word (`ALTR ***`, `Bearer ***`); every credential value the vendors' fixtures hold
// (and its base64) is starred out wherever else it appears: other headers, the URL, bodies. The lists
// are made once at start-up; masking runs only when an entry is read.

const MASK = '***';

/** Header names whose whole value is a credential, in any API. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token', 'x-altr-signature']);

/** Shorter values would star out ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** `Bearer abc` -> `Bearer ***`; a value with no scheme word (Droplit's raw token) -> `***`. */
export function maskCredential(value: string): string {
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${MASK}` : MASK;
}

export class SecretMask {
  private readonly values: string[];
  private readonly needles: Buffer[];

  constructor(secrets: readonly string[]) {
    const forms = new Set<string>();
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      const base64 = Buffer.from(secret).toString('base64');
      for (const form of [secret, base64, base64.replace(/=+$/, ''), encodeURIComponent(secret)]) forms.add(form);
    }
    // Longest first, so a secret inside a longer one is not starred out half.
    this.values = [...forms].sort((a, b) => b.length - a.length);
    this.needles = this.values.map((v) => Buffer.from(v));
  }

  text(text: string): string {
    let out = text;
    for (const value of this.values) if (out.includes(value)) out = out.split(value).join(MASK);
    return out;
  }

  /** The bytes with every secret starred out (same length, so a binary preview keeps its layout); a copy only when one was found. */
  bytes(bytes: Buffer): Buffer {
    let out = bytes;
    for (const needle of this.needles) {
      let at = out.indexOf(needle);
      while (at !== -1) {
        if (out === bytes) out = Buffer.from(bytes);
        out.fill(0x2a, at, at + needle.length);
        at = out.indexOf(needle, at + needle.length);
      }
    }
    return out;
  }

  /** A JSON value (a state dump) with every secret starred out of its strings and keys. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.text(k)] = this.json(v);
      return out;
    }
    return value;
  }

  headers(headers: Record<string, string | number | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name in headers) {
      const raw = headers[name];
      if (raw === undefined) continue;
      const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
      out[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? maskCredential(value) : this.text(value);
    }
    return out;
  }
}
