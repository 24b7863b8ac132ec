import { pageOf } from './listing';

describe('pageOf (paging picks the right slice of the sorted order)', () => {
  const compare = (a: number, b: number) => a - b;
  // A shuffled 0..9999 without Math.random, so the test is deterministic.
  const numbers = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);

  it('matches a full sort for every page, near the front, in the middle and at the end', () => {
    const sorted = [...numbers].sort(compare);
    for (const [offset, limit] of [
      [0, 10],
      [30, 10],
      [990, 10],
      [0, 1000],
      [4000, 1000],
      [9990, 100],
    ]) {
      expect(pageOf(numbers, compare, offset, limit)).toEqual(sorted.slice(offset, offset + limit));
    }
  });

  it('matches a full sort for every offset and limit of small, sorted, reversed and repetitive inputs', () => {
    const shapes = [
      [],
      [1],
      [2, 1],
      Array.from({ length: 40 }, (_, i) => i),
      Array.from({ length: 40 }, (_, i) => 40 - i),
      Array.from({ length: 40 }, (_, i) => i % 3),
      Array.from({ length: 41 }, (_, i) => (i * 17) % 41),
    ];
    for (const shape of shapes) {
      const sorted = [...shape].sort(compare);
      for (let offset = 0; offset <= shape.length; offset++) {
        for (const limit of [1, 2, 7, 100]) {
          const expected = sorted.slice(offset, offset + limit);
          expect(pageOf(shape, compare, offset, limit)).toEqual(expected); // bounded heap
          expect(pageOf(shape, compare, offset, limit, 0)).toEqual(expected); // quickselect
        }
      }
    }
  });

  it('returns [] past the end and leaves the input untouched', () => {
    const copy = [...numbers];
    expect(pageOf(numbers, compare, 10_000, 10)).toEqual([]);
    pageOf(numbers, compare, 0, 10);
    expect(numbers).toEqual(copy);
  });
});
