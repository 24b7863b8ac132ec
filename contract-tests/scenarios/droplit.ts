import type { CallInit, Exchange } from '../lib/client';
import { matches, type Scenario, type ScenarioContext } from '../lib/scenario';

// Droplit environments: the rules of the spec's operation descriptions, one scenario each.

type T = ScenarioContext<'droplit'>;

interface Environment {
  createdAt: string;
  ecosystemId: string;
  id: string;
  alias?: string;
  meta: Record<string, unknown> | null;
}

/** Well-formed references that name nothing, on standin and (by their zeros) on a live ecosystem. */
const UNKNOWN_ENVIRONMENT = 'E000000000000000000000000';
const UNKNOWN_ECOSYSTEM = 'C000000000000000000000000';
/** What standin generates; the spec keeps the pattern looser for ids of the real service. */
const ENVIRONMENT_ID = /^E[0-9a-f]{24}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UNVERSIONED = '/api/environments';
/** The devices-create wire text for absent required body fields, which create sends for a missing ecosystemId. */
const REQUIRED_MISSING = 'required properties are missing: ecosystemId';
/** The list page's Filter Invalid message for `filter=invalid`, word for word. */
const VENDOR_FILTER_INVALID =
  "Invalid input 'invalid' from filter 'invalid'. Expected 'AND','OR','NOR','NOT','EQUALS','NOTEQUALS','LESSTHAN','LESSTHANOREQUAL'," +
  "'GREATERTHAN','GREATERTHANOREQUAL','IN','NOTIN','TYPE','EXISTS','NOTEXISTS','CONTAINS','NCONTAINS' after ''";

/** Every Droplit error is {errorType, errors:[{in?, path, message}]}; this one must name `message` (at `path`). */
function expectError(t: T, ex: Exchange, status: number, errorType: string, message: string | RegExp, path?: string) {
  t.expect.answer(ex, status, { errorType });
  const items: any[] = Array.isArray(ex.json?.errors) ? ex.json.errors : [];
  const wanted = `errors[] has an entry${path === undefined ? '' : ` at path '${path}'`} with message ${message}`;
  t.expect.that(ex, items.some((e) => matches(e?.message, message) && (path === undefined || e?.path === path)), wanted, `${status} {errorType:${errorType}, errors:[{path:${path ?? '…'}, message:${message}}]}`);
}

async function create(t: T, body: Record<string, unknown> = {}, init: CallInit = {}): Promise<Environment> {
  const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, ...body }, ...init });
  t.expect.answer(ex, 201, undefined, 'setup: create an environment');
  return ex.json as Environment;
}

async function info(t: T, id: string): Promise<Exchange> {
  return t.client.call('getEnvironment', { params: { id } });
}

async function remove(t: T, id: string, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('deleteEnvironment', { params: { id }, ...init });
}

/** `meta` nesting `levels` objects deep, counting meta itself as level 1. */
function nestedMeta(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

/** The environment as info returns it now. */
async function readBack(t: T, id: string): Promise<{ ex: Exchange; env: Environment }> {
  const ex = await info(t, id);
  t.expect.answer(ex, 200, { id }, 'read back by info');
  return { ex, env: ex.json as Environment };
}

/** Info of `id` (or the part `pick` selects) equals `expected`. */
async function expectReadBack(t: T, id: string, expected: unknown, what: string, pick: (env: Environment) => unknown = (env) => env) {
  const { ex, env } = await readBack(t, id);
  t.expect.equal(ex, pick(env), expected, what);
}

async function list(t: T, filter?: string): Promise<{ ex: Exchange; items: any[] }> {
  const ex = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, ...(filter === undefined ? {} : { filter }) } });
  t.expect.answer(ex, 200, undefined, 'list the ecosystem');
  return { ex, items: Array.isArray(ex.json?.items) ? ex.json.items : [] };
}

async function listIds(t: T): Promise<string[]> {
  return (await list(t)).items.map((i) => i.id);
}

/** A refused request stores nothing: the ecosystem lists the same environments as before. */
async function expectNothingStored(t: T, before: string[], refused: Exchange) {
  const after = await list(t);
  t.expect.equal(after.ex, after.items.map((i) => i.id), before, `after the refused ${refused.operationId} (${refused.status}) the ecosystem's environments`);
}

/** The environments holding `alias` in the ecosystem (read with a list filter) are exactly `expected` (ids, or `pick`ed). */
async function expectAliasHolders(t: T, alias: string, expected: unknown[], pick: (item: any) => unknown = (item) => item.id) {
  const { ex, items } = await list(t, `eq(alias, ${JSON.stringify(alias)})`);
  t.expect.equal(ex, items.map(pick), expected, `the environments with alias ${alias}`);
}

const label = (t: T, what: string) => `${what} ${t.unique('l')}`;

export const droplitScenarios: Scenario<'droplit'>[] = [
  // ---------------------------------------------------------------- auth
  {
    api: 'droplit',
    name: 'auth: no authorization header -> 401 Unauthorized, on all five operations',
    basis: 'vendor',
    readme: ['rule-droplit-auth', 'rule-droplit-errors'],
    async run(t) {
      const calls: Array<[string, CallInit]> = [
        ['createEnvironment', { json: { ecosystemId: t.creds.ecosystemId } }],
        ['listEnvironments', { query: { ecosystemId: t.creds.ecosystemId } }],
        ['getEnvironment', { params: { id: UNKNOWN_ENVIRONMENT } }],
        ['updateEnvironment', { params: { id: UNKNOWN_ENVIRONMENT }, json: {} }],
        ['deleteEnvironment', { params: { id: UNKNOWN_ENVIRONMENT } }],
      ];
      for (const [op, init] of calls) expectError(t, await t.client.call(op, { ...init, auth: false, invalid: true }), 401, 'Unauthorized', /./);
    },
  },
  {
    api: 'droplit',
    name: 'auth: an unknown token -> 401 Unauthorized, on all five operations, nothing stored',
    basis: 'vendor',
    readme: ['rule-droplit-auth', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const auth = { token: `not-a-droplit-token-${t.unique()}` };
      const created = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias: t.unique('a') }, auth });
      expectError(t, created, 401, 'Unauthorized', /./);
      expectError(t, await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId }, auth }), 401, 'Unauthorized', /./);
      expectError(t, await t.client.call('getEnvironment', { params: { id: UNKNOWN_ENVIRONMENT }, auth }), 401, 'Unauthorized', /./);
      expectError(t, await t.client.call('updateEnvironment', { params: { id: UNKNOWN_ENVIRONMENT }, json: {}, auth }), 401, 'Unauthorized', /./);
      expectError(t, await remove(t, UNKNOWN_ENVIRONMENT, { auth }), 401, 'Unauthorized', /./);
      await expectNothingStored(t, before, created);
    },
  },
  {
    api: 'droplit',
    name: 'auth: a "Bearer " prefix before the token is tolerated (create 201, info 200)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-auth'],
    async run(t) {
      const auth = { token: `Bearer ${t.creds.accountToken}` };
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId }, auth });
      t.expect.answer(ex, 201, { ecosystemId: t.creds.ecosystemId });
      t.expect.answer(await t.client.call('getEnvironment', { params: { id: ex.json.id }, auth }), 200, { id: ex.json.id });
    },
  },
  {
    api: 'droplit',
    name: 'auth: create needs an account token: a user token -> 403 Forbidden, nothing stored',
    needs: ['writes', 'scoped-tokens'],
    basis: 'vendor',
    readme: ['rule-droplit-token-types', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const alias = t.unique('user');
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias }, auth: { token: t.creds.userToken! } });
      expectError(t, ex, 403, 'Forbidden', /./);
      await expectNothingStored(t, before, ex);
    },
  },
  {
    api: 'droplit',
    name: 'auth: a user token may list, read, update and delete',
    needs: ['writes', 'scoped-tokens'],
    basis: 'choice',
    readme: ['rule-droplit-token-types'],
    async run(t) {
      const env = await create(t);
      const auth = { token: t.creds.userToken! };
      const listed = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId }, auth });
      t.expect.answer(listed, 200);
      t.expect.that(listed, listed.json.items.some((i: any) => i.id === env.id), 'the list holds the new environment');
      t.expect.answer(await t.client.call('getEnvironment', { params: { id: env.id }, auth }), 200, { id: env.id });
      const meta = { $label: label(t, 'by user') };
      t.expect.answer(await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta }, auth }), 200, { id: env.id, meta });
      t.expect.answer(await remove(t, env.id, { auth }), 200);
      t.expect.answer(await info(t, env.id), 404, undefined, 'the environment the user token deleted');
    },
  },
  {
    api: 'droplit',
    name: 'auth: a server token may list, read, update and delete but not create -> 403 Forbidden',
    needs: ['writes', 'creds:serverToken'],
    basis: 'choice',
    readme: ['rule-droplit-token-types'],
    async run(t) {
      const auth = { token: t.creds.serverToken! };
      expectError(t, await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId }, auth }), 403, 'Forbidden', /./);
      const env = await create(t);
      t.expect.answer(await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId }, auth }), 200);
      t.expect.answer(await t.client.call('getEnvironment', { params: { id: env.id }, auth }), 200, { id: env.id });
      t.expect.answer(await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: { k: 1 } }, auth }), 200, { meta: { k: 1 } });
      t.expect.answer(await remove(t, env.id, { auth }), 200);
    },
  },
  {
    api: 'droplit',
    name: 'auth: a client token -> 403 Forbidden on all five operations, nothing changed',
    needs: ['writes', 'creds:clientToken'],
    basis: 'choice',
    readme: ['rule-droplit-token-types', 'rule-droplit-nothing-stored'],
    async run(t) {
      const env = await create(t, { alias: t.unique('a'), meta: { k: 'v' } });
      const before = await listIds(t);
      const auth = { token: t.creds.clientToken! };
      const created = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId }, auth });
      expectError(t, created, 403, 'Forbidden', /./);
      expectError(t, await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId }, auth }), 403, 'Forbidden', /./);
      expectError(t, await t.client.call('getEnvironment', { params: { id: env.id }, auth }), 403, 'Forbidden', /./);
      expectError(t, await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias: null, meta: null }, auth }), 403, 'Forbidden', /./);
      expectError(t, await remove(t, env.id, { auth }), 403, 'Forbidden', /./);
      await expectNothingStored(t, before, created);
      await expectReadBack(t, env.id, env, 'the environment after the refused update');
    },
  },

  // ---------------------------------------------------------------- create
  {
    api: 'droplit',
    name: 'create: 201 {createdAt, ecosystemId, id (E + 24 hex), alias, meta}, read back equal via info and list',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-create-201'],
    async run(t) {
      const alias = t.unique('env');
      const meta = { $label: label(t, 'Created'), floor: 2, tags: ['a', 'b'], nested: { x: true } };
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias, meta } });
      t.expect.answer(ex, 201, { ecosystemId: t.creds.ecosystemId, alias, meta, id: ENVIRONMENT_ID, createdAt: ISO_TIME });
      const env = ex.json as Environment;
      t.expect.equal(ex, Object.keys(env).sort(), ['alias', 'createdAt', 'ecosystemId', 'id', 'meta'], 'the 201 body fields');
      t.expect.equal(ex, Number.isNaN(Date.parse(env.createdAt)), false, 'createdAt is a parseable time');
      await expectReadBack(t, env.id, env, 'info of the new environment');
      const { ex: listed, items } = await list(t);
      const item = items.find((i) => i.id === env.id);
      t.expect.equal(listed, item, { ...env, edgeIds: [] }, 'the list item of the new environment');
    },
  },
  {
    api: 'droplit',
    name: 'create: without alias or meta -> 201 with meta {} and no alias',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-create-201'],
    async run(t) {
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId } });
      t.expect.answer(ex, 201, { ecosystemId: t.creds.ecosystemId, meta: {}, id: ENVIRONMENT_ID });
      t.expect.that(ex, !('alias' in ex.json), 'no alias field when none was given');
      await expectReadBack(t, ex.json.id, ex.json, 'info of the new environment');
    },
  },
  {
    api: 'droplit',
    name: 'create: a content type other than application/json (or no body) -> 400 InvalidParams "required properties are missing: ecosystemId" at #, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-body-missing', 'rule-droplit-messages', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const body = JSON.stringify({ ecosystemId: t.creds.ecosystemId, alias: t.unique('txt') });
      const text = await t.client.call('createEnvironment', { body, headers: { 'content-type': 'text/plain' }, invalid: true });
      expectError(t, text, 400, 'InvalidParams', REQUIRED_MISSING, '#');
      const form = await t.client.call('createEnvironment', { body: `ecosystemId=${t.creds.ecosystemId}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, invalid: true });
      expectError(t, form, 400, 'InvalidParams', REQUIRED_MISSING, '#');
      const none = await t.client.call('createEnvironment', { invalid: true });
      expectError(t, none, 400, 'InvalidParams', REQUIRED_MISSING, '#');
      await expectNothingStored(t, before, text);
    },
  },
  {
    api: 'droplit',
    name: 'create: no ecosystemId -> 400 InvalidParams "required properties are missing: ecosystemId" at #, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-body-missing', 'rule-droplit-messages', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const ex = await t.client.call('createEnvironment', { json: { alias: t.unique('noeco'), meta: { k: 1 } }, invalid: true });
      expectError(t, ex, 400, 'InvalidParams', REQUIRED_MISSING, '#');
      await expectNothingStored(t, before, ex);
    },
  },
  {
    api: 'droplit',
    name: 'create: an ecosystemId that is empty or not a string -> 400 InvalidParams "Body Parameters Missing" at ecosystemId, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-body-missing', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      let last: Exchange | undefined;
      for (const ecosystemId of ['', 42, null]) {
        last = await t.client.call('createEnvironment', { json: { ecosystemId, alias: t.unique('badeco') }, invalid: true });
        expectError(t, last, 400, 'InvalidParams', 'Body Parameters Missing', 'ecosystemId');
      }
      await expectNothingStored(t, before, last!);
    },
  },
  {
    api: 'droplit',
    name: 'create: any query string -> 400 InvalidParams "No Query String Allowed", one entry per parameter, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-no-query', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const json = { ecosystemId: t.creds.ecosystemId, alias: t.unique('q') };
      const one = await t.client.call('createEnvironment', { json, query: { ecosystemId: t.creds.ecosystemId } });
      expectError(t, one, 400, 'InvalidParams', 'No Query String Allowed', 'ecosystemId');
      const two = await t.client.call('createEnvironment', { json, query: { a: '1', b: 'x' } });
      expectError(t, two, 400, 'InvalidParams', 'No Query String Allowed', 'a');
      expectError(t, two, 400, 'InvalidParams', 'No Query String Allowed', 'b');
      t.expect.equal(two, two.json.errors.length, 2, 'one errors[] entry per query parameter');
      await expectNothingStored(t, before, two);
    },
  },
  {
    api: 'droplit',
    name: 'create: the query string is refused before the body is looked at',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-no-query'],
    async run(t) {
      const ex = await t.client.call('createEnvironment', { json: { alias: 'not valid!' }, query: { debug: '1' }, invalid: true });
      expectError(t, ex, 400, 'InvalidParams', 'No Query String Allowed', 'debug');
      t.expect.that(ex, ex.json.errors.every((e: any) => e.message === 'No Query String Allowed'), 'only the query string is reported');
    },
  },
  {
    api: 'droplit',
    name: 'create: an alias not matching ^[A-Za-z0-9_]{1,24}$ -> 400 InvalidParams "Alias Invalid", nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-invalid', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      let last: Exchange | undefined;
      for (const alias of ['has space', 'dash-ed', 'x'.repeat(25), '', 'ümlaut', 42]) {
        last = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias }, invalid: true });
        expectError(t, last, 400, 'InvalidParams', 'Alias Invalid', 'alias');
      }
      await expectNothingStored(t, before, last!);
      // The longest valid alias is accepted: the limit is 24, not less.
      await create(t, { alias: `${t.unique('max')}${'_'.repeat(24)}`.slice(0, 24) });
    },
  },
  {
    api: 'droplit',
    name: 'create: an alias already used in the ecosystem -> 400 InvalidBody "Alias Exists", nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-exists', 'rule-droplit-nothing-stored'],
    async run(t) {
      const alias = t.unique('dup');
      const first = await create(t, { alias, meta: { n: 1 } });
      const before = await listIds(t);
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias, meta: { n: 2 } } });
      expectError(t, ex, 400, 'InvalidBody', 'Alias Exists', 'alias');
      await expectNothingStored(t, before, ex);
      await expectAliasHolders(t, alias, [[first.id, { n: 1 }]], (h) => [h.id, h.meta]);
    },
  },
  {
    api: 'droplit',
    name: 'create: aliases are case-sensitive (Abc and abc may coexist)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-exists'],
    async run(t) {
      const alias = t.unique('case');
      const lower = await create(t, { alias: alias.toLowerCase() });
      const upper = await create(t, { alias: alias.toUpperCase() });
      t.expect.that(undefined, lower.id !== upper.id, 'two environments were created', 'two distinct ids');
      await expectReadBack(t, upper.id, alias.toUpperCase(), 'the upper-case alias', (e) => e.alias);
    },
  },
  {
    api: 'droplit',
    name: 'create: the same alias in another ecosystem is fine (uniqueness is per ecosystem)',
    needs: ['writes', 'creds:otherEcosystemId'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-exists'],
    async run(t) {
      const alias = t.unique('eco');
      const here = await create(t, { alias });
      const there = await create(t, { alias, ecosystemId: t.creds.otherEcosystemId! });
      t.expect.answer(await info(t, `${t.creds.otherEcosystemId!};${alias}`), 200, { id: there.id });
      t.expect.answer(await info(t, `${t.creds.ecosystemId};${alias}`), 200, { id: here.id });
    },
  },
  {
    api: 'droplit',
    name: 'create: meta that is not a JSON object -> 400 InvalidParams "Metadata Format Invalid", nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-meta-invalid', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      let last: Exchange | undefined;
      for (const meta of [null, [], ['a'], 'label', 7, true]) {
        last = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias: t.unique('m'), meta }, invalid: true });
        expectError(t, last, 400, 'InvalidParams', 'Metadata Format Invalid', 'meta');
      }
      await expectNothingStored(t, before, last!);
    },
  },
  {
    api: 'droplit',
    name: 'create and update: meta nested 2,000 levels deep -> 400 InvalidParams "Metadata Format Invalid", nothing stored or changed (standin limit: 99 levels)',
    needs: ['writes', 'standin'],
    basis: 'choice',
    readme: ['rule-droplit-meta-invalid', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const alias = t.unique('deep');
      const created = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias, meta: nestedMeta(2000) } });
      expectError(t, created, 400, 'InvalidParams', 'Metadata Format Invalid', 'meta');
      await expectNothingStored(t, before, created);
      const env = await create(t, { alias, meta: { v: 1 } });
      const updated = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: nestedMeta(100) } });
      expectError(t, updated, 400, 'InvalidParams', 'Metadata Format Invalid', 'meta');
      await expectReadBack(t, env.id, env, 'the environment after the refused update');
      t.expect.answer(await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: nestedMeta(99) } }), 200, { id: env.id }, '99 levels are accepted');
    },
  },
  {
    api: 'droplit',
    name: 'create: an unknown ecosystem -> 404 NotFound "Ecosystem Missing", nothing stored (the ecosystem is not created)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-ecosystem-missing', 'rule-droplit-nothing-stored'],
    async run(t) {
      const alias = t.unique('lost');
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: UNKNOWN_ECOSYSTEM, alias } });
      expectError(t, ex, 404, 'NotFound', 'Ecosystem Missing');
      const listed = await t.client.call('listEnvironments', { query: { ecosystemId: UNKNOWN_ECOSYSTEM } });
      t.expect.answer(listed, 404, undefined, 'the unknown ecosystem still does not exist');
      t.expect.answer(await info(t, `${UNKNOWN_ECOSYSTEM};${alias}`), 404);
    },
  },
  {
    api: 'droplit',
    name: 'create: a body that is not valid JSON -> 400 InvalidBody (JSON, not an HTML page), nothing stored',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-errors', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const ex = await t.client.call('createEnvironment', { body: `{"ecosystemId": "${t.creds.ecosystemId}",`, headers: { 'content-type': 'application/json' }, invalid: true });
      expectError(t, ex, 400, 'InvalidBody', /./);
      await expectNothingStored(t, before, ex);
    },
  },
  {
    api: 'droplit',
    name: 'create: of 30 concurrent creates with one alias exactly one succeeds, the rest get "Alias Exists"',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-exists'],
    async run(t) {
      const alias = t.unique('race');
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias, meta: { i } } })));
      const won = answers.filter((ex) => ex.status === 201);
      t.expect.equal(won[0] ?? answers[0], won.length, 1, 'number of 201 answers');
      for (const ex of answers.filter((a) => a.status !== 201)) expectError(t, ex, 400, 'InvalidBody', 'Alias Exists', 'alias');
      await expectAliasHolders(t, alias, [won[0].json.id]);
    },
  },

  // ---------------------------------------------------------------- system metadata prefix
  {
    api: 'droplit',
    name: 'x-system-metadata-prefix: prefixed keys are stored as $…, that response shows the prefix, later reads show $…',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-meta-prefix'],
    async run(t) {
      const name = label(t, 'Prefixed');
      const headers = { 'x-system-metadata-prefix': 'sys_' };
      const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, meta: { sys_label: name, color: 'red', nested: { sys_inner: 1 } } }, headers });
      t.expect.answer(ex, 201);
      t.expect.equal(ex, ex.json.meta, { sys_label: name, color: 'red', nested: { sys_inner: 1 } }, 'meta in the response to the request with the header');
      const stored = { $label: name, color: 'red', nested: { sys_inner: 1 } };
      await expectReadBack(t, ex.json.id, stored, 'meta read back without the header (top-level keys only are translated)', (e) => e.meta);
      const found = await list(t, `eq(meta.$label, ${JSON.stringify(name)})`);
      t.expect.equal(found.ex, found.items.map((i) => i.id), [ex.json.id], 'the list filtered on meta.$label');
    },
  },
  {
    api: 'droplit',
    name: 'x-system-metadata-prefix wins over x-system-meta-prefix, which is honoured alone too',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-meta-prefix'],
    async run(t) {
      const both = await t.client.call('createEnvironment', {
        json: { ecosystemId: t.creds.ecosystemId, meta: { sys_label: 'A', meta_note: 'B' } },
        headers: { 'x-system-metadata-prefix': 'sys_', 'x-system-meta-prefix': 'meta_' },
      });
      t.expect.answer(both, 201, { meta: { sys_label: 'A', meta_note: 'B' } });
      await expectReadBack(t, both.json.id, { $label: 'A', meta_note: 'B' }, 'meta stored when both headers are sent', (e) => e.meta);
      const alone = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, meta: { meta_note: 'C' } }, headers: { 'x-system-meta-prefix': 'meta_' } });
      t.expect.answer(alone, 201, { meta: { meta_note: 'C' } });
      await expectReadBack(t, alone.json.id, { $note: 'C' }, 'meta stored with x-system-meta-prefix alone', (e) => e.meta);
    },
  },
  {
    api: 'droplit',
    name: 'x-system-metadata-prefix: the default $. (sent or not) stores and returns meta keys as sent',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-meta-prefix'],
    async run(t) {
      const meta = { $label: 'Hall', sys_label: 'kept', '$.odd': 1 };
      const variants: Array<Record<string, string>> = [{}, { 'x-system-metadata-prefix': '$.' }];
      for (const headers of variants) {
        const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, meta }, headers });
        t.expect.answer(ex, 201, { meta });
        t.expect.equal(ex, Object.keys(ex.json.meta).sort(), Object.keys(meta).sort(), 'the meta keys in the response');
        await expectReadBack(t, ex.json.id, meta, 'meta read back', (e) => e.meta);
      }
    },
  },
  {
    api: 'droplit',
    name: 'x-system-metadata-prefix on update: translated on the way in, shown with the prefix in that response only',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-meta-prefix'],
    async run(t) {
      const env = await create(t, { meta: { $label: 'Before' } });
      const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: { app_label: 'After', n: 1 } }, headers: { 'x-system-metadata-prefix': 'app_' } });
      t.expect.answer(ex, 200, { id: env.id });
      t.expect.equal(ex, ex.json.meta, { app_label: 'After', n: 1 }, 'meta in the update response');
      await expectReadBack(t, env.id, { $label: 'After', n: 1 }, 'meta read back without the header', (e) => e.meta);
    },
  },

  // ---------------------------------------------------------------- both path prefixes
  {
    api: 'droplit',
    name: 'both /v0/api/environments and /api/environments answer (create, list, info, update, delete)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-paths'],
    async run(t) {
      const alias = t.unique('path');
      const made = await t.client.call('createEnvironment', { path: UNVERSIONED, json: { ecosystemId: t.creds.ecosystemId, alias }, invalid: true });
      t.expect.answer(made, 201, { alias, ecosystemId: t.creds.ecosystemId, id: ENVIRONMENT_ID });
      const id: string = made.json.id;
      const listed = await t.client.call('listEnvironments', { path: UNVERSIONED, query: { ecosystemId: t.creds.ecosystemId }, invalid: true });
      t.expect.answer(listed, 200);
      t.expect.that(listed, listed.json.items.some((i: any) => i.id === id), 'the unversioned list holds the environment');
      t.expect.answer(await t.client.call('getEnvironment', { path: `${UNVERSIONED}/${id}`, invalid: true }), 200, { id, alias });
      const meta = { $label: label(t, 'Unversioned') };
      t.expect.answer(await t.client.call('updateEnvironment', { path: `${UNVERSIONED}/${id}`, json: { meta }, invalid: true }), 200, { id, meta });
      // The versioned form sees what the unversioned one wrote, and the other way round.
      await expectReadBack(t, id, meta, 'meta read back on /v0', (e) => e.meta);
      const versioned = await create(t);
      t.expect.answer(await t.client.call('getEnvironment', { path: `${UNVERSIONED}/${versioned.id}`, invalid: true }), 200, versioned);
      t.expect.answer(await t.client.call('deleteEnvironment', { path: `${UNVERSIONED}/${versioned.id}`, invalid: true }), 200);
      t.expect.answer(await info(t, versioned.id), 404, undefined, 'info on /v0 after the delete on /api');
    },
  },

  // ---------------------------------------------------------------- list
  {
    api: 'droplit',
    name: 'list: the ecosystem\'s environments in creation order, each with edgeIds []',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-list-order'],
    async run(t) {
      const made = [await create(t, { alias: t.unique('o1') }), await create(t), await create(t, { alias: t.unique('o3') })];
      const { ex, items } = await list(t);
      const ids = items.map((i) => i.id);
      const mine = ids.filter((id) => made.some((m) => m.id === id));
      t.expect.equal(ex, mine, made.map((m) => m.id), 'the new environments in list order');
      for (const item of items) t.expect.that(ex, Array.isArray(item.edgeIds) && item.edgeIds.length === 0, `item ${item.id} has edgeIds []`);
      t.expect.that(ex, items.every((i) => i.ecosystemId === t.creds.ecosystemId), 'every item is in the listed ecosystem');
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
        t.expect.equal(ex, items.map((i) => i.id), expected.map((e) => e.id), `items for filter ${filter}`);
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
        t.expect.equal(ex, items.map((i) => i.id), expected.map((e) => e.id), `items for filter ${filter}`);
      }
    },
  },
  {
    api: 'droplit',
    name: 'list: filter=invalid -> 400 InvalidBody with the vendor\'s "Invalid input \'invalid\' from filter \'invalid\'. Expected \'AND\',… after \'\'" text',
    basis: 'vendor',
    readme: ['rule-droplit-filter-invalid', 'rule-droplit-messages'],
    async run(t) {
      const ex = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: 'invalid' } });
      expectError(t, ex, 400, 'InvalidBody', VENDOR_FILTER_INVALID, 'query');
    },
  },
  {
    api: 'droplit',
    name: 'list: a filter that does not parse -> 400 InvalidBody "Invalid input \'<token>\' from filter \'<filter>\'. Expected …"',
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
      t.expect.answer(await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, filter: nest(30) } }), 200, undefined, '31 nested operators are accepted');
    },
  },
  {
    api: 'droplit',
    name: 'list: a missing or malformed ecosystemId -> 400 InvalidParams "invalid id"',
    basis: 'vendor',
    readme: ['rule-droplit-list-ecosystem', 'rule-droplit-messages'],
    async run(t) {
      expectError(t, await t.client.call('listEnvironments', { invalid: true }), 400, 'InvalidParams', 'invalid id', 'ecosystemId');
      expectError(t, await t.client.call('listEnvironments', { query: { ecosystemId: 'not an id!' }, invalid: true }), 400, 'InvalidParams', 'invalid id', 'ecosystemId');
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

  // ---------------------------------------------------------------- update
  {
    api: 'droplit',
    name: 'update: 200 with the environment; meta replaces, fields left out stay; read back equal',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-update'],
    async run(t) {
      const env = await create(t, { alias: t.unique('u'), meta: { $label: 'Old', keep: false } });
      const alias = t.unique('u2');
      const renamed = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias } });
      t.expect.answer(renamed, 200);
      t.expect.equal(renamed, renamed.json, { ...env, alias }, 'after changing only the alias');
      const meta = { $label: 'New' };
      const remeta = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta } });
      t.expect.equal(remeta, remeta.json, { ...env, alias, meta }, 'after changing only meta (the old keys are gone)');
      const noop = await t.client.call('updateEnvironment', { params: { id: env.id }, json: {} });
      t.expect.answer(noop, 200);
      t.expect.equal(noop, noop.json, { ...env, alias, meta }, 'after an empty update');
      await expectReadBack(t, env.id, { ...env, alias, meta }, 'info after the updates');
      await expectAliasHolders(t, env.alias!, []);
    },
  },
  {
    api: 'droplit',
    name: 'update: an alias used by another environment in the ecosystem -> 400 InvalidBody "Alias Exists", nothing changed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-exists', 'rule-droplit-nothing-stored'],
    async run(t) {
      const taken = await create(t, { alias: t.unique('taken') });
      const env = await create(t, { alias: t.unique('mine'), meta: { v: 1 } });
      const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias: taken.alias, meta: { v: 2 } } });
      expectError(t, ex, 400, 'InvalidBody', 'Alias Exists', 'alias');
      await expectReadBack(t, env.id, env, 'the environment after the refused update (alias and meta)');
      await expectReadBack(t, taken.id, taken, 'the environment that holds the alias');
      // Setting an environment's own alias again is not a conflict.
      const same = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias: env.alias } });
      t.expect.answer(same, 200, { id: env.id, alias: env.alias });
    },
  },
  {
    api: 'droplit',
    name: 'update: an invalid alias -> 400 InvalidParams "Alias Invalid", nothing changed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-alias-invalid', 'rule-droplit-nothing-stored'],
    async run(t) {
      const env = await create(t, { alias: t.unique('ok'), meta: { v: 1 } });
      for (const alias of ['has space', 'x'.repeat(25), '', 'semi;colon']) {
        const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias, meta: { v: 2 } }, invalid: true });
        expectError(t, ex, 400, 'InvalidParams', 'Alias Invalid', 'alias');
      }
      await expectReadBack(t, env.id, env, 'the environment after the refused updates');
    },
  },
  {
    api: 'droplit',
    name: 'update: meta neither an object nor null -> 400 InvalidParams "Metadata Format Invalid", nothing changed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-meta-invalid', 'rule-droplit-nothing-stored'],
    async run(t) {
      const env = await create(t, { alias: t.unique('mf'), meta: { v: 1 } });
      for (const meta of [[], 'text', 3, false]) {
        const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta, alias: t.unique('n') }, invalid: true });
        expectError(t, ex, 400, 'InvalidParams', 'Metadata Format Invalid', 'meta');
      }
      await expectReadBack(t, env.id, env, 'the environment after the refused updates');
    },
  },
  {
    api: 'droplit',
    name: 'update: alias null removes the alias and frees it for another environment',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-update'],
    async run(t) {
      const alias = t.unique('free');
      const env = await create(t, { alias, meta: { v: 1 } });
      const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { alias: null } });
      t.expect.answer(ex, 200, { id: env.id, meta: { v: 1 } });
      t.expect.that(ex, !('alias' in ex.json), 'the update response has no alias');
      const back = await readBack(t, env.id);
      t.expect.that(back.ex, !('alias' in back.env), 'info shows no alias after alias: null', 'no alias field');
      t.expect.equal(back.ex, back.env.meta, { v: 1 }, 'meta (left out of the update)');
      const listed = await list(t);
      const item = listed.items.find((i) => i.id === env.id);
      t.expect.that(listed.ex, item !== undefined && !('alias' in item), 'the list item has no alias', 'no alias field');
      t.expect.answer(await info(t, `${t.creds.ecosystemId};${alias}`), 404, undefined, 'the freed alias names nothing');
      const other = await create(t, { alias });
      await expectAliasHolders(t, alias, [other.id]);
    },
  },
  {
    api: 'droplit',
    name: 'update: meta null clears the metadata (then returned as {})',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-update'],
    async run(t) {
      const env = await create(t, { alias: t.unique('clr'), meta: { $label: 'Full', v: 1 } });
      const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: null } });
      t.expect.answer(ex, 200, { id: env.id, alias: env.alias });
      t.expect.equal(ex, ex.json.meta, {}, 'meta in the update response');
      await expectReadBack(t, env.id, { ...env, meta: {} }, 'info after meta: null (alias untouched)');
    },
  },
  {
    api: 'droplit',
    name: 'update: an unknown id -> 404 NotFound "Environment Not Found", nothing created',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-env-ref', 'rule-droplit-nothing-stored'],
    async run(t) {
      const before = await listIds(t);
      const alias = t.unique('ghost');
      for (const ref of [UNKNOWN_ENVIRONMENT, `${t.creds.ecosystemId};${t.unique('nobody')}`]) {
        const ex = await t.client.call('updateEnvironment', { params: { id: ref }, json: { alias, meta: { v: 1 } } });
        t.expect.answer(ex, 404);
        if (ex.json !== undefined) expectError(t, ex, 404, 'NotFound', 'Environment Not Found');
      }
      const after = await list(t);
      t.expect.equal(after.ex, after.items.map((i) => i.id), before, 'the ecosystem after the refused updates');
      t.expect.answer(await info(t, UNKNOWN_ENVIRONMENT), 404, undefined, 'the unknown id still names nothing');
    },
  },
  {
    api: 'droplit',
    name: 'update: a content type other than application/json -> 400 InvalidParams "Body Parameters Missing", nothing changed',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-body-missing', 'rule-droplit-nothing-stored'],
    async run(t) {
      const env = await create(t, { alias: t.unique('ct'), meta: { v: 1 } });
      const ex = await t.client.call('updateEnvironment', { params: { id: env.id }, body: JSON.stringify({ meta: null }), headers: { 'content-type': 'text/plain' }, invalid: true });
      expectError(t, ex, 400, 'InvalidParams', 'Body Parameters Missing');
      await expectReadBack(t, env.id, env, 'the environment after the refused update');
    },
  },

  // ---------------------------------------------------------------- delete
  {
    api: 'droplit',
    name: 'delete: 200 with no body; info, update, list and a second delete then find nothing',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-delete'],
    async run(t) {
      const env = await create(t, { alias: t.unique('del'), meta: { v: 1 } });
      const ex = await remove(t, env.id);
      t.expect.answer(ex, 200);
      t.expect.equal(ex, ex.body.length, 0, 'the 200 body length (the devices-delete page: no content)');
      t.expect.answer(await info(t, env.id), 404, undefined, 'info of the deleted environment');
      t.expect.answer(await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: { v: 2 } } }), 404, undefined, 'update of the deleted environment');
      const again = await remove(t, env.id);
      t.expect.answer(again, 404, undefined, 'a second delete');
      if (again.json !== undefined) expectError(t, again, 404, 'NotFound', 'Environment Not Found');
      const { ex: listed, items } = await list(t);
      t.expect.that(listed, !items.some((i) => i.id === env.id), 'the list no longer holds the deleted environment');
    },
  },
  {
    api: 'droplit',
    name: 'delete: frees the alias, so a create with it in the same ecosystem is 201 again',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-delete', 'rule-droplit-alias-exists'],
    async run(t) {
      const alias = t.unique('reuse');
      const first = await create(t, { alias });
      expectError(t, await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias } }), 400, 'InvalidBody', 'Alias Exists', 'alias');
      t.expect.answer(await remove(t, first.id), 200);
      const second = await create(t, { alias });
      t.expect.that(undefined, second.id !== first.id, 'the new environment has a new id', 'a fresh id');
      await expectAliasHolders(t, alias, [second.id]);
    },
  },
  {
    api: 'droplit',
    name: 'delete: by "<ecosystemId>;<alias>", by alias and by @alias',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-droplit-env-ref', 'rule-droplit-delete'],
    async run(t) {
      const forms = [(alias: string) => `${t.creds.ecosystemId};${alias}`, (alias: string) => alias, (alias: string) => `@${alias}`];
      for (const form of forms) {
        const env = await create(t, { alias: t.unique('ref') });
        const ref = form(env.alias!);
        t.expect.answer(await remove(t, ref), 200, undefined, `delete by ${ref}`);
        t.expect.answer(await info(t, env.id), 404, undefined, `info after the delete by ${ref}`);
      }
    },
  },
  {
    api: 'droplit',
    name: 'delete: an unknown id -> 404 NotFound "Environment Not Found"; a malformed one -> 400 InvalidParams "invalid id"',
    basis: 'vendor',
    readme: ['rule-droplit-env-ref', 'rule-droplit-delete'],
    async run(t) {
      for (const ref of [UNKNOWN_ENVIRONMENT, `${t.creds.ecosystemId};${t.unique('nobody')}`]) {
        const ex = await remove(t, ref);
        t.expect.answer(ex, 404);
        if (ex.json !== undefined) expectError(t, ex, 404, 'NotFound', 'Environment Not Found');
      }
      for (const ref of ['not an id', 'a;b;c']) expectError(t, await remove(t, ref, { invalid: true }), 400, 'InvalidParams', 'invalid id', 'id');
    },
  },
  {
    api: 'droplit',
    name: 'delete: any query string -> 400 InvalidParams "No Query String Allowed", nothing deleted',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-droplit-no-query', 'rule-droplit-nothing-stored'],
    async run(t) {
      const env = await create(t, { alias: t.unique('keep') });
      const ex = await remove(t, env.id, { query: { force: 'true' } });
      expectError(t, ex, 400, 'InvalidParams', 'No Query String Allowed', 'force');
      await expectReadBack(t, env.id, env, 'the environment after the refused delete');
    },
  },
];
