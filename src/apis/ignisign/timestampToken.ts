import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { tsaKeyFixture } from './fixtures';
import { isHashSha256B64 } from './hashSha256B64';

// standin's log-capsule timestamp token. The real Ignisign token is undocumented (probably RFC 3161),
// so the mock issues a small signed JSON token instead, which a user can verify with jq + openssl
// (README) or `standin verify-capsule`, to exercise their own proof-checking code.
//
// timestamp_b64 = base64(UTF-8 JSON of {v, alg, kid, hashAlg, hashSha256_b64, genTime, serial, sig})
// sig           = base64(Ed25519(canonical bytes))
// canonical     = the token without `sig`, keys sorted, no whitespace (RFC 8785 for these
//                 ASCII strings and one small integer; `jq -cjS 'del(.sig)'` prints the same bytes).

const TOKEN_VERSION = 1;
const TOKEN_ALG = 'Ed25519';
const TOKEN_HASH_ALG = 'SHA-256';

export interface TimestampToken {
  v: number;
  alg: string;
  kid: string;
  hashAlg: string;
  hashSha256_b64: string;
  genTime: string;
  serial: string;
  sig: string;
}

export type UnsignedToken = Omit<TimestampToken, 'sig'>;

export interface TsaSigner {
  kid: string;
  privateKey: KeyObject;
}

export type VerifyFailure =
  'notBase64' | 'notJson' | 'malformed' | 'unsupportedVersion' | 'unsupportedAlgorithm' | 'unknownKey' | 'badPublicKey' | 'badSignature' | 'hashMismatch';

export interface VerifyResult {
  valid: boolean;
  reason?: VerifyFailure;
  /** A sentence for humans (CLI output). */
  detail?: string;
  /** The decoded token, whenever it could be decoded, valid or not. */
  token?: TimestampToken;
}

const FIELDS: Record<keyof TimestampToken, 'string' | 'number'> = {
  v: 'number',
  alg: 'string',
  kid: 'string',
  hashAlg: 'string',
  hashSha256_b64: 'string',
  genTime: 'string',
  serial: 'string',
  sig: 'string',
};
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

let demoSigner: TsaSigner | undefined;
let demoPublic: { kid: string; publicKey: KeyObject } | undefined;

export function demoTsaSigner(): TsaSigner {
  const fixture = tsaKeyFixture();
  demoSigner ??= { kid: fixture.kid, privateKey: createPrivateKey(fixture.privateKeyPem) };
  return demoSigner;
}

function demoTsaPublic(): { kid: string; publicKey: KeyObject } {
  const fixture = tsaKeyFixture();
  demoPublic ??= { kid: fixture.kid, publicKey: createPublicKey(fixture.publicKeyPem) };
  return demoPublic;
}

/** The bytes the signature covers. */
export function canonicalTokenBytes(fields: UnsignedToken): Buffer {
  const record = fields as unknown as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => k !== 'sig')
    .sort();
  return Buffer.from(`{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(record[k])}`).join(',')}}`, 'utf8');
}

export function createTimestampToken(
  input: { hashSha256_b64: string; genTime: Date | string; serial: string },
  signer: TsaSigner = demoTsaSigner(),
): { token_b64: string; token: TimestampToken } {
  const unsigned: UnsignedToken = {
    v: TOKEN_VERSION,
    alg: TOKEN_ALG,
    kid: signer.kid,
    hashAlg: TOKEN_HASH_ALG,
    hashSha256_b64: input.hashSha256_b64,
    genTime: new Date(input.genTime).toISOString(),
    serial: input.serial,
  };
  const token: TimestampToken = { ...unsigned, sig: sign(null, canonicalTokenBytes(unsigned), signer.privateKey).toString('base64') };
  return { token_b64: Buffer.from(JSON.stringify(token), 'utf8').toString('base64'), token };
}

function fail(reason: VerifyFailure, detail: string, token?: TimestampToken): VerifyResult {
  return { valid: false, reason, detail, token };
}

function decode(token_b64: string): { ok: true; token: TimestampToken } | { ok: false; result: VerifyResult } {
  const text = token_b64.trim();
  if (!text || !BASE64.test(text)) return { ok: false, result: fail('notBase64', 'the token is not standard base64') };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    return { ok: false, result: fail('notJson', 'the token does not decode to JSON (not a standin token?)') };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, result: fail('malformed', 'the token is not a JSON object') };
  const record = parsed as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in FIELDS)) return { ok: false, result: fail('malformed', `unexpected field '${key}'`) };
  }
  for (const [key, type] of Object.entries(FIELDS)) {
    if (typeof record[key] !== type) return { ok: false, result: fail('malformed', `field '${key}' must be a ${type}`) };
  }
  return { ok: true, token: record as unknown as TimestampToken };
}

function sameDigest(a: string, b: string): boolean {
  return BASE64.test(a) && BASE64.test(b) && Buffer.from(a, 'base64').equals(Buffer.from(b, 'base64'));
}

/**
 * Checks a timestamp_b64 from the mock: structure, signature (the demo TSA key unless
 * `publicKeyPem` is given) and, when `hashSha256_b64` is given, that the token covers that hash.
 */
export function verifyTimestampToken(token_b64: string, opts: { hashSha256_b64?: string; publicKeyPem?: string } = {}): VerifyResult {
  const decoded = decode(token_b64);
  if (!decoded.ok) return decoded.result;
  const { token } = decoded;
  if (token.v !== TOKEN_VERSION) return fail('unsupportedVersion', `token version ${token.v} is not ${TOKEN_VERSION}`, token);
  if (token.alg !== TOKEN_ALG || token.hashAlg !== TOKEN_HASH_ALG) {
    return fail('unsupportedAlgorithm', `expected alg ${TOKEN_ALG} and hashAlg ${TOKEN_HASH_ALG}`, token);
  }
  // The mock signs the hash exactly as the client sent it, so a token carries whatever the vendor's
  // validator accepts (44 base64 characters), not only a 32-byte digest.
  if (!isHashSha256B64(token.hashSha256_b64)) {
    return fail('malformed', 'hashSha256_b64 is not 44 characters of standard base64', token);
  }
  if (Number.isNaN(Date.parse(token.genTime)) || new Date(token.genTime).toISOString() !== token.genTime) {
    return fail('malformed', 'genTime is not an ISO 8601 UTC instant', token);
  }
  let publicKey: KeyObject;
  if (opts.publicKeyPem !== undefined) {
    try {
      publicKey = createPublicKey(opts.publicKeyPem);
    } catch (e) {
      return fail('badPublicKey', `the public key does not parse: ${(e as Error).message}`, token);
    }
  } else {
    const demo = demoTsaPublic();
    if (token.kid !== demo.kid) return fail('unknownKey', `kid '${token.kid}' is not the demo TSA key '${demo.kid}'; pass its public key`, token);
    publicKey = demo.publicKey;
  }
  const signature = BASE64.test(token.sig) ? Buffer.from(token.sig, 'base64') : Buffer.alloc(0);
  let signed = false;
  try {
    signed = signature.length === 64 && verify(null, canonicalTokenBytes(token), publicKey, signature);
  } catch (e) {
    return fail('badPublicKey', `the public key cannot verify ${TOKEN_ALG}: ${(e as Error).message}`, token);
  }
  if (!signed) return fail('badSignature', 'the signature does not match the token fields (tampered, or another key)', token);
  if (opts.hashSha256_b64 !== undefined && !sameDigest(opts.hashSha256_b64.trim(), token.hashSha256_b64)) {
    return fail('hashMismatch', `the token covers ${token.hashSha256_b64}, not ${opts.hashSha256_b64}`, token);
  }
  return { valid: true, token };
}
