import { descendingPage, SortedIndex } from './sortedIndex';

// A deterministic stream of numbers (no Math.random in tests).
function numbers(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31);
}

interface Item {
  key: string;
  id: number;
}

const compare = (a: Item, b: Item) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id);

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
    for (const [rank, limit] of [[0, 100], [500, 700], [reference.length - 5, 100], [reference.length, 10]]) {
      expect(index.slice(rank, limit)).toEqual(reference.slice(rank, rank + limit));
    }
    for (const key of ['k0', 'k17', 'k39', 'k5', 'zzz', '']) {
      expect(index.firstRank((i) => i.key >= key)).toBe(reference.findIndex((i) => i.key >= key) === -1 ? reference.length : reference.findIndex((i) => i.key >= key));
    }
  });

  it('pages descending by key with ties still ascending, across runs of equal keys', () => {
    const next = numbers(11);
    const index = new SortedIndex<Item>(compare);
    const items = Array.from({ length: 2000 }, (_, id) => ({ key: `k${next() % 7}`, id }));
    for (const item of items) index.add(item);
    const expected = [...items].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.id - b.id));
    for (const [offset, limit] of [[0, 100], [250, 300], [1990, 100], [2000, 5], [0, 2000]]) {
      expect(descendingPage(index, (i) => i.key, offset, limit)).toEqual(expected.slice(offset, offset + limit));
    }
  });
});
