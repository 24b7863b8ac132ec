import { currentVersion, SignatureStore } from './store';

const at = (s: string) => new Date(`${s}Z`);
const T0 = '2024-05-01T10:00:00';

function storeWith(...pairs: Array<[string, string, string[]?, string?]>) {
  const store = new SignatureStore();
  for (const [document, thread, tags, time] of pairs) store.save({ document, thread, cms: 'MII', tags }, at(time ?? T0));
  return store;
}

describe('SignatureStore.save', () => {
  test('the first save of a pair creates version 1 and ignores the version sent', () => {
    const store = new SignatureStore();
    const outcome = store.save({ document: 'd', thread: 't', cms: 'MII', version: 7 }, at(T0));
    expect(outcome).toMatchObject({ ok: true, created: true });
    expect(currentVersion(store.get('d', 't')!).version).toBe(1);
  });

  test('a later save without a version is refused (versionMissing) and changes nothing', () => {
    const store = storeWith(['d', 't']);
    expect(store.save({ document: 'd', thread: 't', cms: 'NEW' }, at(T0))).toEqual({ ok: false, reason: 'versionMissing' });
    expect(store.save({ document: 'd', thread: 't', cms: 'NEW', version: 0 }, at(T0))).toEqual({ ok: false, reason: 'versionMissing' });
    expect(store.get('d', 't')!.chain).toHaveLength(1);
    expect(currentVersion(store.get('d', 't')!).cms).toBe('MII');
  });

  test('a later save with a stale version is refused (versionMismatch) and changes nothing', () => {
    const store = storeWith(['d', 't']);
    expect(store.save({ document: 'd', thread: 't', cms: 'NEW', version: 2 }, at(T0))).toEqual({ ok: false, reason: 'versionMismatch', actual: 1 });
    expect(store.get('d', 't')!.chain).toHaveLength(1);
  });

  test('a save with the current version stores the new fields, replaces tags, increments version and keeps the chain', () => {
    const store = new SignatureStore();
    store.save({ document: 'd', thread: 't', cms: 'A', createdBy: 'u1', comment: 'c1', tags: ['x', 'y'] }, at(T0));
    const outcome = store.save({ document: 'd', thread: 't', cms: 'B', version: 1, createdBy: 'u2', tags: ['z'] }, at('2024-05-02T11:00:00'));
    expect(outcome.ok).toBe(true);
    const s = store.get('d', 't')!;
    expect(currentVersion(s)).toEqual({ version: 2, cms: 'B', createdBy: 'u2', comment: null, tags: ['z'], createdAtMs: at('2024-05-02T11:00:00').getTime() });
    expect(s.chain.map((v) => [v.version, v.cms])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
    expect(s.createdAtMs).toBe(at(T0).getTime());
    expect(s.updatedAtMs).toBe(at('2024-05-02T11:00:00').getTime());
    // The tag indexes follow the replacement.
    expect(store.list({ tags: ['x'] }).items).toEqual([]);
    expect(store.list({ tags: ['z'] }).items).toEqual([s]);
  });

  test('duplicate tags are stored once', () => {
    const store = storeWith(['d', 't', ['a', 'a', 'b']]);
    expect(currentVersion(store.get('d', 't')!).tags).toEqual(['a', 'b']);
  });
});

describe('SignatureStore.remove', () => {
  test('removes the signature, its chain and its index entries; a later save starts again at version 1', () => {
    const store = storeWith(['d', 't', ['a']], ['d', 'u', ['a']]);
    store.save({ document: 'd', thread: 't', cms: 'B', version: 1, tags: ['a'] }, at(T0));
    expect(store.remove('d', 't')).toBe(true);
    expect(store.get('d', 't')).toBeUndefined();
    expect(store.remove('d', 't')).toBe(false);
    expect(store.list({ document: 'd' }, { count: true }).total).toBe(1);
    expect(store.list({ tags: ['a'] }, { count: true }).total).toBe(1);
    expect(store.list({ thread: 't' }, { count: true }).total).toBe(0);
    const again = store.save({ document: 'd', thread: 't', cms: 'C', version: 5 }, at(T0));
    expect(again.ok && currentVersion(again.signature).version).toBe(1);
    expect(again.ok && again.signature.id).toBe(3);
  });
});

describe('SignatureStore.list', () => {
  const ids = (r: { items: Array<{ id: number }> }) => r.items.map((s) => s.id);

  test('newest first by created_at, ties by id descending', () => {
    const store = storeWith(
      ['a', '1', [], '2024-01-02T00:00:00'],
      ['b', '1', [], '2024-01-01T00:00:00'],
      ['c', '1', [], '2024-01-02T00:00:00'],
      ['d', '1', [], '2024-01-03T00:00:00'],
    );
    expect(ids(store.list({}))).toEqual([4, 3, 1, 2]);
  });

  test('a new version does not move a signature (order is by created_at, not updated_at)', () => {
    const store = storeWith(['a', '1', [], '2024-01-01T00:00:00'], ['b', '1', [], '2024-01-02T00:00:00']);
    store.save({ document: 'a', thread: '1', cms: 'X', version: 1 }, at('2024-01-05T00:00:00'));
    expect(ids(store.list({}))).toEqual([2, 1]);
  });

  test('filters by document, thread and any of the tags, combined', () => {
    const store = storeWith(['d1', 't1', ['x']], ['d1', 't2', ['y']], ['d2', 't1', ['x', 'z']], ['d2', 't2', []]);
    expect(ids(store.list({ document: 'd1' }))).toEqual([2, 1]);
    expect(ids(store.list({ thread: 't1' }))).toEqual([3, 1]);
    expect(ids(store.list({ tags: ['y', 'z'] }))).toEqual([3, 2]);
    expect(ids(store.list({ tags: ['x', 'z'] }))).toEqual([3, 1]); // each signature once
    expect(ids(store.list({ document: 'd2', tags: ['x'] }))).toEqual([3]);
    expect(ids(store.list({ document: 'd1', thread: 't1', tags: ['y'] }))).toEqual([]);
    expect(ids(store.list({ document: 'nope' }))).toEqual([]);
    expect(ids(store.list({ tags: ['nope'] }))).toEqual([]);
  });

  test('offset and limit page the result; 0 means none; count gives the total before paging', () => {
    const store = storeWith(['a', '1', ['x']], ['b', '1', ['x']], ['c', '1', ['y']], ['d', '1', ['x', 'y']], ['e', '1']);
    expect(store.list({}, { limit: 2, offset: 1, count: true })).toMatchObject({ total: 5 });
    expect(ids(store.list({}, { limit: 2, offset: 1 }))).toEqual([4, 3]);
    expect(ids(store.list({}, { limit: 0, offset: 0 }))).toEqual([5, 4, 3, 2, 1]);
    expect(ids(store.list({}, { offset: 10 }))).toEqual([]);
    const union = store.list({ tags: ['x', 'y'] }, { limit: 1, offset: 1, count: true });
    expect(ids(union)).toEqual([3]);
    expect(union.total).toBe(4);
    expect(store.list({ thread: '1', tags: ['y'] }, { limit: 1, count: true }).total).toBe(2);
    expect(store.list({}, {}).total).toBeUndefined();
  });

  test('a clock moved backwards still lists newest first', () => {
    const store = storeWith(['a', '1', ['x'], '2024-01-03T00:00:00'], ['b', '1', ['x'], '2024-01-01T00:00:00'], ['c', '1', ['x'], '2024-01-02T00:00:00']);
    expect(ids(store.list({}))).toEqual([1, 3, 2]);
    expect(ids(store.list({ tags: ['x'] }))).toEqual([1, 3, 2]);
    store.remove('c', '1');
    expect(ids(store.list({ tags: ['x'] }))).toEqual([1, 2]);
  });

  test('a page of a large store walks only offset + limit records', () => {
    const store = new SignatureStore();
    for (let i = 0; i < 50_000; i++) store.save({ document: `d${i % 100}`, thread: `t${i}`, cms: 'M', tags: [`tag${i % 7}`] }, at(T0));
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) store.list({ document: 'd7' }, { limit: 20, offset: 100, count: true });
    for (let i = 0; i < 1000; i++) store.list({}, { limit: 20, count: true });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(ids(store.list({ document: 'd7' }, { limit: 2 }))).toEqual([49_908, 49_808]);
    expect(ms).toBeLessThan(2000);
  });
});
