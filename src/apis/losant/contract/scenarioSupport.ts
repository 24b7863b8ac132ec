import type { CallInit, Exchange } from '../../../contract/client';
import type { ScenarioContext } from '../../../contract/scenario';
import type { LosantCredentials } from './credentials';
import { type CertificateInfo, certificateFor, keyPair, type TestCertificate } from './testCertificate';

// What the Losant scenarios share: certificates with known certificateInfo, ids that name nothing,
// and helpers that list, read back and clean up what a scenario creates.

type T = ScenarioContext<LosantCredentials>;

export interface Certificate {
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
export const OPENSSL_CERTIFICATE: TestCertificate = {
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
export function unparseablePems(): Array<[string, string]> {
  const real = certificateFor('contract-test-unparseable').pem;
  const lines = real.split('\n');
  return [
    [
      'PEM armour around bytes that are not DER',
      `-----BEGIN CERTIFICATE-----\n${Buffer.from('this is not a DER encoded certificate, only text').toString('base64')}\n-----END CERTIFICATE-----\n`,
    ],
    ['a certificate cut in half', [...lines.slice(0, 3), lines[lines.length - 2]].join('\n')],
    ['a public key, not a certificate', keyPair().device.export({ type: 'spki', format: 'pem' }).toString()],
    ['plain text', 'this is plain text and certainly not a PEM encoded X.509 certificate'],
  ];
}

// ------------------------------------------------------------------ requests

/** Well-formed ids that name nothing, on standin and (all zeros) on a live account. */
export const UNKNOWN_ID = '000000000000000000000000';
/** Ids breaking ^[A-Fa-f0-9]{24}$: not hex, 23 characters, 25 characters. */
export const MALFORMED_IDS = ['zzzzzzzzzzzzzzzzzzzzzzzz', '575ec8687ae143cd83dc4a9', '575ec8687ae143cd83dc4a970'];
/** standin's documented demo data (README, spec info): only for scenarios that need 'standin'. */
export const DEMO = { otherApplicationId: '5d3f1a2b7ae143cd83dc4b10' };
export const OBJECT_ID = /^[a-fA-F0-9]{24}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const CN = 'certificateInfo.commonName';

export const collection = (t: T, applicationId = t.creds.applicationId) => ({ applicationId });
export const item = (t: T, applicationCertificateId: string, applicationId = t.creds.applicationId) => ({ applicationId, applicationCertificateId });

/** Every Losant error is {type, message}. */
export function expectError(t: T, ex: Exchange, status: number, type: string, message?: string | RegExp) {
  t.expect.answer(ex, status, message === undefined ? { type } : { type, message });
  t.expect.that(
    ex,
    typeof ex.json?.message === 'string' && ex.json.message.length > 0,
    'a Losant error has a non-empty message',
    `${status} {type:"${type}", message}`,
  );
}

export const expectInvalidToken = (t: T, ex: Exchange) => expectError(t, ex, 401, 'Unauthorized', 'Invalid access token');
export const expectForbidden = (t: T, ex: Exchange) => expectError(t, ex, 403, 'Forbidden');
export const expectValidation = (t: T, ex: Exchange) => expectError(t, ex, 400, 'Validation');
export const APPLICATION_NOT_FOUND = 'Application was not found';
export const CERTIFICATE_NOT_FOUND = 'Application Certificate was not found';

/** One call of each of the five operations, on the given ids, with `init` merged in. */
export function allFive(t: T, ids: { applicationId: string; certificateId: string }, pem: string): Array<[string, CallInit]> {
  return [
    ['listApplicationCertificates', { params: { applicationId: ids.applicationId } }],
    ['createApplicationCertificate', { params: { applicationId: ids.applicationId }, json: { certificate: pem } }],
    ['getApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId) }],
    ['patchApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId), json: { description: 'patched' } }],
    ['deleteApplicationCertificate', { params: item(t, ids.certificateId, ids.applicationId), json: {} }],
  ];
}

export async function list(t: T, query: CallInit['query'] = {}, rule = 'list'): Promise<{ ex: Exchange; items: Certificate[] }> {
  const ex = await t.client.call('listApplicationCertificates', { params: collection(t), query });
  t.expect.answer(ex, 200, undefined, rule);
  return { ex, items: Array.isArray(ex.json?.items) ? ex.json.items : [] };
}

/** The certificates whose common name matches `glob`, in the default order. */
export async function matching(t: T, glob: string, query: CallInit['query'] = {}) {
  return list(t, { filterField: CN, filter: glob, perPage: 1000, ...query }, `list filtered by ${CN} ${glob}`);
}

export async function getCertificate(t: T, id: string): Promise<Exchange> {
  return t.client.call('getApplicationCertificate', { params: item(t, id) });
}

export async function readBack(t: T, id: string): Promise<Certificate> {
  const ex = await getCertificate(t, id);
  t.expect.answer(ex, 200, { id }, 'read back by GET');
  return ex.json as Certificate;
}

/** An existing certificate of the application, or UNKNOWN_ID when it holds none. */
export async function someCertificateId(t: T): Promise<string> {
  const { items } = await list(t, { perPage: 1 }, 'list one certificate');
  return items[0]?.id ?? UNKNOWN_ID;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const cnOf = (c: Certificate) => c.certificateInfo?.commonName ?? '';

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
export function owning(body: (t: T, own: Own) => Promise<void>): (t: T) => Promise<void> {
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
export async function refusedWrites(t: T, own: Own, target: Certificate, init: CallInit, check: (ex: Exchange) => void) {
  const before = await readBack(t, target.id);
  const created = await t.client.call('createApplicationCertificate', {
    params: collection(t),
    json: { certificate: own.certificate('refused').pem },
    ...init,
  });
  own.adopt(created);
  check(created);
  check(await t.client.call('patchApplicationCertificate', { params: item(t, target.id), json: { status: 'inactive', description: 'refused' }, ...init }));
  check(await t.client.call('deleteApplicationCertificate', { params: item(t, target.id), json: {}, ...init }));
  t.expect.equal(undefined, await readBack(t, target.id), before, 'the certificate after the refused patch and delete');
  const { ex, items } = await own.listed();
  t.expect.equal(
    ex,
    items.map((c) => c.id),
    [target.id],
    `certificates named ${own.prefix}-* after the refused create`,
  );
}

export function isSorted(values: unknown[], descending: boolean, dates: boolean): boolean {
  const key = (v: unknown) => (dates ? Date.parse(String(v)) : String(v ?? ''));
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [key(values[i - 1]), key(values[i])];
    if (descending ? a < b : a > b) return false;
  }
  return true;
}

export function fieldOf(c: Certificate, field: string): unknown {
  return field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], c);
}
