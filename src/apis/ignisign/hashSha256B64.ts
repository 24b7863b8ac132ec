// What the vendor's DTO accepts for hashSha256_b64: `@IsString @IsBase64 @Length(44,44)`.
// class-validator's IsBase64 passes no options to validator.js isBase64, whose default (padding
// required, standard alphabet) means: length a multiple of 4, only A-Z a-z 0-9 + /, and '=' only
// as the last one or two characters. At length 44 that is 44 alphabet characters (33 bytes), 43
// and '=' (32 bytes, a SHA-256 digest) or 42 and '==' (31 bytes); the low bits before the padding
// may be anything. Every validator.js 13.x release class-validator 0.14 allows agrees at this length.
// The spec's LogCapsuleRequest pattern states the same rule; a test holds the two together.

const HASH_B64_LENGTH = 44;

const ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;
const PAD = '='.charCodeAt(0);

function inAlphabet(code: number): boolean {
  return code < 128 && ALPHABET[code] === 1;
}

/** The vendor's rule, checked in one pass over at most 44 characters. */
export function isHashSha256B64(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== HASH_B64_LENGTH) return false;
  for (let i = 0; i < HASH_B64_LENGTH - 2; i++) if (!inAlphabet(value.charCodeAt(i))) return false;
  const a = value.charCodeAt(HASH_B64_LENGTH - 2);
  const b = value.charCodeAt(HASH_B64_LENGTH - 1);
  if (inAlphabet(a)) return inAlphabet(b) || b === PAD;
  return a === PAD && b === PAD;
}
