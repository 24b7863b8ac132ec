import { Faker, en } from '@faker-js/faker';
import { seedBulkSignatures } from './bulkSeed';
import { currentVersion, SignatureStore } from './store';

const TAGS = ['customer_1', 'customer_2', 'customer_3', 'process_1', 'process_2'];

function seeded(count: number, seed = 1337) {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const store = new SignatureStore();
  expect(seedBulkSignatures(store, faker, { count, tags: TAGS })).toEqual({ created: count });
  return store;
}

const anyOf = (store: SignatureStore, tags: string[]) => [...store.values()].filter((s) => currentVersion(s).tags.some((t) => tags.includes(t))).length;

describe('seedBulkSignatures (/__admin/seed for ncanode)', () => {
  it('adds exactly count signatures, 1-3 versions each, with 1-2 tags from the pool, newest first in lists', () => {
    const store = seeded(2000);
    expect(store.size).toBe(2000);
    for (const s of store.values()) {
      expect(s.chain.length).toBeGreaterThanOrEqual(1);
      expect(s.chain.length).toBeLessThanOrEqual(3);
      expect(s.chain.map((v) => v.version)).toEqual(s.chain.map((_, i) => i + 1));
      expect(currentVersion(s).tags.every((t) => TAGS.includes(t))).toBe(true);
    }
    const { items } = store.list({}, { limit: 50 });
    const times = items.map((s) => s.createdSec);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('is deterministic for a seed', () => {
    const dump = (store: SignatureStore) => [...store.values()].slice(0, 50).map((s) => ({ ...s, chain: s.chain.map((v) => ({ ...v })) }));
    expect(dump(seeded(500))).toEqual(dump(seeded(500)));
    expect(dump(seeded(500))).not.toEqual(dump(seeded(500, 7)));
  });

  it('counts "any of these tags" from the tag lists and agrees with a walk, through re-tags and removals', () => {
    const store = seeded(3000);
    const some = [...store.values()].slice(0, 200);
    for (const [i, s] of some.entries()) {
      if (i % 2) store.remove(s.document, s.thread);
      else
        store.save(
          { document: s.document, thread: s.thread, cms: 'MII', version: currentVersion(s).version, tags: i % 4 ? ['customer_1', 'new_tag'] : [] },
          new Date(Date.UTC(2030, 0, 1)),
        );
    }
    for (const tags of [['customer_1', 'process_2'], ['process_1', 'customer_3', 'customer_2'], ['new_tag', 'customer_2'], ['customer_1']]) {
      expect(store.list({ tags }, { limit: 1, count: true }).total).toBe(anyOf(store, tags));
    }
  });
});
