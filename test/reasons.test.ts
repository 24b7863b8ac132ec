import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { altrAuthorization } from '../src/apis/altr/signature';
import { createApp } from '../src/server';
import { MemoryLog } from '../src/state/testing/memoryLog';
import { TOY_TOKEN, TOY_VENDORS } from './toyVendor/toy';

// Every refusal kind of the five APIs and of the engine, one row each: the request, the status it
// gets, and the reason its journal entry names (rule + a fragment of the message). No row may land on
// 'unexplained'. STANDIN_REASONS_MD=<file> writes the README's reasons catalogue from this table.

type Agent = ReturnType<typeof request>;
interface Row {
  rule: string;
  status: number;
  when: string;
  send: (r: Agent) => Promise<unknown>;
  message?: RegExp;
}

const LOSANT_APP = '575ec8687ae143cd83dc4a97';
const CERTS = `/losant/applications/${LOSANT_APP}/certificates`;
const ECOSYSTEM = 'C599343aecca8fba8297a3195';
const OTHER_ECOSYSTEM = 'C5a0b1c2d3e4f5a6b7c8d9e0f';
const ENVS = '/droplit/v0/api/environments/';
const CAPSULES = '/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules';
const IGNISIGN_DEV = 'Bearer skv2_development_demo_devsecret';
const SINGLE = '/altr/api/v1/single/';
const NOW = new Date();
const DATE = NOW.toUTCString();
const altr = (method: 'GET' | 'POST', resource: string, key = 'ALTR-demo-rw', secret = 'demo-rw-secret', date = DATE) => ({
  authorization: altrAuthorization(key, secret, method, resource, date),
  'x-altr-date': date,
});
const HASH = Buffer.alloc(32, 1).toString('base64');
const deepMeta = () => {
  let meta: Record<string, unknown> = {};
  for (let i = 0; i < 100; i++) meta = { m: meta };
  return meta;
};

const ROWS: Row[] = [
  // The engine's, for every API alike.
  { rule: 'rule-generic-404', status: 404, when: 'no path of the spec matches', send: (r) => r.get('/losant/nope') },
  {
    rule: 'rule-generic-405',
    status: 405,
    when: 'the path exists, the method is not documented for it',
    send: (r) => r.delete(CERTS),
    message: /allows GET, POST/,
  },
  {
    rule: 'rule-generic-400',
    status: 400,
    when: 'a parameter or body breaks the schema (the message names each pointer)',
    send: (r) => r.post(ENVS).set('authorization', 'droplit-demo-account').send({ ecosystemId: ECOSYSTEM, alias: 'bad alias!' }),
    message: /^schema: body \/alias: must match pattern/,
  },
  {
    rule: 'rule-generic-malformed-json',
    status: 400,
    when: 'a JSON body that does not parse',
    send: (r) => r.post(CERTS).set('authorization', 'Bearer losant-demo-all').set('content-type', 'application/json').send('{"certificate":'),
  },
  {
    rule: 'rule-generic-content-type',
    status: 400,
    when: 'a body in a content type the operation does not document',
    send: (r) => r.post(CERTS).set('authorization', 'Bearer losant-demo-all').set('content-type', 'text/plain').send('hello'),
    message: /text\/plain/,
  },
  {
    rule: 'rule-generic-413',
    status: 413,
    when: 'a body over --body-limit',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', ''))
        .send(Buffer.alloc(64 * 1024 + 1)),
  },
  {
    rule: 'rule-generic-faults',
    status: 500,
    when: 'a fault armed with POST /__admin/faults',
    send: async (r) => {
      await r.post('/__admin/faults').send({ api: 'losant', operationId: 'listApplicationCertificates', namespace: 'faulted' }).expect(201);
      return r.get(CERTS).set('authorization', 'Bearer losant-demo-all').set('x-standin-namespace', 'faulted');
    },
  },
  {
    rule: 'standin.InvalidNamespace',
    status: 400,
    when: 'an x-standin-namespace that does not match the pattern',
    send: (r) => r.get(CERTS).set('x-standin-namespace', 'a b'),
  },
  { rule: 'standin.UnknownApi', status: 404, when: 'a path under no API prefix', send: (r) => r.get('/nowhere') },

  // Ignisign
  {
    rule: 'rule-ignisign-auth',
    status: 401,
    when: 'no Authorization header',
    send: (r) => r.post(CAPSULES).send({ hashSha256_b64: HASH }),
    message: /no Authorization/,
  },
  {
    rule: 'rule-ignisign-auth',
    status: 401,
    when: 'a scheme other than Bearer',
    send: (r) => r.post(CAPSULES).set('authorization', 'Basic abc').send({ hashSha256_b64: HASH }),
    message: /Bearer scheme/,
  },
  {
    rule: 'rule-ignisign-auth',
    status: 401,
    when: 'Bearer with no key',
    send: (r) => r.post(CAPSULES).set('authorization', 'Bearer').send({ hashSha256_b64: HASH }),
    message: /holds no key/,
  },
  {
    rule: 'rule-ignisign-auth',
    status: 401,
    when: 'a key standin does not hold',
    send: (r) => r.post(CAPSULES).set('authorization', 'Bearer skv2_development_demo_wrong').send({ hashSha256_b64: HASH }),
    message: /not one of the demo keys/,
  },
  {
    rule: 'rule-ignisign-context-403',
    status: 403,
    when: "a key of another app or env than the path's",
    send: (r) => r.post(CAPSULES).set('authorization', 'Bearer skv2_staging_demo_stgsecret').send({ hashSha256_b64: HASH }),
    message: /appId_demo STAGING, the path names appId_demo DEVELOPMENT/,
  },
  {
    // The spec's pattern is the vendor's DTO check, so the schema refuses it, naming the field.
    rule: 'rule-generic-400',
    status: 400,
    when: 'Ignisign: hashSha256_b64 that is not 44 characters of base64 (the spec pattern of rule-ignisign-hash)',
    send: (r) =>
      r
        .post(CAPSULES)
        .set('authorization', IGNISIGN_DEV)
        .send({ hashSha256_b64: '!'.repeat(44) }),
    message: /^schema: body \/hashSha256_b64: must match pattern/,
  },
  {
    rule: 'rule-ignisign-app-context',
    status: 404,
    when: 'the context of an unknown app',
    send: (r) => r.get('/ignisign/v4/applications/appId_nope/context').set('authorization', IGNISIGN_DEV),
    message: /appId_nope/,
  },
  {
    rule: 'rule-ignisign-app-context',
    status: 403,
    when: "another app's context",
    send: (r) => r.get('/ignisign/v4/applications/appId_other/context').set('authorization', IGNISIGN_DEV),
    message: /appId_other/,
  },

  // ALTR
  { rule: 'rule-altr-401', status: 401, when: 'no Authorization header', send: (r) => r.post(SINGLE).send(Buffer.from('x')), message: /no Authorization/ },
  {
    rule: 'rule-altr-401',
    status: 401,
    when: "Authorization not 'ALTR <key>:<signature>'",
    send: (r) => r.post(SINGLE).set('authorization', 'Bearer x').send(Buffer.from('x')),
    message: /is not 'ALTR/,
  },
  {
    rule: 'rule-altr-401',
    status: 401,
    when: 'no X-ALTR-DATE',
    send: (r) => r.post(SINGLE).set('authorization', altr('POST', '').authorization).send(Buffer.from('x')),
    message: /no X-ALTR-DATE/,
  },
  {
    rule: 'rule-altr-401',
    status: 401,
    when: 'a key standin does not hold',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', '', 'ALTR-nobody', 'nothing'))
        .send(Buffer.from('x')),
    message: /not one standin holds/,
  },
  {
    rule: 'rule-altr-signature',
    status: 401,
    when: 'a signature that does not match the string to sign (shown, never the secret or the signature)',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', '', 'ALTR-demo-rw', 'wrong-secret'))
        .send(Buffer.from('x')),
    message: new RegExp(`^altr\\.signature: the signature does not match the string to sign "POST\\\\n\\\\n${DATE}\\\\n"$`),
  },
  {
    rule: 'rule-altr-date-formats',
    status: 401,
    when: 'an X-ALTR-DATE in no supported format',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', '', undefined, undefined, 'yesterday'))
        .send(Buffer.from('x')),
  },
  {
    rule: 'rule-altr-skew',
    status: 401,
    when: 'an X-ALTR-DATE more than 15 minutes from the clock',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', '', undefined, undefined, new Date(NOW.getTime() - 3600_000).toUTCString()))
        .send(Buffer.from('x')),
  },
  {
    rule: 'rule-altr-403',
    status: 403,
    when: 'a key without the permission the operation needs',
    send: (r) =>
      r
        .post(SINGLE)
        .set(altr('POST', '', 'ALTR-demo-ro', 'demo-ro-secret'))
        .send(Buffer.from('x')),
    message: /'write'/,
  },
  {
    rule: 'rule-altr-404',
    status: 404,
    when: "a token the key's organization does not hold",
    send: (r) => r.get(`${SINGLE}${'0'.repeat(32)}`).set(altr('GET', '0'.repeat(32))),
  },
  {
    rule: 'rule-altr-data-cap',
    status: 400,
    when: 'a write past the organization data cap',
    send: (r) =>
      r.post(SINGLE).set(altr('POST', '')).set('content-type', 'application/octet-stream').send(Buffer.alloc(60_000)).set('x-standin-namespace', 'tiny'),
    message: /would pass the cap/,
  },

  // Signatures (ncanode)
  { rule: 'rule-signatures-get', status: 400, when: 'GET or DELETE with neither document nor thread', send: (r) => r.get('/signatures/signature') },
  {
    rule: 'rule-signatures-get',
    status: 404,
    when: 'GET or DELETE of a pair standin does not hold',
    send: (r) => r.get('/signatures/signature?document=nope&thread=nope'),
  },
  {
    rule: 'rule-signatures-post-required',
    status: 400,
    when: 'POST without document, thread or cms',
    send: (r) => r.post('/signatures/signature').send({ document: 'd' }),
    message: /"thread"/,
  },
  {
    rule: 'rule-signatures-version',
    status: 400,
    when: 'a later POST without its version',
    send: (r) => r.post('/signatures/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'MIIB' }),
  },
  {
    rule: 'rule-signatures-version',
    status: 400,
    when: 'a later POST with another version than the stored one',
    send: (r) => r.post('/signatures/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'MIIB', version: 999 }),
    message: /version 999 was sent/,
  },
  {
    rule: 'rule-signatures-not-string',
    status: 400,
    when: 'an array or object where a string belongs',
    send: (r) => r.post('/signatures/signature').send({ document: ['a'], thread: 'b', cms: 'c' }),
    message: /"document" must be string/,
  },

  // Losant
  { rule: 'rule-losant-token', status: 401, when: 'no bearer token', send: (r) => r.get(CERTS), message: /no Authorization/ },
  {
    rule: 'rule-losant-token',
    status: 401,
    when: 'a token standin does not hold',
    send: (r) => r.get(CERTS).set('authorization', 'Bearer nope'),
    message: /not one standin holds/,
  },
  {
    rule: 'rule-losant-scopes',
    status: 403,
    when: "a token with none of the operation's scopes",
    send: (r) => r.get(CERTS).set('authorization', 'Bearer losant-demo-none'),
    message: /all\.Application/,
  },
  {
    rule: 'rule-losant-not-found',
    status: 404,
    when: 'an unknown application',
    send: (r) => r.get(`/losant/applications/${'a'.repeat(24)}/certificates`).set('authorization', 'Bearer losant-demo-all'),
  },
  {
    rule: 'rule-losant-not-found',
    status: 404,
    when: 'an unknown certificate',
    send: (r) => r.get(`${CERTS}/${'b'.repeat(24)}`).set('authorization', 'Bearer losant-demo-all'),
  },
  {
    rule: 'rule-losant-create',
    status: 400,
    when: 'a certificate node:crypto cannot parse',
    send: (r) =>
      r
        .post(CERTS)
        .set('authorization', 'Bearer losant-demo-all')
        .send({ certificate: `-----BEGIN CERTIFICATE-----\n${'A'.repeat(64)}\n-----END CERTIFICATE-----\n` }),
  },
  {
    rule: 'rule-losant-list-query',
    status: 400,
    when: 'an advanced query standin cannot read',
    send: (r) => r.get(`${CERTS}?query=${encodeURIComponent('{"$where":1}')}`).set('authorization', 'Bearer losant-demo-all'),
  },

  // Droplit
  { rule: 'rule-droplit-auth', status: 401, when: 'no token', send: (r) => r.get(`${ENVS}?ecosystemId=${ECOSYSTEM}`), message: /no authorization/ },
  {
    rule: 'rule-droplit-auth',
    status: 401,
    when: 'a token standin does not hold',
    send: (r) => r.get(`${ENVS}?ecosystemId=${ECOSYSTEM}`).set('authorization', 'nope'),
    message: /not one standin holds/,
  },
  {
    rule: 'rule-droplit-token-types',
    status: 403,
    when: 'a token type the operation does not take',
    send: (r) => r.post(ENVS).set('authorization', 'droplit-demo-user').send({ ecosystemId: ECOSYSTEM }),
    message: /a user token; createEnvironment takes account/,
  },
  {
    rule: 'rule-droplit-no-query',
    status: 400,
    when: 'create or delete with a query string',
    send: (r) => r.post(`${ENVS}?x=1`).set('authorization', 'droplit-demo-account').send({ ecosystemId: ECOSYSTEM }),
  },
  {
    rule: 'rule-droplit-alias-exists',
    status: 400,
    when: 'an alias another environment of the ecosystem has',
    send: (r) => r.post(ENVS).set('authorization', 'droplit-demo-account').send({ ecosystemId: ECOSYSTEM, alias: 'living_room' }),
    message: new RegExp(`alias living_room already used in ecosystem ${ECOSYSTEM}`),
  },
  {
    rule: 'rule-droplit-meta-invalid',
    status: 400,
    when: 'a meta nested past 99 levels',
    send: (r) => r.post(ENVS).set('authorization', 'droplit-demo-account').send({ ecosystemId: ECOSYSTEM, meta: deepMeta() }),
  },
  {
    rule: 'rule-droplit-ecosystem-missing',
    status: 404,
    when: 'create in an unknown ecosystem',
    send: (r) => r.post(ENVS).set('authorization', 'droplit-demo-account').send({ ecosystemId: 'C000000000000000000000000' }),
  },
  {
    rule: 'rule-droplit-list-ecosystem',
    status: 404,
    when: 'list of an unknown ecosystem',
    send: (r) => r.get(`${ENVS}?ecosystemId=C000000000000000000000000`).set('authorization', 'droplit-demo-account'),
  },
  {
    rule: 'rule-droplit-filter-invalid',
    status: 400,
    when: 'a filter that does not parse',
    send: (r) => r.get(`${ENVS}?ecosystemId=${ECOSYSTEM}&filter=invalid`).set('authorization', 'droplit-demo-account'),
  },
  {
    rule: 'rule-droplit-env-ref',
    status: 404,
    when: 'info, update or delete of an unknown environment',
    send: (r) => r.get(`${ENVS}E${'0'.repeat(24)}`).set('authorization', 'droplit-demo-account'),
  },
  {
    rule: 'rule-droplit-env-ref',
    status: 400,
    when: 'a bare alias held in several ecosystems',
    send: async (r) => {
      for (const ecosystemId of [ECOSYSTEM, OTHER_ECOSYSTEM])
        await r.post(ENVS).set('authorization', 'droplit-demo-account').send({ ecosystemId, alias: 'twice' }).expect(201);
      return r.get(`${ENVS}twice`).set('authorization', 'droplit-demo-account');
    },
    message: /several ecosystems/,
  },
];

/** Rows that need an app of their own: a broken mock, a log that fails. */
const SPECIAL: Row[] = [
  {
    rule: 'standin.ResponseValidationFailed',
    status: 500,
    when: "strict mode: the mock's answer breaks its spec (the message lists each pointer)",
    send: () => Promise.resolve(),
    message: /breaks its spec/,
  },
  { rule: 'standin.StateUnavailable', status: 503, when: 'the state log (--data-dir, --state) cannot be reached', send: () => Promise.resolve() },
];

describe('every refusal names its reason in the journal', () => {
  const standin = createApp({ bodyLimit: 64 * 1024 });
  const app = standin.app;
  beforeAll(async () => {
    // A namespace whose ALTR organization is nearly full, so a 60 kB write passes the cap.
    const near = Buffer.alloc(1_000_000);
    await request(app)
      .post(SINGLE)
      .set(altr('POST', ''))
      .set('content-type', 'application/octet-stream')
      .set('x-standin-namespace', 'tiny')
      .send(near.subarray(0, 60_000))
      .expect(200);
    for (let i = 0; i < 16; i++) {
      await request(app)
        .post(SINGLE)
        .set(altr('POST', ''))
        .set('content-type', 'application/octet-stream')
        .set('x-standin-namespace', 'tiny')
        .send(near.subarray(0, 60_000))
        .expect(200);
    }
  });

  it.each(ROWS.map((row) => [`${row.rule} ${row.status}: ${row.when}`, row] as const))('%s', async (_name, row) => {
    const before = standin.journal.recorded;
    await row.send(request(app) as unknown as Agent);
    const [entry] = standin.journal.list({ since: before, status: String(row.status) }).slice(-1);
    expect(entry).toBeDefined();
    expect(entry.reason).toEqual({ rule: row.rule, message: expect.any(String) });
    if (row.message) expect(entry.reason!.message).toMatch(row.message);
  });

  it(`${SPECIAL[0].rule}: ${SPECIAL[0].when}`, async () => {
    const toy = createApp({}, { vendors: TOY_VENDORS });
    await request(toy.app).get('/toy/broken').set('authorization', `Token ${TOY_TOKEN}`).expect(500);
    const [entry] = toy.journal.list();
    expect(entry.reason).toEqual({ rule: SPECIAL[0].rule, message: expect.stringMatching(SPECIAL[0].message!) });
    expect(entry.reason!.message).toMatch(/\/body/);
  });

  it(`${SPECIAL[1].rule}: ${SPECIAL[1].when}`, async () => {
    const log = new MemoryLog();
    const logged = createApp({}, { vendors: TOY_VENDORS, log });
    await logged.ready();
    log.failing = true;
    await request(logged.app).post('/toy/things').set('authorization', `Token ${TOY_TOKEN}`).send({ name: 'a' }).expect(503);
    expect(logged.journal.list()[0].reason).toEqual({ rule: SPECIAL[1].rule, message: expect.stringMatching(/cannot reach its state log/) });
    await logged.close();
  });

  it("a non-2xx whose maker set no reason is 'unexplained' (and no row above is)", () => {
    const journal = standin.journal;
    const before = journal.recorded;
    journal.record({
      source: 'mock',
      at: Date.now(),
      namespace: 'x',
      method: 'GET',
      path: '/x',
      rawQuery: '',
      status: 418,
      durationMs: 0,
      requestHeaders: {},
      responseHeaders: {},
    });
    expect(journal.list({ since: before })[0].reason).toMatchObject({ rule: 'unexplained' });
    expect(journal.list({ status: '4xx' }).filter((e) => e.id <= before && e.reason?.rule === 'unexplained')).toEqual([]);
  });

  afterAll(() => {
    const file = process.env.STANDIN_REASONS_MD;
    if (!file) return;
    const lines = ['| Rule | Status | When |', '| --- | --- | --- |', ...[...ROWS, ...SPECIAL].map((r) => `| \`${r.rule}\` | ${r.status} | ${r.when} |`)];
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
});
