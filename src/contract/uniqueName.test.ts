import { clockDigits, UNIQUE_NAME_MAX, uniqueName } from './uniqueName';

describe('uniqueName: the names scenarios create', () => {
  // A scenario once searched Losant names for 'bet' and met it inside its own prefix, written from
  // the clock in base 36 ('ct_mx9ftbet36_0'): no clock reading may spell a word.
  it('holds no vowel at any instant from 2001 to 2100', () => {
    const from = Date.parse('2001-01-01T00:00:00Z');
    const to = Date.parse('2100-01-01T00:00:00Z');
    const step = Math.floor((to - from) / 200_000);
    for (let ms = from; ms < to; ms += step + (ms % 7919)) expect(clockDigits(ms)).toMatch(/^[0-9b-df-hj-np-tv-xz]+$/);
  });

  it('keeps distinct instants distinct and in order', () => {
    const now = Date.parse('2026-12-04T20:29:44.847Z');
    const names = Array.from({ length: 5000 }, (_, i) => clockDigits(now + i));
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('is prefix, clock, index and counter, and refuses to be cut to fit', () => {
    const now = Date.parse('2026-12-04T20:29:44.847Z');
    expect(uniqueName('ct', now, 36, 0)).toBe(`ct_${clockDigits(now)}36_0`);
    expect(uniqueName('capsule', now, 999, 99).length).toBeLessThanOrEqual(UNIQUE_NAME_MAX);
    expect(() => uniqueName('a_long_prefix', now, 999, 99)).toThrow(/over 24 characters: use a shorter prefix than 'a_long_prefix'/);
  });
});
