import type { Scenario } from '../../../contract/scenario';
import type { DroplitCredentials, DroplitNeed } from './credentials';
import {
  type Environment,
  UNKNOWN_ENVIRONMENT,
  UNKNOWN_ECOSYSTEM,
  VENDOR_FILTER_INVALID,
  expectError,
  create,
  info,
  remove,
  expectReadBack,
  list,
} from './scenarioSupport';

// Droplit list and info: an ecosystem's environments, the filter language, one environment by id.

export const listScenarios: Scenario<DroplitCredentials, DroplitNeed>[] = [
  // ---------------------------------------------------------------- list
  {
    api: 'droplit',
    name: "list: the ecosystem's environments in creation order, each with edgeIds []",
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-list-order'],
    async run(t) {
      const made = [await create(t, { alias: t.unique('o1') }), await create(t), await create(t, { alias: t.unique('o3') })];
      const { ex, items } = await list(t);
      const ids = items.map((i) => i.id);
      const mine = ids.filter((id) => made.some((m) => m.id === id));
      t.expect.equal(
        ex,
        mine,
        made.map((m) => m.id),
        'the new environments in list order',
      );
      for (const item of items) t.expect.that(ex, Array.isArray(item.edgeIds) && item.edgeIds.length === 0, `item ${item.id} has edgeIds []`);
      t.expect.that(
        ex,
        items.every((i) => i.ecosystemId === t.creds.ecosystemId),
        'every item is in the listed ecosystem',
      );
    },
  },
  {
    api: 'droplit',
    name: 'list: filter returns exactly the environments it matches (eq, ne, exists, notexists, contains, ncontains, and, or, not)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-filter'],
    async run(t) {
      const mark = t.unique('f');
      const a = await create(t, { alias: t.unique('fa'), meta: { $label: `${mark} Alpha`, floor: 1 } });
      const b = await create(t, { meta: { $label: `${mark} Beta`, floor: 2 } });
      const c = await create(t, { alias: t.unique('fc'), meta: { $label: `${mark} Gamma` } });
      const mine = `contains(meta.$label, ${JSON.stringify(mark)})`;
      const cases: Array<[string, Environment[]]> = [
        [mine, [a, b, c]],
        [`eq(meta.$label, ${JSON.stringify(`${mark} Beta`)})`, [b]],
        [`and(${mine}, ne(meta.floor, 1))`, [b, c]],
        [`and(${mine}, exists(alias))`, [a, c]],
        [`and(${mine}, notexists(alias))`, [b]],
        [`and(${mine}, not(exists(meta.floor)))`, [c]],
        [`or(eq(id, "${a.id}"), eq(id, "${c.id}"))`, [a, c]],
        [`eq(alias, "${a.alias}")`, [a]],
        [`and(${mine}, eq(meta.floor, 2))`, [b]],
        [`AND(${mine}, EQUALS(meta.floor, 1))`, [a]],
        [`and(${mine}, NCONTAINS(meta.$label, "Beta"))`, [a, c]],
      ];
      for (const [filter, expected] of cases) {
        const { ex, items } = await list(t, filter);
        t.expect.equal(
          ex,
          items.map((i) => i.id),
          expected.map((e) => e.id),
          `items for filter ${filter}`,
        );
      }
    },
  },
  {
    api: 'droplit',
    name: 'list: filter with nor, in, notin, the less/greater-than family and type returns exactly what it matches',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-filter'],
    async run(t) {
      const mark = t.unique('g');
      const low = await create(t, { alias: t.unique('lo'), meta: { $label: `${mark} low`, floor: 1, tags: ['x'] } });
      const high = await create(t, { alias: t.unique('hi'), meta: { $label: `${mark} high`, floor: 5, note: null } });
      const text = await create(t, { meta: { $label: `${mark} text`, floor: '3' } });
      const mine = `contains(meta.$label, ${JSON.stringify(mark)})`;
      const cases: Array<[string, Environment[]]> = [
        [`and(${mine}, nor(eq(meta.floor, 1), eq(meta.floor, 5)))`, [text]],
        [`and(${mine}, in(alias, [${JSON.stringify(low.alias)}, ${JSON.stringify(high.alias)}, "nobody_here"]))`, [low, high]],
        [`and(${mine}, notin(meta.floor, [1, 5]))`, [text]],
        [`and(${mine}, lessthan(meta.floor, 5))`, [low]],
        [`and(${mine}, LESSTHANOREQUAL(meta.floor, 5))`, [low, high]],
        [`and(${mine}, greaterthan(meta.floor, 1))`, [high]],
        [`and(${mine}, greaterthanorequal(meta.floor, 1))`, [low, high]],
        [`and(${mine}, greaterthan(meta.floor, "2"))`, [text]],
        [`and(${mine}, type(meta.floor, "string"))`, [text]],
        [`and(${mine}, type(meta.floor, "number"))`, [low, high]],
        [`and(${mine}, type(meta.tags, "array"))`, [low]],
        [`and(${mine}, type(meta.note, "null"))`, [high]],
      ];
      for (const [filter, expected] of cases) {
        const { ex, items } = await list(t, filter);
        t.expect.equal(
          ex,
          items.map((i) => i.id),
          expected.map((e) => e.id),
          `items for filter ${filter}`,
        );
      }
    },
  },
  {
    api: 'droplit',
    name: "list: filter=invalid -> 400 InvalidBody with the vendor's \"Invalid input 'invalid' from filter 'invalid'. Expected 'AND',… after ''\" text",
    basis: 'vendor',
    readme: ['rule-droplit-filter-invalid', 'rule-droplit-messages'],
    async run(t) {
      const ex = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: 'invalid' } });
      expectError(t, ex, 400, 'InvalidBody', VENDOR_FILTER_INVALID, 'query');
    },
  },
  {
    api: 'droplit',
    name: "list: a filter that does not parse -> 400 InvalidBody \"Invalid input '<token>' from filter '<filter>'. Expected …\"",
    basis: 'choice',
    readme: ['rule-droplit-filter-invalid'],
    async run(t) {
      const cases: Array<[string, string]> = [
        ['eq(meta.$label', ''],
        ['eq(alias, unquoted)', 'unquoted'],
        ['and(exists(alias), bogus(alias))', 'bogus'],
        ['in(alias, "not a list")', '"not'],
      ];
      for (const [filter, token] of cases) {
        const ex = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter } });
        const escaped = `Invalid input '${token}' from filter '${filter}'. Expected `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expectError(t, ex, 400, 'InvalidBody', new RegExp(`^${escaped}`), 'query');
      }
    },
  },
  {
    api: 'droplit',
    name: 'list: a filter over 4096 characters, or nesting more than 32 operators -> 400 InvalidBody at query',
    basis: 'choice',
    readme: ['rule-droplit-filter-invalid'],
    async run(t) {
      const long = `contains(alias, "${'x'.repeat(4096)}")`;
      const tooLong = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: long }, invalid: true });
      expectError(t, tooLong, 400, 'InvalidBody', /longer than 4096 characters/, 'query');
      const nest = (depth: number) => `${'not('.repeat(depth)}exists(alias)${')'.repeat(depth)}`;
      const tooDeep = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: nest(40) } });
      expectError(t, tooDeep, 400, 'InvalidBody', /at most 32 nested operators/, 'query');
      t.expect.answer(
        await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: nest(30) } }),
        200,
        undefined,
        '31 nested operators are accepted',
      );
    },
  },
  {
    api: 'droplit',
    name: 'list: a missing or malformed ecosystemId -> 400 InvalidParams "invalid id"',
    basis: 'vendor',
    readme: ['rule-droplit-list-ecosystem', 'rule-droplit-messages'],
    async run(t) {
      expectError(t, await t.client.call('listEnvironments', { invalid: true }), 400, 'InvalidParams', 'invalid id', 'ecosystemId');
      expectError(
        t,
        await t.client.call('listEnvironments', { query: { ecosystemId: 'not an id!' }, invalid: true }),
        400,
        'InvalidParams',
        'invalid id',
        'ecosystemId',
      );
    },
  },
  {
    api: 'droplit',
    name: 'list: an unknown ecosystem -> 404 text/plain "Ecosystem with id <id> does not exist."',
    basis: 'vendor',
    readme: ['rule-droplit-list-ecosystem', 'rule-droplit-errors', 'rule-droplit-messages'],
    async run(t) {
      const ex = await t.client.call('listEnvironments', { query: { ecosystemId: UNKNOWN_ECOSYSTEM } });
      t.expect.answer(ex, 404);
      t.expect.that(ex, /^text\/plain/.test(ex.headers['content-type'] ?? ''), 'the 404 is plain text, as the list page shows', 'content-type: text/plain');
      t.expect.equal(ex, ex.body.toString('utf8'), `Ecosystem with id ${UNKNOWN_ECOSYSTEM} does not exist.`, 'the 404 text');
    },
  },

  // ---------------------------------------------------------------- info
  {
    api: 'droplit',
    name: 'info: an environment is found by id, by "<ecosystemId>;<alias>", by its alias and by @alias',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-env-ref'],
    async run(t) {
      const env = await create(t, { alias: t.unique('ref'), meta: { $label: 'Ref' } });
      for (const ref of [env.id, `${t.creds.ecosystemId};${env.alias}`, `${t.creds.ecosystemId};@${env.alias}`, env.alias!, `@${env.alias}`]) {
        const ex = await info(t, ref);
        t.expect.answer(ex, 200);
        t.expect.equal(ex, ex.json, env, `info of ${ref}`);
      }
    },
  },
  {
    api: 'droplit',
    name: 'info: an unknown id -> 404 NotFound "Environment Not Found"',
    basis: 'vendor',
    readme: ['rule-droplit-env-ref'],
    async run(t) {
      for (const ref of [UNKNOWN_ENVIRONMENT, `${t.creds.ecosystemId};${t.unique('nobody')}`]) {
        const ex = await info(t, ref);
        t.expect.answer(ex, 404);
        if (ex.json !== undefined) expectError(t, ex, 404, 'NotFound', 'Environment Not Found');
      }
    },
  },
  {
    api: 'droplit',
    name: 'info: a malformed id -> 400 InvalidParams "Environment Invalid", sent as "invalid id"',
    basis: 'vendor',
    readme: ['rule-droplit-env-ref', 'rule-droplit-messages'],
    async run(t) {
      for (const ref of ['not an id', 'a;b;c', 'x'.repeat(65)]) {
        expectError(t, await t.client.call('getEnvironment', { params: { id: ref }, invalid: true }), 400, 'InvalidParams', 'invalid id', 'id');
      }
    },
  },
  {
    api: 'droplit',
    name: 'info, update and delete: a bare alias held in two ecosystems -> 400 InvalidParams "Environment Invalid" ("invalid id")',
    needs: ['writes', 'creds:otherEcosystemId'],
    basis: 'choice',
    readme: ['rule-droplit-env-ref'],
    async run(t) {
      const alias = t.unique('twice');
      const here = await create(t, { alias, meta: { k: 1 } });
      await create(t, { alias, ecosystemId: t.creds.otherEcosystemId! });
      expectError(t, await info(t, alias), 400, 'InvalidParams', 'invalid id', 'id');
      expectError(t, await t.client.call('updateEnvironment', { params: { id: `@${alias}` }, json: { meta: null } }), 400, 'InvalidParams', 'invalid id', 'id');
      expectError(t, await remove(t, alias), 400, 'InvalidParams', 'invalid id', 'id');
      await expectReadBack(t, here.id, here, 'the environment after the refused update and delete');
    },
  },
];
