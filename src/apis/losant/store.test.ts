import type { ListQuery } from './listQuery';
import { LosantStore } from './store';
import { EXAMPLE_PEM, NO_CN_PEM, SECOND_PEM } from './testing/certificates';

const APP = '575ec8687ae143cd83dc4a97';
const OTHER_APP = '5d3f1a2b7ae143cd83dc4b10';
const T0 = new Date('2024-05-01T10:00:00.000Z');
const T1 = new Date('2024-05-02T10:00:00.000Z');

function newStore(): LosantStore {
  let n = 0;
  const store = new LosantStore(() => (++n).toString(16).padStart(24, '0'));
  store.addApplication(APP);
  store.addApplication(OTHER_APP);
  return store;
}

const listAll = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  sortField: 'certificateInfo.commonName',
  descending: false,
  page: 0,
  perPage: 100,
  ...overrides,
});

function created(store: LosantStore, pem = EXAMPLE_PEM, app = APP, now = T0) {
  const outcome = store.create(app, { certificate: pem }, now);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.certificate;
}

describe('LosantStore', () => {
  it('create applies the defaults: status active, filterType all, empty topic lists', () => {
    const c = created(newStore());
    expect(c).toMatchObject({ status: 'active', filterType: 'all', pubTopics: [], subTopics: [] });
    expect(c).not.toHaveProperty('description');
    expect(c).not.toHaveProperty('deviceIds');
  });

  it('create keeps the name sent, or takes the common name, or the serial number when there is no CN', () => {
    const store = newStore();
    expect(created(store).name).toBe('example-device');
    const noCn = created(store, NO_CN_PEM);
    expect(noCn.name).toBe(noCn.certificateInfo.serialNumber);
    const named = store.create(APP, { certificate: EXAMPLE_PEM, name: 'Boiler' }, T0);
    expect(named).toMatchObject({ ok: true, certificate: { name: 'Boiler' } });
  });

  it('patch sets the name; a new certificate keeps the name it had', () => {
    const store = newStore();
    const c = created(store);
    expect(store.patch(APP, c.id, { certificate: SECOND_PEM }, T1)).toMatchObject({ ok: true, certificate: { name: 'example-device' } });
    expect(store.patch(APP, c.id, { name: 'Renamed' }, T1)).toMatchObject({ ok: true, certificate: { name: 'Renamed' } });
  });

  it('create sets id = applicationCertificateId, the application and both dates from the clock', () => {
    const c = created(newStore());
    expect(c.id).toMatch(/^[0-9a-f]{24}$/);
    expect(c.applicationCertificateId).toBe(c.id);
    expect(c).toMatchObject({ applicationId: APP, creationDate: T0.toISOString(), lastUpdated: T0.toISOString(), certificate: EXAMPLE_PEM });
    expect(c.certificateInfo.commonName).toBe('example-device');
  });

  it('create refuses an unknown application, then an unparseable PEM, storing nothing', () => {
    const store = newStore();
    expect(store.create('aaaaaaaaaaaaaaaaaaaaaaaa', { certificate: 'nope' }, T0)).toEqual({ ok: false, reason: 'applicationNotFound' });
    expect(store.create(APP, { certificate: 'not a certificate at all, but long enough to pass the schema' }, T0)).toEqual({
      ok: false,
      reason: 'invalidCertificate',
    });
    expect(store.list(APP, listAll())).toMatchObject({ ok: true, totalCount: 0 });
  });

  it('never issues the same id twice, even when the generator repeats itself', () => {
    const ids = ['a'.repeat(24), 'a'.repeat(24), 'b'.repeat(24)];
    const store = new LosantStore(() => ids.shift()!);
    store.addApplication(APP);
    expect(created(store).id).toBe('a'.repeat(24));
    expect(created(store).id).toBe('b'.repeat(24));
  });

  it('get returns copies: changing an answer does not change the stored record', () => {
    const store = newStore();
    const c = created(store);
    c.pubTopics.push('x');
    c.certificateInfo.commonName = 'changed';
    const again = store.get(APP, c.id);
    expect(again).toMatchObject({ ok: true, certificate: { pubTopics: [], certificateInfo: { commonName: 'example-device' } } });
  });

  it('ids are case-insensitive, like MongoDB ObjectIds', () => {
    const store = newStore();
    const c = created(store);
    expect(store.get(APP.toUpperCase(), c.id.toUpperCase()).ok).toBe(true);
  });

  it("get tells an unknown application from an unknown certificate, and hides other applications' certificates", () => {
    const store = newStore();
    const c = created(store);
    expect(store.get('bbbbbbbbbbbbbbbbbbbbbbbb', c.id)).toEqual({ ok: false, reason: 'applicationNotFound' });
    expect(store.get(APP, 'cccccccccccccccccccccccc')).toEqual({ ok: false, reason: 'certificateNotFound' });
    expect(store.get(OTHER_APP, c.id)).toEqual({ ok: false, reason: 'certificateNotFound' });
  });

  it('patch merges the sent fields, replaces arrays, keeps the rest and bumps lastUpdated', () => {
    const store = newStore();
    const c = created(store);
    store.patch(APP, c.id, { pubTopics: ['a', 'b'] }, T0);
    const outcome = store.patch(APP, c.id, { status: 'inactive', description: 'new', pubTopics: ['c'] }, T1);
    expect(outcome).toMatchObject({
      ok: true,
      certificate: {
        status: 'inactive',
        description: 'new',
        pubTopics: ['c'],
        subTopics: [],
        filterType: 'all',
        creationDate: T0.toISOString(),
        lastUpdated: T1.toISOString(),
      },
    });
    expect(store.get(APP, c.id)).toEqual(outcome);
  });

  it('patch with a new certificate re-derives certificateInfo', () => {
    const store = newStore();
    const c = created(store);
    const outcome = store.patch(APP, c.id, { certificate: SECOND_PEM }, T1);
    expect(outcome).toMatchObject({ ok: true, certificate: { certificate: SECOND_PEM, certificateInfo: { commonName: 'second-device' } } });
  });

  it('patch with an unparseable certificate changes nothing', () => {
    const store = newStore();
    const c = created(store);
    expect(store.patch(APP, c.id, { description: 'x', certificate: 'still not a certificate, however long it may be' }, T1)).toEqual({
      ok: false,
      reason: 'invalidCertificate',
    });
    expect(store.get(APP, c.id)).toEqual({ ok: true, certificate: c });
  });

  it('remove deletes; a second remove and a later get are certificateNotFound', () => {
    const store = newStore();
    const c = created(store);
    expect(store.remove(APP, c.id)).toEqual({ ok: true });
    expect(store.remove(APP, c.id)).toEqual({ ok: false, reason: 'certificateNotFound' });
    expect(store.get(APP, c.id)).toEqual({ ok: false, reason: 'certificateNotFound' });
  });

  describe('list', () => {
    function seeded() {
      const store = newStore();
      const a = created(store, EXAMPLE_PEM, APP, T0); // example-device
      const b = created(store, SECOND_PEM, APP, T1); // second-device
      const c = created(store, NO_CN_PEM, APP, T0); // ''
      store.patch(APP, a.id, { status: 'inactive' }, T1);
      created(store, EXAMPLE_PEM, OTHER_APP);
      return { store, a, b, c };
    }

    it('sorts by commonName ascending by default, a missing name sorting as ""', () => {
      const { store, a, b, c } = seeded();
      const outcome = store.list(APP, listAll());
      expect(outcome.ok && outcome.items.map((i) => i.id)).toEqual([c.id, a.id, b.id]);
    });

    it('sorts descending, breaking ties by id ascending', () => {
      const { store, a, b, c } = seeded();
      const outcome = store.list(APP, listAll({ sortField: 'creationDate', descending: true }));
      expect(outcome.ok && outcome.items.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    });

    it('pages: totalCount counts all matches, items only the page', () => {
      const { store, b } = seeded();
      expect(store.list(APP, listAll({ page: 1, perPage: 2 }))).toMatchObject({ ok: true, totalCount: 3, items: [{ id: b.id }] });
      expect(store.list(APP, listAll({ page: 5, perPage: 2 }))).toMatchObject({ ok: true, totalCount: 3, items: [] });
    });

    it('filters with a glob on status or commonName', () => {
      const { store, a, b } = seeded();
      expect(store.list(APP, listAll({ filter: { field: 'status', glob: 'in*' } }))).toMatchObject({ totalCount: 1, items: [{ id: a.id }] });
      expect(store.list(APP, listAll({ filter: { field: 'certificateInfo.commonName', glob: '*-DEVICE' } }))).toMatchObject({
        totalCount: 2,
        items: [{ id: a.id }, { id: b.id }],
      });
    });

    it('an advanced query (where) overrides the filter, then sorts and pages its matches', () => {
      const { store, a, b } = seeded();
      const where = (c: { status: string; certificateInfo: { commonName: string } }) => c.certificateInfo.commonName.endsWith('-device');
      const query = listAll({ where, filter: { field: 'status', glob: 'inactive' }, sortField: 'creationDate', descending: true });
      expect(store.list(APP, query)).toMatchObject({ ok: true, totalCount: 2, items: [{ id: b.id }, { id: a.id }] });
      expect(store.list(APP, { ...query, page: 1, perPage: 1 })).toMatchObject({ totalCount: 2, items: [{ id: a.id }] });
    });

    it('sorts and filters by name', () => {
      const { store, a, b, c } = seeded();
      store.patch(APP, c.id, { name: 'Zed' }, T1);
      expect(store.list(APP, listAll({ sortField: 'name' }))).toMatchObject({ items: [{ id: c.id }, { id: a.id }, { id: b.id }] }); // 'Z' < 'e' by code point
      expect(store.list(APP, listAll({ filter: { field: 'name', glob: 'z*' } }))).toMatchObject({ totalCount: 1, items: [{ id: c.id }] });
    });

    it('lists only the asked application, and refuses an unknown one', () => {
      const { store } = seeded();
      expect(store.list(OTHER_APP, listAll())).toMatchObject({ totalCount: 1 });
      expect(store.list('dddddddddddddddddddddddd', listAll())).toEqual({ ok: false, reason: 'applicationNotFound' });
    });
  });
});
