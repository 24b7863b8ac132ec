import type { CallInit } from '../../../contract/client';
import type { Scenario } from '../../../contract/scenario';
import type { DroplitCredentials, DroplitNeed } from './credentials';
import { type ListItem, UNKNOWN_ENVIRONMENT, expectError, create, info, remove, expectReadBack, listIds, expectNothingStored, label } from './scenarioSupport';

// Droplit authentication: which tokens each environment operation accepts, and how it refuses the rest.

export const authScenarios: Scenario<DroplitCredentials, DroplitNeed>[] = [
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
      t.expect.that(
        listed,
        listed.json.items.some((i: ListItem) => i.id === env.id),
        'the list holds the new environment',
      );
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
];
