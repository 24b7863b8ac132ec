import { phpBool, phpFloatString, phpInt, phpString } from './phpCasts';
import type { PhpValue } from './phpJson';

// PHP 7.4 on 64-bit, precision=14: the casts ncanode's controllers apply.

const arrayOf = (...values: PhpValue[]): PhpValue => new Map(values.map((v, i) => [String(i), v]));

describe('(string)', () => {
  test.each([
    [true, '1'],
    [false, ''],
    [null, ''],
    [12n, '12'],
    [-9223372036854775808n, '-9223372036854775808'],
    ['as is', 'as is'],
  ] as Array<[PhpValue, string]>)('of %p is %p', (value, text) => {
    expect(phpString(value as never)).toBe(text);
  });

  test.each([
    [1.5, '1.5'],
    [3.0, '3'],
    [-2.25, '-2.25'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.33333333333333'],
    [0.0001, '0.0001'],
    [0.00001, '1.0E-5'],
    [1.5e-7, '1.5E-7'],
    [1e13, '10000000000000'],
    [99999999999999, '99999999999999'],
    [1e14, '1.0E+14'],
    [1e15, '1.0E+15'],
    [1e20, '1.0E+20'],
    [1.2345678901234567e19, '1.2345678901235E+19'],
    [123456789012345, '1.2345678901234E+14'], // an exact half rounds to even (zend_dtoa), not up
    [123456789012355, '1.2345678901236E+14'],
    [999999999999999, '1.0E+15'], // rounding carries into a new digit
    [5e-324, '4.9406564584125E-324'],
    [-0, '-0'],
    [0, '0'],
    [Infinity, 'INF'],
    [-Infinity, '-INF'],
    [NaN, 'NAN'],
  ])('of the float %p is %p', (value, text) => {
    expect(phpFloatString(value)).toBe(text);
  });
});

describe('(int)', () => {
  test.each([
    ['3', 3],
    ['3.0', 3],
    ['3.9', 3],
    [' 12', 12],
    ['\f\v12', 12],
    ['12abc', 12],
    ['+5', 5],
    ['-7x', -7],
    ['007', 7],
    ['1e3', 1000],
    ['1.5e3kg', 1500],
    ['.5', 0],
    ['1.', 1],
    ['1e', 1],
    ['abc', 0],
    ['0x1A', 0],
    ['', 0],
    ['- 5', 0],
    ['1e400', 0],
    // eslint-disable-next-line no-loss-of-precision -- PHP_INT_MAX has no exact double; the cast's result is compared as the nearest one
    ['9223372036854775807', 9223372036854775807],
    // eslint-disable-next-line no-loss-of-precision -- PHP_INT_MAX has no exact double; the cast's result is compared as the nearest one
    ['99999999999999999999', 9223372036854775807],
    ['-99999999999999999999', -9223372036854775808],
  ] as Array<[string, number]>)('of the string %p is %p', (value, n) => {
    expect(phpInt(value)).toBe(n);
  });

  test.each([
    [true, 1],
    [false, 0],
    [null, 0],
    [undefined, 0],
    [12n, 12],
    [3.0, 3],
    [3.99, 3],
    [-3.99, -3],
    [-0.5, 0],
    [Infinity, 0],
    [NaN, 0],
    [1e19, -8446744073709551616], // out of range: wraps modulo 2^64
    [2 ** 64, 0],
    [-(2 ** 63), -(2 ** 63)],
  ] as Array<[PhpValue | undefined, number]>)('of %p is %p', (value, n) => {
    expect(phpInt(value)).toBe(n);
  });

  test('of an array is 1, of an empty one 0', () => {
    expect(phpInt(arrayOf('5'))).toBe(1);
    expect(phpInt(arrayOf())).toBe(0);
  });
});

describe('(bool)', () => {
  test.each([
    [undefined, false],
    [null, false],
    [false, false],
    [0n, false],
    [0, false],
    [-0, false],
    ['', false],
    ['0', false],
    [true, true],
    [1n, true],
    [0.1, true],
    [NaN, true],
    ['0.0', true],
    ['false', true],
    [' ', true],
  ] as Array<[PhpValue | undefined, boolean]>)('of %p is %p', (value, truthy) => {
    expect(phpBool(value)).toBe(truthy);
  });

  test('of an array is whether it has entries', () => {
    expect(phpBool(arrayOf(null))).toBe(true);
    expect(phpBool(arrayOf())).toBe(false);
  });
});
