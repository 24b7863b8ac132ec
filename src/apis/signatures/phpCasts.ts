import type { PhpArray, PhpValue } from './phpJson';

// PHP 7.4's (string), (int) and (bool) casts on 64-bit, which ncanode applies to its parameters.
// (string) of a float uses the `precision` ini setting (14 significant digits, %G style, halves to
// even); (int) of a numeric string reads its leading number and saturates, (int) of a float
// wraps modulo 2^64. Results are JS numbers: beyond 2^53 they lose precision, which cannot matter
// here (they are compared with small versions or used as a page size).

export type PhpScalar = Exclude<PhpValue, PhpArray>;

export const isPhpArray = (value: PhpValue | undefined): value is PhpArray => value instanceof Map;

const PRECISION = 14;
const TWO_63 = 2 ** 63;
const LONG_MIN_DIGITS = '9223372036854775808';
// The numeric prefix PHP's is_numeric_string accepts, after leading whitespace; linear, no ambiguity.
const NUMERIC_PREFIX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const LEADING_SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);

/**
 * `x` (positive, finite) rounded to PRECISION significant digits as zend_dtoa mode 2 does, trailing
 * zeros dropped: the digits of 0.DIGITS x 10^decpt. JS rounds a half up where zend_dtoa rounds it to
 * even; they differ only on an exact half, which needs a short exact expansion: x = m * 2^e with m
 * odd has at least 0.69|e| significant digits for e < 0, and a 15-digit multiple of 10^q with q > 2
 * is no double (5^q must divide m < 2^53), so outside |e| <= 64 no half is possible and JS's
 * correctly rounded digits are zend_dtoa's. Inside, the exact digits come from BigInts of at most
 * about 60 digits: bounded work whatever the value.
 */
function roundedDigits(x: number): { digits: string; decpt: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased) mantissa |= 1n << 52n;
  let e2 = (biased || 1) - 1075;
  while (!(mantissa & 1n)) {
    mantissa >>= 1n;
    e2++;
  }
  if (e2 < -64 || e2 > 64) {
    const [digits, exponent] = x.toExponential(PRECISION - 1).split('e');
    return { digits: digits.replace('.', '').replace(/0+$/, ''), decpt: Number(exponent) + 1 };
  }
  const exact = e2 >= 0 ? (mantissa << BigInt(e2)).toString() : (mantissa * 5n ** BigInt(-e2)).toString();
  let decpt = exact.length + Math.min(e2, 0); // exact x 10^min(e2, 0) is x
  let digits = exact.replace(/0+$/, '');
  if (digits.length > PRECISION) {
    const next = digits[PRECISION];
    const beyond = digits.length > PRECISION + 1;
    let head = digits.slice(0, PRECISION);
    if (next > '5' || (next === '5' && (beyond || Number(head[PRECISION - 1]) % 2 === 1))) {
      head = (BigInt(head) + 1n).toString();
      if (head.length > PRECISION) {
        head = head.slice(0, PRECISION);
        decpt++;
      }
    }
    digits = head.replace(/0+$/, '');
  }
  return { digits, decpt };
}

/** (string) of a float: php_gcvt at precision 14 ("1.5", "1.0E+25", "1.0E-5", "-0", "INF"). */
export function phpFloatString(x: number): string {
  if (Number.isNaN(x)) return 'NAN';
  if (!Number.isFinite(x)) return x > 0 ? 'INF' : '-INF';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const { digits, decpt } = roundedDigits(Math.abs(x));
  if (decpt < 0 ? decpt < -3 : decpt > PRECISION) {
    const exponent = decpt - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  const fraction = digits.slice(decpt);
  return `${sign}${digits.slice(0, decpt).padEnd(decpt, '0')}${fraction ? `.${fraction}` : ''}`;
}

/** (string) of a scalar: true "1", false and null "", ints in decimal, floats as phpFloatString. */
export function phpString(value: PhpScalar): string {
  if (value === null || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'number') return phpFloatString(value);
  return String(value);
}

/** zend_dval_to_lval_cap: a float read from a string saturates; NaN and infinities are 0. */
function capped(d: number): number {
  if (!Number.isFinite(d)) return 0;
  if (d >= TWO_63) return Number(2n ** 63n - 1n);
  if (d < -TWO_63) return -TWO_63;
  return Math.trunc(d) || 0;
}

/** zend_dval_to_lval: a float out of range wraps modulo 2^64; NaN and infinities are 0. */
function wrapped(d: number): number {
  if (!Number.isFinite(d)) return 0;
  if (d >= -TWO_63 && d < TWO_63) return Math.trunc(d) || 0;
  const modulus = 2n ** 64n;
  const r = ((BigInt(d) % modulus) + modulus) % modulus;
  return Number(r >= 2n ** 63n ? r - modulus : r);
}

/** (int) of a string: its leading number after whitespace ("12abc" 12, " 3.9" 3, "1e3" 1000, "0x1A" and "abc" 0). */
function stringToInt(s: string): number {
  let i = 0;
  while (i < s.length && LEADING_SPACE.has(s[i])) i++;
  const match = NUMERIC_PREFIX.exec(i ? s.slice(i) : s);
  if (!match) return 0;
  const text = match[0];
  if (/[.eE]/.test(text)) return capped(Number(text));
  const negative = text[0] === '-';
  const digits = text.replace(/^[+-]?0*/, '');
  const overflows = digits.length > 19 || (digits.length === 19 && (digits > LONG_MIN_DIGITS || (digits === LONG_MIN_DIGITS && !negative)));
  return overflows ? capped(Number(text)) : Number(text) || 0;
}

/** (int): null and false 0, true 1, floats truncated (wrapping), strings by their leading number, arrays 0 when empty else 1. */
export function phpInt(value: PhpValue | undefined): number {
  if (value === undefined || value === null || value === false) return 0;
  if (value === true) return 1;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return wrapped(value);
  if (typeof value === 'string') return stringToInt(value);
  return value.size ? 1 : 0;
}

/** (bool): false for null, false, 0, 0.0, "", "0" and the empty array; true otherwise (NAN, "0.0" and "false" too). */
export function phpBool(value: PhpValue | undefined): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (value === true) return true;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '' && value !== '0';
  return value.size > 0;
}
