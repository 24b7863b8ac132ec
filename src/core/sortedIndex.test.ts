import { descendingPage, mergeDescending, SortedIndex } from './sortedIndex';

// A deterministic stream of numbers (no Math.random in tests), so a failure reproduces.
function numbers(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31);
}

interface Item {
  key: string;
  id: number;
}

const compare = (a: Item, b: Item) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id);

/** A creation order: time, ties by id. */
interface Created {
  id: number;
  createdSec: number;
}

const byCreation = (a: Created, b: Created) => a.createdSec - b.createdSec || a.id - b.id;
const newest = (items: Created[]) => [...items].sort(byCreation).reverse();

describe('SortedIndex (list pages are slices of an order kept at insert time)', () => {
  it('stays equal to a sorted copy through inserts in and out of order, removals and a bulk add', () => {
    const next = numbers(7);
    const index = new SortedIndex<Item>(compare);
    let reference: Item[] = [];
    for (let id = 0; id < 5000; id++) {
      const item = { key: `k${next() % 40}`, id };
      index.add(item);
      reference.push(item);
      if (id % 3 === 0) {
        const victim = reference[next() % reference.length];
        expect(index.remove(victim)).toBe(true);
        expect(index.remove(victim)).toBe(false);
        reference = reference.filter((i) => i !== victim);
      }
    }
    const bulk = Array.from({ length: 3000 }, (_, i) => ({ key: `k${next() % 40}`, id: 10_000 + i }));
    index.addAll(bulk);
    reference.push(...bulk);
    reference.sort(compare);
    expect(index.size).toBe(reference.length);
    expect([...index]).toEqual(reference);
    for (const rank of [0, 1, 511, 512, 1023, 2000, reference.length - 1]) expect(index.at(rank)).toBe(reference[rank]);
    expect(index.at(reference.length)).toBeUndefined();
    for (const [rank, limit] of [
      [0, 100],
      [500, 700],
      [reference.length - 5, 100],
      [reference.length, 10],
    ]) {
      expect(index.slice(rank, limit)).toEqual(reference.slice(rank, rank + limit));
    }
    for (const key of ['k0', 'k17', 'k39', 'k5', 'zzz', '']) {
      expect(index.firstRank((i) => i.key >= key)).toBe(
        reference.findIndex((i) => i.key >= key) === -1 ? reference.length : reference.findIndex((i) => i.key >= key),
      );
    }
  });

  it('pages descending by key with ties still ascending, across runs of equal keys', () => {
    const next = numbers(11);
    const index = new SortedIndex<Item>(compare);
    const items = Array.from({ length: 2000 }, (_, id) => ({ key: `k${next() % 7}`, id }));
    for (const item of items) index.add(item);
    const expected = [...items].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.id - b.id));
    for (const [offset, limit] of [
      [0, 100],
      [250, 300],
      [1990, 100],
      [2000, 5],
      [0, 2000],
    ]) {
      expect(descendingPage(index, (i) => i.key, offset, limit)).toEqual(expected.slice(offset, offset + limit));
    }
  });

  it('walks newest first in (createdSec, id) order through appends, out-of-order inserts, block splits and removals', () => {
    const next = numbers(7);
    const rand = (n: number) => next() % n;
    const index = new SortedIndex<Created>(byCreation);
    const reference: Created[] = [];
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
    expect([...index.descending()]).toEqual(newest(reference));
    expect(index.countWhere((item) => item.id % 2 === 0)).toBe(reference.filter((item) => item.id % 2 === 0).length);
    for (const item of [...reference]) index.remove(item);
    expect(index.size).toBe(0);
    expect([...index.descending()]).toEqual([]);
  });

  it('mergeDescending yields the union newest first, an item in several indexes once', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, createdSec: (i * 7) % 11 }));
    const a = new SortedIndex<Created>(byCreation);
    const b = new SortedIndex<Created>(byCreation);
    items.forEach((item, i) => {
      if (i % 2 === 0) a.add(item);
      if (i % 3 === 0) b.add(item);
    });
    const union = items.filter((_, i) => i % 2 === 0 || i % 3 === 0);
    expect([...mergeDescending([a, b])]).toEqual(newest(union));
    expect([...mergeDescending<Created>([])]).toEqual([]);
  });
});
