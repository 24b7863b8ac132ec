import { compareOrdered, mergeNewestFirst, NewestFirstIndex, type Ordered } from './newestFirstIndex';

// A small deterministic generator, so a failure reproduces.
function lcg(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

const newest = (items: Ordered[]) => [...items].sort(compareOrdered).reverse();

describe('NewestFirstIndex', () => {
  test('stays in (createdSec, id) order through appends, out-of-order inserts, block splits and removals', () => {
    const rand = lcg(7);
    const index = new NewestFirstIndex<Ordered>();
    const reference: Ordered[] = [];
    for (let id = 1; id <= 5000; id++) {
      // Mostly moving forward, sometimes far in the past (a re-tagged old record, a clock set back).
      const item = { id, createdSec: rand(10) < 8 ? id : rand(id) };
      index.add(item);
      reference.push(item);
      if (rand(4) === 0) {
        const victim = reference.splice(rand(reference.length), 1)[0];
        expect(index.remove(victim)).toBe(true);
        expect(index.remove(victim)).toBe(false);
      }
    }
    expect(index.size).toBe(reference.length);
    expect([...index.newestFirst()]).toEqual(newest(reference));
    expect(index.countWhere((item) => item.id % 2 === 0)).toBe(reference.filter((item) => item.id % 2 === 0).length);
    for (const item of [...reference]) index.remove(item);
    expect(index.size).toBe(0);
    expect([...index.newestFirst()]).toEqual([]);
  });

  test('mergeNewestFirst yields the union newest first, a record in several indexes once', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, createdSec: (i * 7) % 11 }));
    const a = new NewestFirstIndex<Ordered>();
    const b = new NewestFirstIndex<Ordered>();
    items.forEach((item, i) => {
      if (i % 2 === 0) a.add(item);
      if (i % 3 === 0) b.add(item);
    });
    const union = items.filter((_, i) => i % 2 === 0 || i % 3 === 0);
    expect([...mergeNewestFirst([a, b])]).toEqual(newest(union));
  });
});
