import type { CallInit, Exchange } from '../lib/client';
import type { Scenario, ScenarioContext } from '../lib/scenario';
import { type CertificateInfo, certificateFor, keyPair, type TestCertificate } from '../lib/testCertificate';

// Losant application certificates: the rules of the spec's operation descriptions, one
// scenario each. Every scenario that writes works on certificates it creates itself, with a common
// name built from t.unique(), finds them again with a glob on that prefix (so it also runs against a
// live application that already holds certificates), and deletes what it created when it ends.

type T = ScenarioContext<'losant'>;

interface Certificate {
  id: string;
  applicationCertificateId: string;
  applicationId: string;
  creationDate: string;
  lastUpdated: string;
  name?: string;
  status: string;
  description?: string;
  certificateInfo: CertificateInfo;
  filterType?: string;
  pubTopics?: string[];
  subTopics?: string[];
  certificate?: string;
}

/**
 * A self-signed certificate made by openssl (`openssl req -x509 -newkey ec -pkeyopt
 * ec_paramgen_curve:prime256v1 -nodes -subj /CN=example-device -days 3650`), with what openssl
 * itself reports about it (-serial, -fingerprint -sha1, -dates): a check that does not rest on
 * this file's DER encoder.
 */
const OPENSSL_CERTIFICATE: TestCertificate = {
  pem: `-----BEGIN CERTIFICATE-----
MIIBhjCCAS2gAwIBAgIUfisyQ/l3rvjvezezj6/WSeQ9/6cwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOZXhhbXBsZS1kZXZpY2UwHhcNMjYxMTI0MDExMDMwWhcNMzYx
MTIxMDExMDMwWjAZMRcwFQYDVQQDDA5leGFtcGxlLWRldmljZTBZMBMGByqGSM49
AgEGCCqGSM49AwEHA0IABPzzh038CYJs9rH5n0qj6znjO3s7nil06yMJzRr8Nta1
mgIEP8+1f8ijCfwGHbZ0Y8hzt+QSPKkoLcjqk8p9FJSjUzBRMB0GA1UdDgQWBBRB
Q/+JIiVyT4VoBNHkiWBaKDCnkzAfBgNVHSMEGDAWgBRBQ/+JIiVyT4VoBNHkiWBa
KDCnkzAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCICNFFK8Ph3FL
A4VfARKQshjQxzCG1ngIFEW/NBPuddfdAiAUDZXPMqnarTNsl68zbQoqOgTXy8Q7
wGomQFjwhUeNhA==
-----END CERTIFICATE-----
`,
  info: {
    serialNumber: '7e:2b:32:43:f9:77:ae:f8:ef:7b:37:b3:8f:af:d6:49:e4:3d:ff:a7',
    fingerprint: 'AE:25:BC:A5:B1:2A:CA:FC:54:C9:D9:BB:99:E9:8F:AE:5E:99:B0:04',
    commonName: 'example-device',
    issuerName: 'example-device',
    notValidBefore: '2026-11-24T01:10:30.000Z',
    notValidAfter: '2036-11-21T01:10:30.000Z',
  },
};

/** Strings of 50+ characters (spec-valid `certificate` values) that are not a parseable X.509 PEM. */
function unparseablePems(): Array<[string, string]> {
  const real = certificateFor('contract-test-unparseable').pem;
  const lines = real.split('\n');
  return [
    ['PEM armour around bytes that are not DER', `-----BEGIN CERTIFICATE-----\n${Buffer.from('this is not a DER encoded certificate, only text').toString('base64')}\n-----END CERTIFICATE-----\n`],
    ['a certificate cut in half', [...lines.slice(0, 3), lines[lines.length - 2]].join('\n')],
    ['a public key, not a certificate', keyPair().device.export({ type: 'spki', format: 'pem' }).toString()],
    ['plain text', 'this is plain text and certainly not a PEM encoded X.509 certificate'],
  ];
}

// ------------------------------------------------------------------ requests

/** Well-formed ids that name nothing, on standin and (all zeros) on a live account. */
const UNKNOWN_ID = '000000000000000000000000';
/** Ids breaking ^[A-Fa-f0-9]{24}$: not hex, 23 characters, 25 characters. */
const MALFORMED_IDS = ['zzzzzzzzzzzzzzzzzzzzzzzz', '575ec8687ae143cd83dc4a9', '575ec8687ae143cd83dc4a970'];
/** standin's documented demo data (README, spec info): only for scenarios that need 'standin'. */
const DEMO = { otherApplicationId: '5d3f1a2b7ae143cd83dc4b10' };
const OBJECT_ID = /^[a-fA-F0-9]{24}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const CN = 'certificateInfo.commonName';

const collection = (t: T, applicationId = t.creds.applicationId) => ({ applicationId });
const item = (t: T, applicationCertificateId: string, applicationId = t.creds.applicationId) => ({ applicationId, applicationCertificateId });

/** Every Losant error is {type, message}. */
function expectError(t: T, ex: Exchange, status: number, type: string, message?: string | RegExp) {
  t.expect.answer(ex, status, message === undefined ? { type } : { type, message });
  t.expect.that(ex, typeof ex.json?.message === 'string' && ex.json.message.length > 0, 'a Losant error has a non-empty message', `${status} {type:"${type}", message}`);
}

const expectInvalidToken = (t: T, ex: Exchange) => expectError(t, ex, 401, 'Unauthorized', 'Invalid access token');
const expectForbidden = (t: T, ex: Exchange) => expectError(t, ex, 403, 'Forbidden');
const expectValidation = (t: T, ex: Exchange) => expectError(t, ex, 400, 'Validation');
const APPLICATION_NOT_FOUND = 'Application was not found';
const CERTIFICATE_NOT_FOUND = 'Application Certificate was not found';

/** One call of each of the five operations, on the given ids, with `init` merged in. */
function allFive(t: T, ids: { applicationId: string; certificateId: string }, pem: string): Array<[string, CallInit]> {
  return [
    ['listApplicationCertificates', { params: { applicationId: ids.applicationId } }],
    ['createApplicationCertificate', { params: { applicationId: ids.applicationId }, json: { certificate: pem } }],
    ['getApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId) }],
    ['patchApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId), json: { description: 'patched' } }],
    ['deleteApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId), json: {} }],
  ];
}

async function list(t: T, query: CallInit['query'] = {}, rule = 'list'): Promise<{ ex: Exchange; items: Certificate[] }> {
  const ex = await t.client.call('listApplicationCertificates', { params: collection(t), query });
  t.expect.answer(ex, 200, undefined, rule);
  return { ex, items: Array.isArray(ex.json?.items) ? ex.json.items : [] };
}

/** The certificates whose common name matches `glob`, in the default order. */
async function matching(t: T, glob: string, query: CallInit['query'] = {}) {
  return list(t, { filterField: CN, filter: glob, perPage: 1000, ...query }, `list filtered by ${CN} ${glob}`);
}

async function getCertificate(t: T, id: string): Promise<Exchange> {
  return t.client.call('getApplicationCertificate', { params: item(t, id) });
}

async function readBack(t: T, id: string): Promise<Certificate> {
  const ex = await getCertificate(t, id);
  t.expect.answer(ex, 200, { id }, 'read back by GET');
  return ex.json as Certificate;
}

/** An existing certificate of the application, or UNKNOWN_ID when it holds none. */
async function someCertificateId(t: T): Promise<string> {
  const { items } = await list(t, { perPage: 1 }, 'list one certificate');
  return items[0]?.id ?? UNKNOWN_ID;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cnOf = (c: Certificate) => c.certificateInfo?.commonName ?? '';

/** The certificates a scenario creates, deleted again when it ends (a live application stays clean). */
class Own {
  private readonly ids = new Set<string>();
  /** A prefix unique to this scenario run; every certificate made here is named `<prefix>-<suffix>`. */
  readonly prefix: string;

  constructor(private readonly t: T) {
    this.prefix = t.unique('ct');
  }

  certificate(suffix: string): TestCertificate {
    return certificateFor(`${this.prefix}-${suffix}`, `${this.prefix} CA`);
  }

  async create(suffix: string, fields: Record<string, unknown> = {}): Promise<Certificate & { test: TestCertificate }> {
    const test = this.certificate(suffix);
    const ex = await this.t.client.call('createApplicationCertificate', { params: collection(this.t), json: { certificate: test.pem, ...fields } });
    this.t.expect.answer(ex, 201, undefined, `setup: create certificate ${test.info.commonName}`);
    this.ids.add(ex.json.id);
    return { ...(ex.json as Certificate), test };
  }

  /** Remembers a certificate that an implementation created when it should not have. */
  adopt(ex: Exchange): void {
    if (ex.status === 201 && typeof ex.json?.id === 'string') this.ids.add(ex.json.id);
  }

  /** The certificates under this prefix, as the list reports them. */
  async listed(query: CallInit['query'] = {}) {
    return matching(this.t, `${this.prefix}-*`, query);
  }

  async cleanup(): Promise<void> {
    for (const id of this.ids) {
      try {
        await this.t.client.call('deleteApplicationCertificate', { params: item(this.t, id), json: {} });
      } catch {
        // best effort: the scenario's own outcome is what counts
      }
    }
  }
}

/** Runs `body` with an Own whose certificates are deleted afterwards, whatever happens. */
function owning(body: (t: T, own: Own) => Promise<void>): (t: T) => Promise<void> {
  return async (t) => {
    const own = new Own(t);
    try {
      await body(t, own);
    } finally {
      await own.cleanup();
    }
  };
}

/** Tries a create, a patch and a delete of `target` with `init`, expecting `check` on each; nothing may change. */
async function refusedWrites(t: T, own: Own, target: Certificate, init: CallInit, check: (ex: Exchange) => void) {
  const before = await readBack(t, target.id);
  const created = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: own.certificate('refused').pem }, ...init });
  own.adopt(created);
  check(created);
  check(await t.client.call('patchApplicationCertificate', { params: item(t, target.id), json: { status: 'inactive', description: 'refused' }, ...init }));
  check(await t.client.call('deleteApplicationCertificate', { params: item(t, target.id), json: {}, ...init }));
  t.expect.equal(undefined, await readBack(t, target.id), before, 'the certificate after the refused patch and delete');
  const { ex, items } = await own.listed();
  t.expect.equal(ex, items.map((c) => c.id), [target.id], `certificates named ${own.prefix}-* after the refused create`);
}

function isSorted(values: unknown[], descending: boolean, dates: boolean): boolean {
  const key = (v: unknown) => (dates ? Date.parse(String(v)) : String(v ?? ''));
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [key(values[i - 1]), key(values[i])];
    if (descending ? a < b : a > b) return false;
  }
  return true;
}

function fieldOf(c: Certificate, field: string): unknown {
  return field.split('.').reduce<any>((v, k) => v?.[k], c);
}

export const losantScenarios: Scenario<'losant'>[] = [
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
      const ex403 = await t.client.call('getApplicationCertificate', { params: item(t, malformed, malformed), auth: { token: t.creds.noScopeToken! }, invalid: true });
      expectForbidden(t, ex403);
      const ex403body = await t.client.call('createApplicationCertificate', { params: collection(t, UNKNOWN_ID), json: { nonsense: true }, auth: { token: t.creds.readToken! }, invalid: true });
      expectForbidden(t, ex403body);
      const ex400 = await t.client.call('getApplicationCertificate', { params: item(t, malformed, UNKNOWN_ID), invalid: true });
      expectValidation(t, ex400);
      const ex400body = await t.client.call('createApplicationCertificate', { params: collection(t, UNKNOWN_ID), json: { nonsense: true }, invalid: true });
      expectValidation(t, ex400body);
      const ex404 = await t.client.call('createApplicationCertificate', { params: collection(t, UNKNOWN_ID), json: { certificate: unparseablePems()[0][1] } });
      expectError(t, ex404, 404, 'NotFound', APPLICATION_NOT_FOUND);
    },
  },

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
      t.expect.that(ex, items.every((c) => c.applicationId === t.creds.applicationId && c.id !== foreign!.id), 'the list holds only certificates of its own application');
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
      t.expect.equal(undefined, Object.fromEntries(Object.keys(fields).map((k) => [k, (created as any)[k]])), fields, 'the sent fields in the 201');
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
        const ex = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: pem, description: `${own.prefix} ${what}` } });
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
      t.expect.equal(first, { ...afterFirst, lastUpdated: created.lastUpdated }, { ...created, description: 'second' }, 'the certificate after patching description only');
      t.expect.that(first, Date.parse(afterFirst.lastUpdated) > Date.parse(created.lastUpdated), `lastUpdated moves forward (${created.lastUpdated} -> ${afterFirst.lastUpdated})`);
      t.expect.equal(first, afterFirst.creationDate, created.creationDate, 'creationDate after a patch');
      t.expect.equal(undefined, await readBack(t, created.id), afterFirst, 'GET after the first patch');

      await pause(15);
      const changes = { status: 'inactive', filterType: 'blacklist', pubTopics: ['z/9'], subTopics: [] };
      const second = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: changes });
      t.expect.answer(second, 200, changes);
      const afterSecond = second.json as Certificate;
      t.expect.equal(second, { ...afterSecond, lastUpdated: afterFirst.lastUpdated }, { ...afterFirst, ...changes }, 'the certificate after patching status, filterType and topics');
      t.expect.that(second, Date.parse(afterSecond.lastUpdated) > Date.parse(afterFirst.lastUpdated), `lastUpdated moves forward again (${afterFirst.lastUpdated} -> ${afterSecond.lastUpdated})`);
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
      t.expect.equal(listed, items.map((c) => c.id), [created.id], `the list filtered on the new name ${replacement.info.commonName}`);
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
        const ex = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { description: 'should not stick', ...extra }, invalid: true });
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
        const ex = await t.client.call('patchApplicationCertificate', { params: item(t, created.id), json: { certificate: pem, description: 'should not stick' } });
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
      expectError(t, await t.client.call('patchApplicationCertificate', { params: item(t, gone.id), json: { description: 'back?' } }), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      expectError(t, await t.client.call('deleteApplicationCertificate', { params: item(t, gone.id), json: {} }), 404, 'NotFound', CERTIFICATE_NOT_FOUND);
      const { ex: listed, items } = await own.listed();
      t.expect.answer(listed, 200, { count: 1, totalCount: 1 });
      t.expect.equal(listed, items.map((c) => c.id), [kept.id], `certificates named ${own.prefix}-* after the delete`);
      await readBack(t, kept.id);
    }),
  },

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
      t.expect.that(ex, items.length <= 100 && ex.json.totalCount >= items.length && (ex.json.totalCount > 100 || ex.json.totalCount === items.length), `totalCount ${ex.json.totalCount} agrees with a first page of ${items.length}`);
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
        t.expect.equal(ex, items.map((i) => i.id), ids, `ids matching ${glob} in commonName order`);
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
        t.expect.equal(ex, items.map((i) => i.id), ids, `ids matching ${glob}`);
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
      t.expect.equal(asc.ex, asc.items.map((c) => c.id), byName, 'ascending commonName order');
      const desc = await own.listed({ sortField: CN, sortDirection: 'desc' });
      t.expect.equal(desc.ex, desc.items.map((c) => c.id), [...byName].reverse(), 'descending commonName order');
      const upper = await own.listed({ sortField: CN, sortDirection: 'DESC' });
      t.expect.answer(upper.ex, 200, { sortDirection: 'DESC' });
      t.expect.equal(upper.ex, upper.items.map((c) => c.id), [...byName].reverse(), 'DESC order');
      const byCreation = await own.listed({ sortField: 'creationDate', sortDirection: 'desc' });
      t.expect.that(byCreation.ex, isSorted(byCreation.items.map((c) => c.creationDate), true, true), 'descending creationDate order');
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
          t.expect.that(ex, isSorted(values, sortDirection === 'desc', /Date|lastUpdated/.test(sortField)), `items in ${sortDirection} ${sortField} order`, values.join(', '));
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
      const pages: Array<[number, string[]]> = [[0, ordered.slice(0, 2)], [1, ordered.slice(2, 4)], [2, ordered.slice(4)], [3, []]];
      for (const [page, ids] of pages) {
        const { ex, items } = await own.listed({ page, perPage: 2 });
        t.expect.answer(ex, 200, { page, perPage: 2, count: ids.length, totalCount: 5 });
        t.expect.equal(ex, items.map((c) => c.id), ids, `page ${page} of 2`);
      }
      const { ex, items } = await own.listed({ page: 0, perPage: 5 });
      t.expect.answer(ex, 200, { count: 5, totalCount: 5 });
      t.expect.equal(ex, items.map((c) => c.id), ordered, 'one page of 5');
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
      for (const [status, mine, notMine] of [['inactive', inactive, active], ['active', active, inactive]] as const) {
        const { ex, items } = await list(t, { filterField: 'status', filter: status, perPage: 1000 }, `list with status ${status}`);
        t.expect.answer(ex, 200, { filterField: 'status', filter: status, count: items.length });
        t.expect.that(ex, items.every((c) => c.status === status), `every item has status ${status}`);
        t.expect.that(ex, items.some((c) => c.id === mine.id) && !items.some((c) => c.id === notMine.id), `the ${status} certificate is listed, the other is not`);
        t.expect.that(ex, ex.json.totalCount >= items.length && (ex.json.totalCount > 1000 || ex.json.totalCount === items.length), `totalCount ${ex.json.totalCount} counts the ${items.length} matches`);
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
      const blanks: Array<Record<string, string>> = [{ filterField: CN, filter: '' }, { filterField: '', filter: 'nothing-matches-this*' }, { filter: 'nothing-matches-this*' }];
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
      const bad: Array<Record<string, string | number>> = [{ sortField: 'description' }, { sortDirection: 'up' }, { sortDirection: 'Desc' }, { filterField: 'description', filter: 'x' }, { page: -1 }, { perPage: 0 }, { perPage: 1001 }, { page: 'first' }, { perPage: '2.5' }];
      for (const query of bad) {
        expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query, invalid: true }));
      }
    },
  },

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
      t.expect.equal(listed.ex, listed.items.map((c) => [c.id, c.name]), [[named.id, name], [unnamed.id, unnamed.name]], `ids and names of ${own.prefix}-*`);
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
      const { ex, items } = await list(t, { filterField: 'name', filter: `${own.prefix.toUpperCase()} *`, sortField: 'name', perPage: 1000 }, 'list filtered by name');
      t.expect.answer(ex, 200, { filterField: 'name', sortField: 'name', count: 2, totalCount: 2 });
      t.expect.equal(ex, items.map((c) => c.id), [b.id, a.id], `${own.prefix} * by name ('B' before 'a' by code point)`);
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
        [{ $and: [mine, { name: { $contains: 'bet' } }], status: { $ne: 'inactive' } }, [b]],
      ];
      for (const [query, expected] of cases) {
        const { ex, items } = await list(t, { query: JSON.stringify(query), perPage: 1000 }, `list with query ${JSON.stringify(query)}`);
        t.expect.answer(ex, 200, { count: expected.length, totalCount: expected.length });
        t.expect.equal(ex, items.map((i) => i.id), expected.map((i) => i.id), `ids matching ${JSON.stringify(query)} in commonName order`);
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
      t.expect.that(overriding.ex, !('filter' in overriding.ex.json) && !('filterField' in overriding.ex.json), 'filter and filterField are not echoed when query overrides them');
      const desc = made.map((c) => c.id).reverse();
      const first = await list(t, { query, sortField: 'name', sortDirection: 'desc', perPage: 2, page: 0 }, 'page 0 of 2, by name desc');
      const second = await list(t, { query, sortField: 'name', sortDirection: 'desc', perPage: 2, page: 1 }, 'page 1 of 2, by name desc');
      t.expect.answer(second.ex, 200, { count: 1, totalCount: 3 });
      t.expect.equal(second.ex, [...first.items, ...second.items].map((c) => c.id), desc, 'both pages, by name descending');
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
      for (const query of bad) expectValidation(t, await t.client.call('listApplicationCertificates', { params: collection(t), query: { query }, invalid: true }));
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
      const created = await t.client.call('createApplicationCertificate', { params: collection(t), json: { certificate: own.certificate('bounded').pem }, auth });
      own.adopt(created);
      t.expect.answer(created, 201);
      t.expect.answer(await t.client.call('getApplicationCertificate', { params: item(t, created.json.id), auth }), 200, { id: created.json.id });
      t.expect.answer(await t.client.call('patchApplicationCertificate', { params: item(t, created.json.id), json: { description: 'bounded' }, auth }), 200, { description: 'bounded' });
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
      t.expect.equal(blank.ex, blank.items.map((c) => c.id), asc.items.map((c) => c.id), 'the order of a blank sortDirection');
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
