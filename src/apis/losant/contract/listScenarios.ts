import type { Scenario } from '../../../contract/scenario';
import type { LosantCredentials, LosantNeed } from './credentials';
import { CN, collection, expectValidation, list, matching, cnOf, owning, isSorted, fieldOf } from './scenarioSupport';

// Losant list: paging, sorting and filtering an application's certificates.

export const listScenarios: Scenario<LosantCredentials, LosantNeed>[] = [
  // ---------------------------------------------------------------- list
  {
    api: 'losant',
    name: 'list: defaults (sortField certificateInfo.commonName, asc, page 0, perPage 100) are echoed and applied; count = items on the page',
    basis: 'vendor',
    readme: ['rule-losant-list-params', 'rule-losant-list-echo'],
    async run(t) {
      const { ex, items } = await list(t);
      t.expect.answer(ex, 200, { sortField: CN, sortDirection: 'asc', page: 0, perPage: 100, applicationId: t.creds.applicationId.toLowerCase() });
      t.expect.equal(ex, ex.json.count, items.length, 'count');
      t.expect.that(
        ex,
        items.length <= 100 && ex.json.totalCount >= items.length && (ex.json.totalCount > 100 || ex.json.totalCount === items.length),
        `totalCount ${ex.json.totalCount} agrees with a first page of ${items.length}`,
      );
      t.expect.that(ex, isSorted(items.map(cnOf), false, false), 'items are in ascending commonName order', items.map(cnOf).join(', '));
      t.expect.that(ex, !('filter' in ex.json) && !('filterField' in ex.json), 'filter and filterField are not echoed when not sent');
    },
  },
  {
    api: 'losant',
    name: 'list: filterField certificateInfo.commonName with a glob returns exactly the matches; count = page size, totalCount = matches',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-list-filter', 'rule-losant-list-echo'],
    run: owning(async (t, own) => {
      const a = await own.create('alpha');
      const b = await own.create('beta');
      const c = await own.create('alpine');
      const cases: Array<[string, string[]]> = [
        [`${own.prefix}-*`, [a.id, c.id, b.id]],
        [`${own.prefix}-al*`, [a.id, c.id]],
        [`${own.prefix}-*ta`, [b.id]],
        [`*${own.prefix}-al*e`, [c.id]],
        [`${own.prefix}-beta`, [b.id]],
        [`${own.prefix}-gamma*`, []],
      ];
      for (const [glob, ids] of cases) {
        const { ex, items } = await matching(t, glob);
        t.expect.answer(ex, 200, { count: ids.length, totalCount: ids.length, filterField: CN, filter: glob });
        t.expect.equal(
          ex,
          items.map((i) => i.id),
          ids,
          `ids matching ${glob} in commonName order`,
        );
      }
    }),
  },
  {
    api: 'losant',
    name: 'list: the glob must match the whole commonName and matches case-insensitively',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-list-filter'],
    run: owning(async (t, own) => {
      const one = await own.create('one');
      const whole: Array<[string, string[]]> = [
        [`${own.prefix}-on`, []], // a prefix without * is not a match
        [`${own.prefix.slice(1)}-one`, []], // nor is a suffix
        [`${own.prefix}-one`, [one.id]],
        [`${own.prefix}-one*`, [one.id]], // * may match nothing
        [`${own.prefix}-ONE`.toUpperCase(), [one.id]],
        [`${own.prefix.toUpperCase()}-O*`, [one.id]],
      ];
      for (const [glob, ids] of whole) {
        const { ex, items } = await matching(t, glob);
        t.expect.answer(ex, 200, { count: ids.length, totalCount: ids.length });
        t.expect.equal(
          ex,
          items.map((i) => i.id),
          ids,
          `ids matching ${glob}`,
        );
      }
    }),
  },
  {
    api: 'losant',
    name: 'list: sortDirection asc and desc order by the sortField (desc the exact reverse); DESC is accepted and echoed as sent',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-list-params'],
    run: owning(async (t, own) => {
      const made = [await own.create('m'), await own.create('a'), await own.create('z'), await own.create('b')];
      const byName = [...made].sort((x, y) => (cnOf(x) < cnOf(y) ? -1 : 1)).map((c) => c.id);
      const asc = await own.listed({ sortField: CN, sortDirection: 'asc' });
      t.expect.answer(asc.ex, 200, { sortField: CN, sortDirection: 'asc' });
      t.expect.equal(
        asc.ex,
        asc.items.map((c) => c.id),
        byName,
        'ascending commonName order',
      );
      const desc = await own.listed({ sortField: CN, sortDirection: 'desc' });
      t.expect.equal(
        desc.ex,
        desc.items.map((c) => c.id),
        [...byName].reverse(),
        'descending commonName order',
      );
      const upper = await own.listed({ sortField: CN, sortDirection: 'DESC' });
      t.expect.answer(upper.ex, 200, { sortDirection: 'DESC' });
      t.expect.equal(
        upper.ex,
        upper.items.map((c) => c.id),
        [...byName].reverse(),
        'DESC order',
      );
      const byCreation = await own.listed({ sortField: 'creationDate', sortDirection: 'desc' });
      t.expect.that(
        byCreation.ex,
        isSorted(
          byCreation.items.map((c) => c.creationDate),
          true,
          true,
        ),
        'descending creationDate order',
      );
      t.expect.equal(byCreation.ex, byCreation.items.map((c) => c.id).sort(), made.map((c) => c.id).sort(), 'the certificates sorted by creationDate');
    }),
  },
  {
    api: 'losant',
    name: 'list: sortField name, status, id, creationDate and lastUpdated order the items both ways',
    basis: 'vendor',
    readme: ['rule-losant-list-params'],
    async run(t) {
      for (const sortField of ['name', 'status', 'id', 'creationDate', 'lastUpdated']) {
        for (const sortDirection of ['asc', 'desc']) {
          const { ex, items } = await list(t, { sortField, sortDirection, perPage: 1000 });
          t.expect.answer(ex, 200, { sortField, sortDirection, count: items.length });
          const values = items.map((c) => fieldOf(c, sortField));
          t.expect.that(
            ex,
            isSorted(values, sortDirection === 'desc', /Date|lastUpdated/.test(sortField)),
            `items in ${sortDirection} ${sortField} order`,
            values.join(', '),
          );
        }
      }
    },
  },
  {
    api: 'losant',
    name: 'list: page and perPage slice the matches in order; count = page size, totalCount = all matches, a page past the end is empty',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-list-params', 'rule-losant-list-echo'],
    run: owning(async (t, own) => {
      const made = [await own.create('p3'), await own.create('p1'), await own.create('p5'), await own.create('p2'), await own.create('p4')];
      const ordered = [...made].sort((x, y) => (cnOf(x) < cnOf(y) ? -1 : 1)).map((c) => c.id);
      const pages: Array<[number, string[]]> = [
        [0, ordered.slice(0, 2)],
        [1, ordered.slice(2, 4)],
        [2, ordered.slice(4)],
        [3, []],
      ];
      for (const [page, ids] of pages) {
        const { ex, items } = await own.listed({ page, perPage: 2 });
        t.expect.answer(ex, 200, { page, perPage: 2, count: ids.length, totalCount: 5 });
        t.expect.equal(
          ex,
          items.map((c) => c.id),
          ids,
          `page ${page} of 2`,
        );
      }
      const { ex, items } = await own.listed({ page: 0, perPage: 5 });
      t.expect.answer(ex, 200, { count: 5, totalCount: 5 });
      t.expect.equal(
        ex,
        items.map((c) => c.id),
        ordered,
        'one page of 5',
      );
    }),
  },
  {
    api: 'losant',
    name: 'list: filterField status returns only certificates with that status; totalCount counts them',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-list-filter'],
    run: owning(async (t, own) => {
      const inactive = await own.create('off', { status: 'inactive' });
      const active = await own.create('on');
      for (const [status, mine, notMine] of [
        ['inactive', inactive, active],
        ['active', active, inactive],
      ] as const) {
        const { ex, items } = await list(t, { filterField: 'status', filter: status, perPage: 1000 }, `list with status ${status}`);
        t.expect.answer(ex, 200, { filterField: 'status', filter: status, count: items.length });
        t.expect.that(
          ex,
          items.every((c) => c.status === status),
          `every item has status ${status}`,
        );
        t.expect.that(
          ex,
          items.some((c) => c.id === mine.id) && !items.some((c) => c.id === notMine.id),
          `the ${status} certificate is listed, the other is not`,
        );
        t.expect.that(
          ex,
          ex.json.totalCount >= items.length && (ex.json.totalCount > 1000 || ex.json.totalCount === items.length),
          `totalCount ${ex.json.totalCount} counts the ${items.length} matches`,
        );
      }
    }),
  },
  {
    api: 'losant',
    name: 'list: a blank filterField or filter means no filtering (and neither is echoed)',
    basis: 'vendor',
    readme: ['rule-losant-list-filter'],
    async run(t) {
      const all = (await list(t, { perPage: 1 })).ex.json.totalCount;
      const blanks: Array<Record<string, string>> = [
        { filterField: CN, filter: '' },
        { filterField: '', filter: 'nothing-matches-this*' },
        { filter: 'nothing-matches-this*' },
      ];
      for (const query of blanks) {
        const { ex } = await list(t, { ...query, perPage: 1 }, `list with ${JSON.stringify(query)}`);
        t.expect.answer(ex, 200, { totalCount: all });
        t.expect.that(ex, !('filter' in ex.json) && !('filterField' in ex.json), 'a blank filter is not echoed');
      }
    },
  },
  {
    api: 'losant',
    name: 'list: a query outside its schema (sortField, sortDirection, page < 0, perPage outside 1-1000, not a number) -> 400 Validation',
    basis: 'choice',
    readme: ['rule-losant-list-params'],
    async run(t) {
      const bad: Array<Record<string, string | number>> = [
        { sortField: 'description' },
        { sortDirection: 'up' },
        { sortDirection: 'Desc' },
        { filterField: 'description', filter: 'x' },
        { page: -1 },
        { perPage: 0 },
        { perPage: 1001 },
        { page: 'first' },
        { perPage: '2.5' },
      ];
      for (const query of bad) {
        expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query, invalid: true }));
      }
    },
  },
];
