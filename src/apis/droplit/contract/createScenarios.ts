import type { Exchange } from '../../../contract/client';
import type { Scenario } from '../../../contract/scenario';
import type { DroplitCredentials, DroplitNeed } from './credentials';
import {
  type Environment,
  type ListItem,
  UNKNOWN_ECOSYSTEM,
  ENVIRONMENT_ID,
  ISO_TIME,
  UNVERSIONED,
  REQUIRED_MISSING,
  expectError,
  create,
  info,
  nestedMeta,
  expectReadBack,
  list,
  listIds,
  expectNothingStored,
  expectAliasHolders,
  label,
} from './scenarioSupport';

// Droplit create: aliases unique per ecosystem, meta and its system prefix, both path prefixes.

export const createScenarios: Scenario<DroplitCredentials, DroplitNeed>[] = [
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
      const form = await t.client.call('createEnvironment', {
        body: `ecosystemId=${t.creds.ecosystemId}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        invalid: true,
      });
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
      t.expect.that(
        ex,
        ex.json.errors.every((e: { message: string }) => e.message === 'No Query String Allowed'),
        'only the query string is reported',
      );
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
      t.expect.answer(
        await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: nestedMeta(99) } }),
        200,
        { id: env.id },
        '99 levels are accepted',
      );
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
      const ex = await t.client.call('createEnvironment', {
        body: `{"ecosystemId": "${t.creds.ecosystemId}",`,
        headers: { 'content-type': 'application/json' },
        invalid: true,
      });
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
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias, meta: { i } } })),
      );
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
      const ex = await t.client.call('createEnvironment', {
        json: { ecosystemId: t.creds.ecosystemId, meta: { sys_label: name, color: 'red', nested: { sys_inner: 1 } } },
        headers,
      });
      t.expect.answer(ex, 201);
      t.expect.equal(ex, ex.json.meta, { sys_label: name, color: 'red', nested: { sys_inner: 1 } }, 'meta in the response to the request with the header');
      const stored = { $label: name, color: 'red', nested: { sys_inner: 1 } };
      await expectReadBack(t, ex.json.id, stored, 'meta read back without the header (top-level keys only are translated)', (e) => e.meta);
      const found = await list(t, `eq(meta.$label, ${JSON.stringify(name)})`);
      t.expect.equal(
        found.ex,
        found.items.map((i) => i.id),
        [ex.json.id],
        'the list filtered on meta.$label',
      );
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
      const alone = await t.client.call('createEnvironment', {
        json: { ecosystemId: t.creds.ecosystemId, meta: { meta_note: 'C' } },
        headers: { 'x-system-meta-prefix': 'meta_' },
      });
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
      const ex = await t.client.call('updateEnvironment', {
        params: { id: env.id },
        json: { meta: { app_label: 'After', n: 1 } },
        headers: { 'x-system-metadata-prefix': 'app_' },
      });
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
      t.expect.that(
        listed,
        listed.json.items.some((i: ListItem) => i.id === id),
        'the unversioned list holds the environment',
      );
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
];
