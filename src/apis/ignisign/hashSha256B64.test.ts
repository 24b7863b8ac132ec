import { join } from 'node:path';
import fc from 'fast-check';
import { loadSpec } from '../../core/spec';
import { SPECS_DIR } from '../../paths';
import { isHashSha256B64 } from './hashSha256B64';

// The vendor validates hashSha256_b64 with class-validator `@IsString @IsBase64 @Length(44,44)`.
// The oracle restates validator.js isBase64 under its default options for any length (a multiple
// of 4, standard alphabet, '=' only as the final one or two characters), then applies the length.
function vendorAccepts(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 44 || value.length % 4 !== 0) return false;
  const firstPad = value.indexOf('=');
  const data = firstPad === -1 ? value : value.slice(0, firstPad);
  const padding = firstPad === -1 ? '' : value.slice(firstPad);
  return /^[A-Za-z0-9+/]+$/.test(data) && ['', '=', '=='].includes(padding);
}

const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';
const spec = loadSpec(join(SPECS_DIR, 'ignisign.yaml'));
const specPattern = new RegExp((spec.schemas.LogCapsuleRequest as any).properties.hashSha256_b64.pattern, 'u');

describe('isHashSha256B64: what the vendor DTO accepts', () => {
  it.each<[string, string]>([
    ['a SHA-256 digest (32 bytes, one =)', HASH],
    ['32 bytes with non-zero bits before the padding', `${'A'.repeat(42)}B=`],
    ['31 bytes (two =), which @Length(44,44) lets through', Buffer.alloc(31, 9).toString('base64')],
    ['31 bytes with non-zero bits before the padding', `${'A'.repeat(41)}B==`],
    ['33 bytes (no padding)', Buffer.alloc(33, 9).toString('base64')],
  ])('accepts %s', (_name, value) => {
    expect(value).toHaveLength(44);
    expect(isHashSha256B64(value)).toBe(true);
    expect(vendorAccepts(value)).toBe(true);
    expect(specPattern.test(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['43 characters', HASH.slice(0, 43)],
    ['45 characters', `${HASH}=`],
    ['48 characters (34 bytes)', Buffer.alloc(34).toString('base64')],
    ['base64url characters', HASH.replace('+', '-')],
    ['"=" before the last two characters', `${'A'.repeat(41)}=AA`],
    ['"=" then a data character', `${'A'.repeat(42)}=A`],
    ['three "="', `${'A'.repeat(41)}===`],
    ['a space', `${'A'.repeat(43)} `],
    ['a non-ASCII letter', `${'A'.repeat(42)}é=`],
    ['64 hex characters', 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
    ['the empty string', ''],
    ['a number', 12],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(isHashSha256B64(value)).toBe(false);
    expect(vendorAccepts(value)).toBe(false);
    if (typeof value === 'string') expect(specPattern.test(value)).toBe(false);
  });

  it('agrees with the vendor rule and with the spec pattern on generated strings', () => {
    const char = fc.constantFrom(...'AZaz09+/=-_ .é'.split(''), 'Q', 'w');
    const near44 = fc.array(char, { minLength: 40, maxLength: 48 }).map((cs) => cs.join(''));
    const base64ish = fc.tuple(fc.uint8Array({ minLength: 29, maxLength: 35 }), fc.boolean(), fc.nat(44), char).map(([bytes, altered, at, c]) => {
      const text = Buffer.from(bytes).toString('base64');
      return altered ? `${text.slice(0, at)}${c}${text.slice(at + 1)}` : text;
    });
    fc.assert(
      fc.property(fc.oneof(near44, base64ish), (value) => {
        const expected = vendorAccepts(value);
        expect(isHashSha256B64(value)).toBe(expected);
        expect(specPattern.test(value)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('answers a very long string at once (the length is checked first)', () => {
    const long = 'A'.repeat(5_000_000);
    const started = performance.now();
    expect(isHashSha256B64(long)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
