import type { Scenario } from '../../../contract/scenario';
import type { DroplitCredentials, DroplitNeed } from './credentials';
import { UNKNOWN_ENVIRONMENT, expectError, create, info, remove, readBack, expectReadBack, list, listIds, expectAliasHolders } from './scenarioSupport';

// Droplit update and delete: what a change keeps, and what a removed environment answers.

export const updateScenarios: Scenario<DroplitCredentials, DroplitNeed>[] = [
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
      t.expect.equal(
        after.ex,
        after.items.map((i) => i.id),
        before,
        'the ecosystem after the refused updates',
      );
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
      const ex = await t.client.call('updateEnvironment', {
        params: { id: env.id },
        body: JSON.stringify({ meta: null }),
        headers: { 'content-type': 'text/plain' },
        invalid: true,
      });
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
      t.expect.answer(
        await t.client.call('updateEnvironment', { params: { id: env.id }, json: { meta: { v: 2 } } }),
        404,
        undefined,
        'update of the deleted environment',
      );
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
      expectError(
        t,
        await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, alias } }),
        400,
        'InvalidBody',
        'Alias Exists',
        'alias',
      );
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
