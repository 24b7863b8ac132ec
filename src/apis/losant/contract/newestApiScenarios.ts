import type { Scenario } from '../../../contract/scenario';
import type { LosantCredentials, LosantNeed } from './credentials';
import { type Certificate, UNKNOWN_ID, CN, collection, item, expectValidation, list, readBack, owning } from './scenarioSupport';

// Losant's newest API: certificate names, the query parameter and bounded scopes.

export const newestApiScenarios: Scenario<LosantCredentials, LosantNeed>[] = [
  // ---------------------------------------------------------------- newest API: name, query, bounded scopes
  {
    api: 'losant',
    name: 'name: POST keeps the name sent; without one the name is the common name; GET and the list return it',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-name'],
    run: owning(async (t, own) => {
      const name = `${own.prefix} Boiler room`;
      const ex = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: own.certificate('named').pem, name } });
      own.adopt(ex);
      t.expect.answer(ex, 201, { name });
      const named = ex.json as Certificate;
      const unnamed = await own.create('unnamed');
      t.expect.equal(undefined, unnamed.name, unnamed.test.info.commonName, 'the name of a certificate created without one');
      t.expect.equal(undefined, (await readBack(t, named.id)).name, name, 'the name read back by GET');
      const listed = await own.listed();
      t.expect.equal(
        listed.ex,
        listed.items.map((c) => [c.id, c.name]),
        [
          [named.id, name],
          [unnamed.id, unnamed.name],
        ],
        `ids and names of ${own.prefix}-*`,
      );
    }),
  },
  {
    api: 'losant',
    name: 'name: PATCH changes the name; a new certificate keeps it; an empty name -> 400 Validation',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-name'],
    run: owning(async (t, own) => {
      const created = await own.create('renamed');
      const renamed = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { name: `${own.prefix} renamed` } });
      t.expect.answer(renamed, 200, { id: created.id, name: `${own.prefix} renamed` });
      const replacement = own.certificate('replacement');
      const replaced = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { certificate: replacement.pem } });
      t.expect.answer(replaced, 200, { name: `${own.prefix} renamed`, certificateInfo: { commonName: replacement.info.commonName } });
      expectValidation(t, await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { name: '' }, invalid: true }));
      t.expect.equal(undefined, (await readBack(t, created.id)).name, `${own.prefix} renamed`, 'the name after the refused patch');
    }),
  },
  {
    api: 'losant',
    name: 'list: filterField name globs on the name (whole value, case-insensitive); sortField name orders by it',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-name', 'rule-losant-list-filter'],
    run: owning(async (t, own) => {
      const b = await own.create('b', { name: `${own.prefix} Beta` });
      const a = await own.create('a', { name: `${own.prefix} alpha` });
      const { ex, items } = await list(
        t,
        { filterField: 'name', filter: `${own.prefix.toUpperCase()} *`, sortField: 'name', perPage: 1000 },
        'list filtered by name',
      );
      t.expect.answer(ex, 200, { filterField: 'name', sortField: 'name', count: 2, totalCount: 2 });
      t.expect.equal(
        ex,
        items.map((c) => c.id),
        [b.id, a.id],
        `${own.prefix} * by name ('B' before 'a' by code point)`,
      );
      const none = await list(t, { filterField: 'name', filter: `${own.prefix} alph` }, 'a name glob without * that is only a prefix');
      t.expect.answer(none.ex, 200, { totalCount: 0 });
    }),
  },
  {
    api: 'losant',
    name: 'query: the advanced query filters by its fields and operators ($eq, $in, $startsWith with $ci, $and, $or, $nor, ids, arrays)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-list-query'],
    run: owning(async (t, own) => {
      const a = await own.create('alpha', { name: `${own.prefix} Alpha`, status: 'inactive' });
      const b = await own.create('beta', { name: `${own.prefix} beta` });
      const c = await own.create('gamma', { filterType: 'whitelist', pubTopics: ['x/1'] });
      const mine = { name: { $startsWith: own.prefix } };
      const cases: Array<[unknown, Certificate[]]> = [
        [mine, [a, b, c]],
        [{ ...mine, status: 'inactive' }, [a]],
        [{ $and: [mine, { name: { $startsWith: `${own.prefix} ALPHA`, $ci: true } }] }, [a]],
        [{ $and: [mine, { name: { $startsWith: `${own.prefix} ALPHA` } }] }, []],
        [{ ...mine, $or: [{ status: 'inactive' }, { filterType: { $in: ['whitelist', 'blacklist'] } }] }, [a, c]],
        [{ ...mine, $nor: [{ status: 'inactive' }] }, [b, c]],
        [{ ...mine, pubTopics: 'x/1' }, [c]],
        [{ ...mine, commonName: { $endsWith: '-beta' } }, [b]],
        [{ ...mine, id: { $in: [a.id, c.id] } }, [a, c]],
        // ' bet' with its space: a word the scenario wrote after the prefix, never part of the prefix
        [{ $and: [mine, { name: { $contains: ' bet' } }], status: { $ne: 'inactive' } }, [b]],
      ];
      for (const [query, expected] of cases) {
        const { ex, items } = await list(t, { query: JSON.stringify(query), perPage: 1000 }, `list with query ${JSON.stringify(query)}`);
        t.expect.answer(ex, 200, { count: expected.length, totalCount: expected.length });
        t.expect.equal(
          ex,
          items.map((i) => i.id),
          expected.map((i) => i.id),
          `ids matching ${JSON.stringify(query)} in commonName order`,
        );
      }
    }),
  },
  {
    api: 'losant',
    name: 'query: overrides filterField and filter (neither applied nor echoed), and is sorted and paged like any list',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-list-query'],
    run: owning(async (t, own) => {
      const made = [await own.create('q1'), await own.create('q2'), await own.create('q3')];
      const query = JSON.stringify({ commonName: { $startsWith: `${own.prefix}-q` } });
      const overriding = await list(t, { query, filterField: 'status', filter: 'no-such-status', perPage: 1000 }, 'list with query and filter');
      t.expect.answer(overriding.ex, 200, { totalCount: 3 });
      t.expect.that(
        overriding.ex,
        !('filter' in overriding.ex.json) && !('filterField' in overriding.ex.json),
        'filter and filterField are not echoed when query overrides them',
      );
      const desc = made.map((c) => c.id).reverse();
      const first = await list(t, { query, sortField: 'name', sortDirection: 'desc', perPage: 2, page: 0 }, 'page 0 of 2, by name desc');
      const second = await list(t, { query, sortField: 'name', sortDirection: 'desc', perPage: 2, page: 1 }, 'page 1 of 2, by name desc');
      t.expect.answer(second.ex, 200, { count: 1, totalCount: 3 });
      t.expect.equal(
        second.ex,
        [...first.items, ...second.items].map((c) => c.id),
        desc,
        'both pages, by name descending',
      );
    }),
  },
  {
    api: 'losant',
    name: 'query: not JSON, not an object, an unknown operator or a wrong operand -> 400 Validation',
    basis: 'vendor',
    readme: ['rule-losant-list-query'],
    async run(t) {
      const bad = [
        '{"name":',
        '"just text"',
        JSON.stringify({ name: { $regex: '^a' } }),
        JSON.stringify({ name: { $startsWith: '' } }),
        JSON.stringify({ status: { $in: 'active' } }),
        JSON.stringify({ name: { $ci: 'yes' } }),
        JSON.stringify({ id: { $gt: UNKNOWN_ID, $lt: 'ffffffffffffffffffffffff' } }),
        JSON.stringify({ id: 'not-an-object-id' }),
        JSON.stringify({ $or: { status: 'active' } }),
        JSON.stringify({ $and: Array.from({ length: 101 }, () => ({})) }),
      ];
      for (const query of bad) expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query: { query } }));
    },
  },
  {
    api: 'losant',
    name: 'query: an unknown field, nesting over 10 levels, over 200 conditions or over 4096 characters -> 400 Validation',
    basis: 'choice',
    readme: ['rule-losant-list-bounds'],
    async run(t) {
      const nested = Array.from({ length: 10 }).reduce<unknown>((q) => ({ $and: [q] }), { status: 'active' });
      const wide = { $or: [0, 1, 2].map(() => ({ $and: Array.from({ length: 66 }, () => ({ id: null })) })) };
      const bad = [JSON.stringify({ color: 'red' }), JSON.stringify(nested), JSON.stringify(wide), JSON.stringify({ name: 'x'.repeat(4096) })];
      for (const query of bad)
        expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query: { query }, invalid: true }));
    },
  },
  {
    api: 'losant',
    name: 'scopes: a token holding only a *.bounded scope may list, create, get, patch and delete',
    needs: ['writes', 'creds:boundedToken'],
    basis: 'vendor',
    readme: ['rule-losant-scopes'],
    run: owning(async (t, own) => {
      const auth = { token: t.creds.boundedToken! };
      t.expect.answer(await t.client.call('listApplicationCertificates', { params: collection(t), query: { perPage: 1 }, auth }), 200);
      const created = await t.client.call('createApplicationCertificate', {
        params: collection(t),
        json: { certificate: own.certificate('bounded').pem },
        auth,
      });
      own.adopt(created);
      t.expect.answer(created, 201);
      t.expect.answer(await t.client.call('getApplicationCertificate', { params: item(t, created.json.id), auth }), 200, { id: created.json.id });
      t.expect.answer(await t.client.call('patchApplicationCertificate', { params: item(t, created.json.id), json: { description: 'bounded' }, auth }), 200, {
        description: 'bounded',
      });
      t.expect.answer(await t.client.call('deleteApplicationCertificate', { params: item(t, created.json.id), json: {}, auth }), 200, { success: true });
    }),
  },
  {
    api: 'losant',
    name: 'list: a blank sortDirection sorts ascending and is echoed blank (the list response enum includes "")',
    basis: 'choice',
    readme: ['rule-losant-list-params'],
    async run(t) {
      const asc = await list(t, { sortDirection: 'asc', perPage: 1000 });
      const blank = await list(t, { sortDirection: '', perPage: 1000 }, 'list with a blank sortDirection');
      t.expect.answer(blank.ex, 200, { sortDirection: '' });
      t.expect.equal(
        blank.ex,
        blank.items.map((c) => c.id),
        asc.items.map((c) => c.id),
        'the order of a blank sortDirection',
      );
    },
  },
  {
    api: 'losant',
    name: 'list: page and perPage must be decimal digits (Infinity, -Infinity, 1e400, 1e2, 0x2) and a filter at most 1024 characters -> 400 Validation',
    basis: 'choice',
    readme: ['rule-losant-list-bounds'],
    async run(t) {
      const bad: Array<Record<string, string>> = [];
      for (const value of ['Infinity', '-Infinity', '1e400', '1e2', '0x2']) bad.push({ page: value }, { perPage: value });
      bad.push({ filterField: CN, filter: '*'.repeat(1025) });
      for (const query of bad) expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query, invalid: true }));
      const stars = await list(t, { filterField: CN, filter: '*'.repeat(1024), perPage: 1 }, 'list with a 1024-character glob');
      const all = await list(t, { perPage: 1 });
      t.expect.equal(stars.ex, stars.ex.json.totalCount, all.ex.json.totalCount, 'a glob of 1024 stars matches every certificate');
    },
  },
  {
    api: 'losant',
    name: 'list: a backtracking-hostile glob (*a*a*a*a*a*a*b) on long common names answers at once',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-list-bounds'],
    run: owning(async (t, own) => {
      await own.create('a'.repeat(64));
      const started = Date.now();
      const { ex } = await list(t, { filterField: CN, filter: `${own.prefix}-*a*a*a*a*a*a*b` }, 'list with a hostile glob');
      t.expect.answer(ex, 200, { totalCount: 0 });
      t.expect.that(ex, Date.now() - started < 2000, `answered in ${Date.now() - started} ms (a backtracking glob takes seconds)`);
    }),
  },
];
