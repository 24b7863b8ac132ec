import type { Scenario } from '../../../contract/scenario';
import type { LosantCredentials, LosantNeed } from './credentials';
import {
  type Certificate,
  OPENSSL_CERTIFICATE,
  unparseablePems,
  UNKNOWN_ID,
  MALFORMED_IDS,
  DEMO,
  OBJECT_ID,
  ISO_TIME,
  collection,
  item,
  expectError,
  expectValidation,
  APPLICATION_NOT_FOUND,
  CERTIFICATE_NOT_FOUND,
  allFive,
  list,
  matching,
  getCertificate,
  readBack,
  pause,
  owning,
  fieldOf,
} from './scenarioSupport';
import { certificateFor } from './testCertificate';

// Losant certificates one at a time: ids and 404s, create, patch and delete.

export const certificateScenarios: Scenario<LosantCredentials, LosantNeed>[] = [
  // ---------------------------------------------------------------- ids and 404
  {
    api: 'losant',
    name: 'ids: an applicationId not matching ^[A-Fa-f0-9]{24}$ -> 400 Validation on all five operations',
    basis: 'vendor',
    readme: ['rule-losant-ids'],
    async run(t) {
      const pem = certificateFor(`${t.unique('ct')}-badapp`).pem;
      for (const applicationId of MALFORMED_IDS) {
        for (const [op, init] of allFive(t, { applicationId, certificateId: UNKNOWN_ID }, pem)) {
          expectValidation(t, await t.client.call(op, { ...init, invalid: true }));
        }
      }
    },
  },
  {
    api: 'losant',
    name: 'ids: an applicationCertificateId not matching ^[A-Fa-f0-9]{24}$ -> 400 Validation on get, patch and delete',
    basis: 'vendor',
    readme: ['rule-losant-ids'],
    async run(t) {
      for (const certificateId of MALFORMED_IDS) {
        for (const [op, init] of allFive(t, { applicationId: t.creds.applicationId, certificateId }, '').slice(2)) {
          expectValidation(t, await t.client.call(op, { ...init, invalid: true }));
        }
      }
    },
  },
  {
    api: 'losant',
    name: 'unknown application -> 404 NotFound "Application was not found" on all five operations',
    basis: 'vendor',
    readme: ['rule-losant-not-found'],
    async run(t) {
      const pem = certificateFor(`${t.unique('ct')}-noapp`).pem;
      for (const [op, init] of allFive(t, { applicationId: UNKNOWN_ID, certificateId: UNKNOWN_ID }, pem)) {
        expectError(t, await t.client.call(op, init), 404, 'NotFound', APPLICATION_NOT_FOUND);
      }
    },
  },
  {
    api: 'losant',
    name: 'unknown certificate -> 404 NotFound "Application Certificate was not found" on get, patch and delete',
    basis: 'vendor',
    readme: ['rule-losant-not-found'],
    async run(t) {
      for (const [op, init] of allFive(t, { applicationId: t.creds.applicationId, certificateId: UNKNOWN_ID }, '').slice(2)) {
        expectError(t, await t.client.call(op, init), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      }
    },
  },
  {
    api: 'losant',
    name: "another application's certificate -> 404 on get, patch and delete through this application, and never listed here",
    needs: ['standin', 'writes'],
    basis: 'vendor',
    readme: ['rule-losant-not-found'],
    async run(t) {
      const others = await t.client.call('listApplicationCertificates', { params: collection(t, DEMO.otherApplicationId) });
      t.expect.answer(others, 200, undefined, "list the demo's second application");
      const foreign: Certificate | undefined = others.json.items[0];
      t.expect.that(others, foreign !== undefined, "the demo's second application holds certificates");
      for (const [op, init] of allFive(t, { applicationId: t.creds.applicationId, certificateId: foreign!.id }, '').slice(2)) {
        expectError(t, await t.client.call(op, init), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      }
      const { ex, items } = await list(t, { perPage: 1000 });
      t.expect.that(
        ex,
        items.every((c) => c.applicationId === t.creds.applicationId && c.id !== foreign!.id),
        'the list holds only certificates of its own application',
      );
      const still = await t.client.call('getApplicationCertificate', { params: item(t, foreign!.id, DEMO.otherApplicationId) });
      t.expect.answer(still, 200, foreign, 'the other application still holds it, unchanged');
    },
  },

  // ---------------------------------------------------------------- create
  {
    api: 'losant',
    name: 'create: 201 with certificateInfo read from the certificate and the defaults (active, filter all, no topics); GET reads back equal',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-certificate-info', 'rule-losant-create-defaults'],
    run: owning(async (t, own) => {
      for (const test of [OPENSSL_CERTIFICATE, own.certificate('created')]) {
        const ex = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: test.pem } });
        own.adopt(ex);
        t.expect.answer(ex, 201, {
          id: OBJECT_ID,
          applicationId: t.creds.applicationId,
          creationDate: ISO_TIME,
          lastUpdated: ISO_TIME,
          status: 'active',
          filterType: 'all',
          pubTopics: [],
          subTopics: [],
        });
        const created = ex.json as Certificate;
        t.expect.equal(ex, created.certificateInfo, test.info, `certificateInfo of ${test.info.commonName}`);
        t.expect.equal(ex, created.applicationCertificateId, created.id, 'applicationCertificateId');
        if (created.certificate !== undefined) t.expect.equal(ex, created.certificate, test.pem, 'the echoed certificate');
        t.expect.equal(undefined, await readBack(t, created.id), created, 'GET of the new certificate');
      }
      const { ex, items } = await own.listed();
      t.expect.answer(ex, 200, { count: 1, totalCount: 1 });
      t.expect.equal(ex, items[0], await readBack(t, items[0].id), `the list item named ${own.prefix}-created`);
    }),
  },
  {
    api: 'losant',
    name: 'create: the status, description, filterType and topics sent are stored instead of the defaults',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-create-defaults'],
    run: owning(async (t, own) => {
      const fields = { status: 'inactive', description: `made by ${own.prefix}`, filterType: 'whitelist', pubTopics: ['a/b', 'c/#'], subTopics: ['d/+/e'] };
      const created = await own.create('fields', fields);
      t.expect.equal(undefined, Object.fromEntries(Object.keys(fields).map((k) => [k, fieldOf(created, k)])), fields, 'the sent fields in the 201');
      const back = await readBack(t, created.id);
      const { test: _test, ...body } = created;
      t.expect.equal(undefined, back, body, 'GET of the new certificate');
    }),
  },
  {
    api: 'losant',
    name: 'create: a certificate that does not parse as PEM X.509 -> 400 Validation, nothing stored (totalCount unchanged)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-create'],
    run: owning(async (t, own) => {
      const before = (await list(t, { perPage: 1 })).ex.json.totalCount;
      for (const [what, pem] of unparseablePems()) {
        const ex = await t.client.call('createApplicationCertificate', {
          params: collection(t),
          json: { certificate: pem, description: `${own.prefix} ${what}` },
        });
        own.adopt(ex);
        t.expect.that(ex, ex.status === 400, `${what}: expected status 400, got ${ex.status}`, '400 {type:"Validation"}');
        expectValidation(t, ex);
      }
      const after = await list(t, { perPage: 1 });
      t.expect.equal(after.ex, after.ex.json.totalCount, before, "the application's totalCount after the refused creates");
    }),
  },
  {
    api: 'losant',
    name: 'create: a body field outside the schema (certificateInfo, id, unknown) -> 400 Validation, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-create'],
    run: owning(async (t, own) => {
      const test = own.certificate('extra');
      for (const extra of [{ certificateInfo: { commonName: 'forged' } }, { id: '575ec76c7ae143cd83dc4a96' }, { color: 'blue' }]) {
        const ex = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: test.pem, ...extra }, invalid: true });
        own.adopt(ex);
        expectValidation(t, ex);
      }
      const { ex } = await own.listed();
      t.expect.answer(ex, 200, { count: 0, totalCount: 0 }, `nothing named ${own.prefix}-* stored`);
    }),
  },

  // ---------------------------------------------------------------- patch
  {
    api: 'losant',
    name: 'patch: merges the fields sent (arrays replaced), keeps the others, bumps lastUpdated; GET reads back equal',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-patch'],
    run: owning(async (t, own) => {
      const { test: _test, ...created } = await own.create('patched', { description: 'first', pubTopics: ['x/1', 'x/2'], subTopics: ['y/1'] });
      await pause(15);
      const first = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { description: 'second' } });
      t.expect.answer(first, 200, { id: created.id });
      const afterFirst = first.json as Certificate;
      t.expect.equal(
        first,
        { ...afterFirst, lastUpdated: created.lastUpdated },
        { ...created, description: 'second' },
        'the certificate after patching description only',
      );
      t.expect.that(
        first,
        Date.parse(afterFirst.lastUpdated) > Date.parse(created.lastUpdated),
        `lastUpdated moves forward (${created.lastUpdated} -> ${afterFirst.lastUpdated})`,
      );
      t.expect.equal(first, afterFirst.creationDate, created.creationDate, 'creationDate after a patch');
      t.expect.equal(undefined, await readBack(t, created.id), afterFirst, 'GET after the first patch');

      await pause(15);
      const changes = { status: 'inactive', filterType: 'blacklist', pubTopics: ['z/9'], subTopics: [] };
      const second = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: changes });
      t.expect.answer(second, 200, changes);
      const afterSecond = second.json as Certificate;
      t.expect.equal(
        second,
        { ...afterSecond, lastUpdated: afterFirst.lastUpdated },
        { ...afterFirst, ...changes },
        'the certificate after patching status, filterType and topics',
      );
      t.expect.that(
        second,
        Date.parse(afterSecond.lastUpdated) > Date.parse(afterFirst.lastUpdated),
        `lastUpdated moves forward again (${afterFirst.lastUpdated} -> ${afterSecond.lastUpdated})`,
      );
      t.expect.equal(undefined, await readBack(t, created.id), afterSecond, 'GET after the second patch');
    }),
  },
  {
    api: 'losant',
    name: 'patch: a new certificate replaces the PEM and certificateInfo is read from it again',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-losant-patch', 'rule-losant-certificate-info'],
    run: owning(async (t, own) => {
      const created = await own.create('before');
      const replacement = own.certificate('after');
      const ex = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { certificate: replacement.pem } });
      t.expect.answer(ex, 200, { id: created.id });
      t.expect.equal(ex, ex.json.certificateInfo, replacement.info, 'certificateInfo after the new certificate');
      if (ex.json.certificate !== undefined) t.expect.equal(ex, ex.json.certificate, replacement.pem, 'the echoed certificate');
      t.expect.equal(undefined, await readBack(t, created.id), ex.json, 'GET after the patch');
      const { ex: listed, items } = await matching(t, replacement.info.commonName);
      t.expect.equal(
        listed,
        items.map((c) => c.id),
        [created.id],
        `the list filtered on the new name ${replacement.info.commonName}`,
      );
    }),
  },
  {
    api: 'losant',
    name: 'patch: a field PATCH does not take (deviceIds, applicationId, certificateInfo, unknown) -> 400 Validation, nothing changed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-patch'],
    run: owning(async (t, own) => {
      const created = await own.create('fixed');
      const before = await readBack(t, created.id);
      const extras = [{ deviceIds: [] }, { applicationId: UNKNOWN_ID }, { certificateInfo: { commonName: 'forged' } }, { id: UNKNOWN_ID }, { color: 'blue' }];
      for (const extra of extras) {
        const ex = await t.client.call('patchApplicationCertificate', {
          params: item(t, created.id),
          json: { description: 'should not stick', ...extra },
          invalid: true,
        });
        expectValidation(t, ex);
      }
      t.expect.equal(undefined, await readBack(t, created.id), before, 'the certificate after the refused patches');
    }),
  },
  {
    api: 'losant',
    name: 'patch: a certificate that does not parse -> 400 Validation, nothing changed',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-patch'],
    run: owning(async (t, own) => {
      const created = await own.create('kept');
      const before = await readBack(t, created.id);
      for (const [what, pem] of unparseablePems()) {
        const ex = await t.client.call('patchApplicationCertificate', {
          params: item(t, created.id),
          json: { certificate: pem, description: 'should not stick' },
        });
        t.expect.that(ex, ex.status === 400, `${what}: expected status 400, got ${ex.status}`, '400 {type:"Validation"}');
        expectValidation(t, ex);
      }
      t.expect.equal(undefined, await readBack(t, created.id), before, 'the certificate after the refused patches');
    }),
  },

  // ---------------------------------------------------------------- delete
  {
    api: 'losant',
    name: 'delete: 200 {success:true}; later GET, PATCH and DELETE -> 404 and the list no longer holds it',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-losant-delete'],
    run: owning(async (t, own) => {
      const gone = await own.create('gone');
      const kept = await own.create('kept');
      const ex = await t.client.call('deleteApplicationCertificate', { params: item(t, gone.id), json: {} });
      t.expect.answer(ex, 200, { success: true });
      expectError(t, await getCertificate(t, gone.id), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      expectError(
        t,
        await t.client.call('patchApplicationCertificate', { params: item(t, gone.id), json: { description: 'back?' } }),
        404,
        'NotFound',
        CERTIFICATE_NOT_FOUND,
      );
      expectError(t, await t.client.call('deleteApplicationCertificate', { params: item(t, gone.id), json: {} }), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      const { ex: listed, items } = await own.listed();
      t.expect.answer(listed, 200, { count: 1, totalCount: 1 });
      t.expect.equal(
        listed,
        items.map((c) => c.id),
        [kept.id],
        `certificates named ${own.prefix}-* after the delete`,
      );
      await readBack(t, kept.id);
    }),
  },
];
