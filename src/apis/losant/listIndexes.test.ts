import { globMatcher } from './glob';
import { SORT_FIELDS } from './application';
import type { Certificate, CertificateStatus } from './certificate';
import type { ListQuery } from './listQuery';
import { LosantStore } from './store';
import { EXAMPLE_PEM, NO_CN_PEM, SECOND_PEM } from './testing/certificates';

// The store answers lists from indexes kept sorted at insert time; this checks every answer
// against the obvious implementation (filter everything, sort everything, slice), through
// creates, patches, removals and a bulk insert.

const APP = '575ec8687ae143cd83dc4a97';

function numbers(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31);
}

const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const fieldOf = (c: Certificate, field: string) => (field === 'certificateInfo.commonName' ? (c.certificateInfo.commonName ?? '') : (c as any)[field]);

function reference(all: Certificate[], q: ListQuery) {
  const match = q.filter && globMatcher(q.filter.glob);
  const matches = all.filter((c) => !q.filter || match!(fieldOf(c, q.filter.field)));
  const sign = q.descending ? -1 : 1;
  matches.sort((a, b) => sign * codePoint(fieldOf(a, q.sortField), fieldOf(b, q.sortField)) || codePoint(a.id, b.id));
  return { totalCount: matches.length, ids: matches.slice(q.page * q.perPage, (q.page + 1) * q.perPage).map((c) => c.id) };
}

const NAMES = ['Edge-1', 'edge-2', 'EDGE', 'edgeless', 'ärger', 'Ärger-2', 'İstanbul', 'ıx', 'pump', ''];

function bulk(next: () => number, count: number, firstId: number): Certificate[] {
  return Array.from({ length: count }, (_, i) => {
    const id = (firstId + i).toString(16).padStart(24, '0');
    const day = String(1 + (next() % 28)).padStart(2, '0');
    return {
      id,
      applicationCertificateId: id,
      applicationId: APP,
      creationDate: `2021-02-${day}T10:00:00.000Z`,
      lastUpdated: `2022-03-${day}T1${next() % 10}:00:00.000Z`,
      name: NAMES[next() % NAMES.length] || 'unnamed',
      status: (next() % 4 ? 'active' : 'inactive') as CertificateStatus,
      certificateInfo: { commonName: NAMES[next() % NAMES.length] } as Certificate['certificateInfo'],
      filterType: 'all',
      pubTopics: [],
      subTopics: [],
      certificate: EXAMPLE_PEM,
    };
  });
}

describe('LosantStore list indexes agree with filter + sort + slice', () => {
  it('for every sort field, direction, filter and page, through writes and a bulk insert', () => {
    const next = numbers(3);
    let n = 0;
    const store = new LosantStore(() => (++n).toString(16).padStart(24, '0'));
    store.addApplication(APP);
    const pems = [EXAMPLE_PEM, SECOND_PEM, NO_CN_PEM];
    const times = ['2024-05-01T10:00:00.000Z', '2024-05-02T10:00:00.000Z', '2024-05-03T10:00:00.000Z'].map((t) => new Date(t));
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const outcome = store.create(APP, { certificate: pems[next() % 3], status: next() % 3 ? 'active' : 'inactive' }, times[next() % 3]);
      if (outcome.ok) ids.push(outcome.certificate.id);
    }
    for (let i = 0; i < 80; i++) store.patch(APP, ids[next() % ids.length], { status: next() % 2 ? 'active' : 'inactive' }, times[next() % 3]);
    for (let i = 0; i < 60; i++) store.patch(APP, ids[next() % ids.length], { name: NAMES[next() % NAMES.length] || 'x' }, times[next() % 3]);
    for (let i = 0; i < 40; i++) store.remove(APP, ids[next() % ids.length]);
    store.insertMany(APP, bulk(next, 700, 0x100000));
    for (let i = 0; i < 20; i++) store.patch(APP, (0x100000 + (next() % 700)).toString(16).padStart(24, '0'), { certificate: pems[next() % 3] }, times[2]);

    const all = store.dump()[APP];
    const filters: ListQuery['filter'][] = [
      undefined,
      { field: 'status', glob: 'active' },
      { field: 'status', glob: 'IN*' },
      { field: 'status', glob: '*' },
      { field: 'status', glob: 'nothing' },
      { field: 'certificateInfo.commonName', glob: 'edge*' },
      { field: 'certificateInfo.commonName', glob: 'EDGE' },
      { field: 'certificateInfo.commonName', glob: 'ä*' },
      { field: 'certificateInfo.commonName', glob: 'i*' },
      { field: 'certificateInfo.commonName', glob: 'e*-*' },
      { field: 'certificateInfo.commonName', glob: '*device' },
      { field: 'name', glob: 'edge*' },
      { field: 'name', glob: 'EXAMPLE-DEVICE' },
      { field: 'name', glob: '*2' },
      { field: 'name', glob: 'İ*' },
    ];
    for (const sortField of SORT_FIELDS) {
      for (const descending of [false, true]) {
        for (const filter of filters) {
          for (const [page, perPage] of [
            [0, 100],
            [1, 37],
            [3, 250],
            [50, 20],
          ]) {
            const query: ListQuery = { sortField, descending, page, perPage, filter };
            const outcome = store.list(APP, query);
            if (!outcome.ok) throw new Error('list failed');
            expect({ query, totalCount: outcome.totalCount, ids: outcome.items.map((c) => c.id) }).toEqual({ query, ...reference(all, query) });
          }
        }
      }
    }
  });

  it('refuses a bulk id that was already issued, storing none of the batch', () => {
    const store = new LosantStore(() => 'a'.repeat(24));
    store.addApplication(APP);
    const [first, second] = bulk(numbers(1), 2, 1);
    store.insertMany(APP, [first]);
    expect(() => store.insertMany(APP, [second, first])).toThrow(/not a new lowercase id/);
    expect(store.list(APP, { sortField: 'id', descending: false, page: 0, perPage: 10 })).toMatchObject({ totalCount: 1 });
    expect(store.isIssued(second.id)).toBe(false);
  });
});
