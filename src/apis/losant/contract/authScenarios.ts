import type { Scenario } from '../../../contract/scenario';
import type { LosantCredentials, LosantNeed } from './credentials';
import {
  unparseablePems,
  UNKNOWN_ID,
  MALFORMED_IDS,
  collection,
  item,
  expectError,
  expectInvalidToken,
  expectForbidden,
  expectValidation,
  APPLICATION_NOT_FOUND,
  list,
  someCertificateId,
  owning,
  refusedWrites,
} from './scenarioSupport';

// Losant authentication: an invalid token is 401, a token without the scope is 403.

export const authScenarios: Scenario<LosantCredentials, LosantNeed>[] = [
  // ---------------------------------------------------------------- auth: 401
  {
    api: 'losant',
    name: 'auth: no Authorization header -> 401 Unauthorized "Invalid access token" on list and get',
    basis: 'choice',
    readme: ['rule-losant-token'],
    async run(t) {
      const id = await someCertificateId(t);
      expectInvalidToken(t, await t.client.call('listApplicationCertificates', { params: collection(t), auth: false, invalid: true }));
      expectInvalidToken(t, await t.client.call('getApplicationCertificate', { params: item(t, id), auth: false, invalid: true }));
    },
  },
  {
    api: 'losant',
    name: 'auth: no Authorization header -> 401 Unauthorized "Invalid access token" on create, patch and delete, nothing changed',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-token'],
    run: owning(async (t, own) => {
      const mine = await own.create('mine');
      await refusedWrites(t, own, mine, { auth: false, invalid: true }, (ex) => expectInvalidToken(t, ex));
    }),
  },
  {
    api: 'losant',
    name: 'auth: an unknown token -> 401 Unauthorized "Invalid access token" on list and get',
    basis: 'choice',
    readme: ['rule-losant-token'],
    async run(t) {
      const id = await someCertificateId(t);
      const auth = { token: `not-a-losant-token-${t.unique()}` };
      expectInvalidToken(t, await t.client.call('listApplicationCertificates', { params: collection(t), auth }));
      expectInvalidToken(t, await t.client.call('getApplicationCertificate', { params: item(t, id), auth }));
    },
  },
  {
    api: 'losant',
    name: 'auth: an unknown token -> 401 Unauthorized "Invalid access token" on create, patch and delete, nothing changed',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-token'],
    run: owning(async (t, own) => {
      const mine = await own.create('mine');
      await refusedWrites(t, own, mine, { auth: { token: `not-a-losant-token-${t.unique()}` } }, (ex) => expectInvalidToken(t, ex));
    }),
  },
  {
    api: 'losant',
    name: 'auth: a scheme other than Bearer (Basic, or the bare token) -> 401 Unauthorized "Invalid access token"',
    basis: 'choice',
    readme: ['rule-losant-token'],
    async run(t) {
      for (const authorization of [`Basic ${Buffer.from(`user:${t.creds.token}`).toString('base64')}`, t.creds.token, `Token ${t.creds.token}`]) {
        const ex = await t.client.call('listApplicationCertificates', { params: collection(t), auth: false, headers: { authorization }, invalid: true });
        expectInvalidToken(t, ex);
      }
    },
  },

  // ---------------------------------------------------------------- auth: 403 scopes
  {
    api: 'losant',
    name: "scopes: a token without any of the operation's scopes -> 403 Forbidden on list and get",
    needs: ['scoped-tokens'],
    basis: 'choice',
    readme: ['rule-losant-scopes'],
    async run(t) {
      const id = await someCertificateId(t);
      const auth = { token: t.creds.noScopeToken! };
      expectForbidden(t, await t.client.call('listApplicationCertificates', { params: collection(t), auth }));
      expectForbidden(t, await t.client.call('getApplicationCertificate', { params: item(t, id), auth }));
    },
  },
  {
    api: 'losant',
    name: "scopes: a token without any of the operation's scopes -> 403 Forbidden on create, patch and delete, nothing changed",
    needs: ['writes', 'scoped-tokens'],
    basis: 'choice',
    readme: ['rule-losant-scopes'],
    run: owning(async (t, own) => {
      const mine = await own.create('mine');
      await refusedWrites(t, own, mine, { auth: { token: t.creds.noScopeToken! } }, (ex) => expectForbidden(t, ex));
    }),
  },
  {
    api: 'losant',
    name: 'scopes: the read-only token may list and get (200, the same data as the full token)',
    needs: ['scoped-tokens'],
    basis: 'vendor',
    readme: ['rule-losant-scopes'],
    async run(t) {
      const auth = { token: t.creds.readToken! };
      const full = await list(t, { perPage: 5 });
      const listed = await t.client.call('listApplicationCertificates', { params: collection(t), query: { perPage: 5 }, auth });
      t.expect.answer(listed, 200, { totalCount: full.ex.json.totalCount });
      t.expect.equal(listed, listed.json.items, full.items, 'the items the read-only token lists');
      const id = full.items[0]?.id;
      if (!id) return;
      const got = await t.client.call('getApplicationCertificate', { params: item(t, id), auth });
      t.expect.answer(got, 200, { id });
      t.expect.equal(got, got.json, full.items[0], 'the certificate the read-only token gets');
    },
  },
  {
    api: 'losant',
    name: 'scopes: the read-only token is refused create, patch and delete -> 403 Forbidden, nothing changed',
    needs: ['writes', 'scoped-tokens'],
    basis: 'choice',
    readme: ['rule-losant-scopes'],
    run: owning(async (t, own) => {
      const mine = await own.create('mine');
      await refusedWrites(t, own, mine, { auth: { token: t.creds.readToken! } }, (ex) => expectForbidden(t, ex));
    }),
  },
  {
    api: 'losant',
    name: 'error precedence: 401 (token) before 403 (scope) before 400 (ids, body) before 404 (not found) before 400 (PEM)',
    needs: ['scoped-tokens'],
    basis: 'choice',
    readme: ['rule-losant-order'],
    async run(t) {
      const [malformed] = MALFORMED_IDS;
      const unknownToken = { token: `not-a-losant-token-${t.unique()}` };
      const ex401 = await t.client.call('getApplicationCertificate', { params: item(t, malformed, malformed), auth: unknownToken, invalid: true });
      expectInvalidToken(t, ex401);
      const ex403 = await t.client.call('getApplicationCertificate', {
        params: item(t, malformed, malformed),
        auth: { token: t.creds.noScopeToken! },
        invalid: true,
      });
      expectForbidden(t, ex403);
      const ex403body = await t.client.call('createApplicationCertificate', {
        params: collection(t, UNKNOWN_ID),
        json: { nonsense: true },
        auth: { token: t.creds.readToken! },
        invalid: true,
      });
      expectForbidden(t, ex403body);
      const ex400 = await t.client.call('getApplicationCertificate', { params: item(t, malformed, UNKNOWN_ID), invalid: true });
      expectValidation(t, ex400);
      const ex400body = await t.client.call('createApplicationCertificate', { params: collection(t, UNKNOWN_ID), json: { nonsense: true }, invalid: true });
      expectValidation(t, ex400body);
      const ex404 = await t.client.call('createApplicationCertificate', { params: collection(t, UNKNOWN_ID), json: { certificate: unparseablePems()[0][1] } });
      expectError(t, ex404, 404, 'NotFound', APPLICATION_NOT_FOUND);
    },
  },
];
