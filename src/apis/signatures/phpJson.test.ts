import { decodePhpJson, type PhpValue } from './phpJson';

// json_decode($text, true) of PHP 7.4, as ncanode's router applies it to every body.

const decode = (text: string) => decodePhpJson(Buffer.from(text, 'utf8'));
/** A PHP array as a plain object/array, for readable expectations. */
function plain(value: PhpValue | undefined): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  return value;
}

describe('decodePhpJson', () => {
  test('keeps integers (bigint) apart from floats (number), as PHP does', () => {
    expect(decode('12')).toBe(12n);
    expect(decode('-0')).toBe(0n);
    expect(decode('12.0')).toBe(12);
    expect(decode('1e2')).toBe(100);
    expect(decode('-0.0')).toBe(-0);
    expect(decode('1e400')).toBe(Infinity);
  });

  test('an integer literal beyond PHP_INT_MAX becomes a float; PHP_INT_MIN stays an integer', () => {
    expect(decode('9223372036854775807')).toBe(9223372036854775807n);
    expect(decode('9223372036854775808')).toBe(9223372036854775808);
    expect(decode('-9223372036854775808')).toBe(-9223372036854775808n);
    // eslint-disable-next-line no-loss-of-precision -- PHP's float is the nearest double, which this literal rounds to
    expect(decode('-9223372036854775809')).toBe(-9223372036854775809);
    // eslint-disable-next-line no-loss-of-precision -- PHP's float is the nearest double, which this literal rounds to
    expect(decode('12345678901234567890')).toBe(12345678901234567890);
  });

  test('objects and lists are PHP arrays: keys in order, a repeated key keeps its place and takes the last value', () => {
    const value = decode('{"b":1,"a":[true,null,"x"],"b":2,"__proto__":{}}');
    expect(value).toBeInstanceOf(Map);
    expect([...(value as Map<string, PhpValue>).keys()]).toEqual(['b', 'a', '__proto__']);
    expect(plain(value)).toEqual({ b: 2n, a: { 0: true, 1: null, 2: 'x' }, ['__proto__']: {} });
  });

  test('strings: every JSON escape, surrogate pairs, raw UTF-8 and NUL', () => {
    expect(decode('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 é \\u0000"')).toBe('"\\/\b\f\n\r\té😀 é \u0000');
  });

  test('nesting: 512 levels decode, 513 are an error (json_decode default depth)', () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(decode(nested(512))).toBeInstanceOf(Map);
    expect(decode(nested(513))).toBeUndefined();
    expect(decode(`{"a":${nested(511)}}`)).toBeInstanceOf(Map);
    expect(decode(`{"a":${nested(512)}}`)).toBeUndefined();
  });

  test.each([
    ['malformed JSON', '{"document": '],
    ['trailing garbage', '{} x'],
    ['a trailing comma', '[1,]'],
    ['a literal not in lower case', 'TRUE'],
    ['a leading zero', '01'],
    ['a bare fraction', '.5'],
    ['a lone high surrogate', '"\\ud800"'],
    ['a lone low surrogate', '"\\udc00x"'],
    ['a high surrogate before a non-low escape', '"\\ud800\\u0041"'],
    ['an unknown escape', '"\\x41"'],
    ['a short \\u escape', '"\\u12"'],
    ['a raw control character', '"a\nb"'],
    ['a byte order mark', '\uFEFF{}'],
    ['an empty text', ''],
    ['whitespace only', ' \n'],
    ['a single quote string', "'a'"],
  ])('%s is an error (PHP returns null)', (_what, text) => {
    expect(decode(text)).toBeUndefined();
  });

  test('malformed UTF-8 is an error; a JSON null is null', () => {
    expect(decodePhpJson(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toBeUndefined();
    expect(decodePhpJson(Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBeUndefined(); // an encoded surrogate
    expect(decode(' null ')).toBeNull();
  });

  test('is linear: a 1 MB body decodes in well under a second', () => {
    const big = JSON.stringify({ cms: 'A'.repeat(500_000), tags: Array.from({ length: 20_000 }, (_, i) => `t${i}`) });
    const start = process.hrtime.bigint();
    expect(decode(big)).toBeInstanceOf(Map);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(500);
  });
});
