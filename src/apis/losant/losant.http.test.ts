import { join } from 'node:path';
import request from 'supertest';
import { loadSpec } from '../../core/spec';
import { SPECS_DIR } from '../../paths';
import { certificateFor } from './contract/testCertificate';
import { createApp } from '../../server';
import { EXAMPLE_INFO, EXAMPLE_PEM, NO_CN_PEM, SECOND_PEM } from './testing/certificates';

// Every rule of the Losant spec, over HTTP against the in-process app. Each test uses its own
// namespace, so tests are independent and may run in any order.

const APP = '575ec8687ae143cd83dc4a97';
const OTHER_APP = '5d3f1a2b7ae143cd83dc4b10';
const DEMO_CERT = '575ec76c7ae143cd83dc4a96';
const UNKNOWN = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const ALL = 'losant-demo-all';
const READ = 'losant-demo-read';
const NONE = 'losant-demo-none';

const standin = createApp({ apis: ['losant'], now: '2024-05-01T10:00:00.000Z' });
let counter = 0;

/** A client bound to a fresh namespace and a token (null: no Authorization header). */
function api(token: string | null = ALL) {
  const namespace = `losant-http-${++counter}`;
  const withHeaders = (test: request.Test) => {
    test.set('x-standin-namespace', namespace);
    return token === null ? test : test.set('authorization', `Bearer ${token}`);
  };
  const agent = request(standin.app);
  return {
    namespace,
    list: (query: Record<string, string> = {}, app = APP) => withHeaders(agent.get(`/losant/applications/${app}/certificates`).query(query)),
    create: (body: unknown, app = APP) => withHeaders(agent.post(`/losant/applications/${app}/certificates`)).send(body as object),
    get: (id: string, app = APP) => withHeaders(agent.get(`/losant/applications/${app}/certificates/${id}`)),
    patch: (id: string, body: unknown, app = APP) => withHeaders(agent.patch(`/losant/applications/${app}/certificates/${id}`)).send(body as object),
    remove: (id: string, app = APP) => withHeaders(agent.delete(`/losant/applications/${app}/certificates/${id}`)).send({}),
    as: (other: string | null) => ({ ...api(other), namespace }),
  };
}

async function totalCount(client: ReturnType<typeof api>): Promise<number> {
  const res = await client.list();
  expect(res.status).toBe(200);
  return res.body.totalCount;
}

describe('losant: demo data', () => {
  it('application 575ec8687ae143cd83dc4a97 holds the documented example certificate', async () => {
    const res = await api().get(DEMO_CERT);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: DEMO_CERT,
      applicationCertificateId: DEMO_CERT,
      applicationId: APP,
      status: 'active',
      description: 'An example certificate description',
      certificateInfo: {
        serialNumber: 'ad:0e:ff:63:27:83:e5:3e:6b:a9:fb:57:0d:37:fc:e9',
        commonName: 'myDomain.com',
        issuerName: 'Network Solutions OV Server CA 2',
        notValidBefore: '2019-04-10T00:00:00.000Z',
        notValidAfter: '2020-04-10T00:00:00.000Z',
      },
    });
  });

  it("is exactly the certificate the spec's GET example shows (plus the stored PEM)", async () => {
    const spec = loadSpec(join(SPECS_DIR, 'losant.yaml'));
    const example = spec.operations.find((o) => o.operationId === 'getApplicationCertificate')!.responses['200'].content['application/json'].example;
    const res = await api().get(DEMO_CERT);
    expect(res.body).toEqual({ ...(example as object), certificate: expect.stringContaining('-----BEGIN CERTIFICATE-----') });
  });

  it('plus a few generated certificates, the same in every fresh namespace and every start (seeded faker)', async () => {
    const first = await api().list();
    const second = await api().list();
    const restarted = await request(createApp({ apis: ['losant'] }).app)
      .get(`/losant/applications/${APP}/certificates`)
      .set('authorization', `Bearer ${ALL}`);
    expect(first.body.totalCount).toBe(5);
    expect(second.body).toEqual(first.body);
    expect(restarted.body).toEqual(first.body);
  });
});

describe('losant: bearer token and scopes', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'not-a-token'],
  ])('%s → 401 Unauthorized "Invalid access token"', async (_name, token) => {
    const res = await api(token).list();
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ type: 'Unauthorized', message: 'Invalid access token' });
  });

  it('a scheme other than Bearer → 401', async () => {
    const res = await request(standin.app).get(`/losant/applications/${APP}/certificates`).set('authorization', `Basic ${ALL}`);
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('Unauthorized');
  });

  it("a token without any of the operation's scopes (device.get only) → 403 Forbidden on every operation", async () => {
    const client = api(NONE);
    for (const res of [
      await client.list(),
      await client.create({ certificate: EXAMPLE_PEM }),
      await client.get(DEMO_CERT),
      await client.patch(DEMO_CERT, {}),
      await client.remove(DEMO_CERT),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ type: 'Forbidden' });
    }
  });

  it('the .read scope may list and get, but not create, patch or delete (nothing changes)', async () => {
    const client = api(READ);
    expect((await client.list()).status).toBe(200);
    expect((await client.get(DEMO_CERT)).status).toBe(200);
    for (const res of [
      await client.create({ certificate: EXAMPLE_PEM }),
      await client.patch(DEMO_CERT, { description: 'x' }),
      await client.remove(DEMO_CERT),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('Forbidden');
    }
    const after = await client.as(ALL).get(DEMO_CERT);
    expect(after.body.description).toBe('An example certificate description');
    expect(await totalCount(client.as(ALL))).toBe(5);
  });

  it('checks in the order 401 → 403 → 400 → 404', async () => {
    const badId = 'not-an-id';
    expect((await api(null).get(badId, UNKNOWN)).status).toBe(401);
    expect((await api(NONE).get(badId, UNKNOWN)).status).toBe(403);
    expect((await api(ALL).get(badId, UNKNOWN)).status).toBe(400);
    expect((await api(ALL).get(DEMO_CERT, UNKNOWN)).status).toBe(404);
  });
});

describe('losant: ids', () => {
  it.each([
    ['list with a short applicationId', (c: ReturnType<typeof api>) => c.list({}, '575ec8687ae143cd83dc4a9'), 'applicationId'],
    ['get with a non-hex certificate id', (c: ReturnType<typeof api>) => c.get('575ec76c7ae143cd83dc4a9z'), 'applicationCertificateId'],
    ['delete with a 25-character certificate id', (c: ReturnType<typeof api>) => c.remove(`${DEMO_CERT}0`), 'applicationCertificateId'],
  ])('%s → 400 Validation naming the parameter', async (_name, call, field) => {
    const res = await call(api());
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('Validation');
    expect(res.body.message).toContain(`'${field}'`);
  });

  it('an unknown application → 404 "Application was not found" on every operation', async () => {
    const client = api();
    for (const res of [
      await client.list({}, UNKNOWN),
      await client.create({ certificate: EXAMPLE_PEM }, UNKNOWN),
      await client.get(DEMO_CERT, UNKNOWN),
      await client.patch(DEMO_CERT, {}, UNKNOWN),
      await client.remove(DEMO_CERT, UNKNOWN),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'NotFound', message: 'Application was not found' });
    }
  });

  it('an unknown certificate, or one of another application → 404 "Application Certificate was not found"', async () => {
    const client = api();
    for (const res of [await client.get(UNKNOWN), await client.patch(UNKNOWN, {}), await client.remove(UNKNOWN), await client.get(DEMO_CERT, OTHER_APP)]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'NotFound', message: 'Application Certificate was not found' });
    }
  });

  it('ids are case-insensitive hex, like MongoDB ObjectIds [standin choice]', async () => {
    const res = await api().get(DEMO_CERT.toUpperCase(), APP.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(DEMO_CERT);
  });
});

describe('losant: create', () => {
  it('reads certificateInfo from the real certificate and applies the defaults', async () => {
    const client = api();
    const res = await client.create({ certificate: EXAMPLE_PEM, description: 'An example new certificate description' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      applicationId: APP,
      creationDate: '2024-05-01T10:00:00.000Z',
      lastUpdated: '2024-05-01T10:00:00.000Z',
      status: 'active',
      filterType: 'all',
      pubTopics: [],
      subTopics: [],
      certificate: EXAMPLE_PEM,
      certificateInfo: EXAMPLE_INFO,
    });
    expect(res.body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(res.body.applicationCertificateId).toBe(res.body.id);
    expect(res.body).not.toHaveProperty('deviceIds');
    const read = await client.get(res.body.id);
    expect(read.body).toEqual(res.body);
    expect(await totalCount(client)).toBe(6);
  });

  it('keeps the fields sent: status, topics, filterType, deviceIds, deviceTags', async () => {
    const body = {
      certificate: SECOND_PEM,
      status: 'inactive',
      filterType: 'whitelist',
      pubTopics: ['devices/a/state'],
      subTopics: ['devices/a/command'],
      deviceIds: ['5d3f1a2b7ae143cd83dc4b11'],
      deviceTags: [{ key: 'floor', value: '2' }],
    };
    const res = await api().create(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject(body);
  });

  it('takes the certificateInfo from the PEM, never from the request (certificateInfo is not a body field)', async () => {
    const res = await api().create({ certificate: EXAMPLE_PEM, certificateInfo: { commonName: 'forged' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'Validation', message: "body field 'certificateInfo' is not allowed" });
  });

  it('a subject without CN gives commonName "" and the issuer DN as issuerName', async () => {
    const res = await api().create({ certificate: NO_CN_PEM });
    expect(res.status).toBe(201);
    expect(res.body.certificateInfo).toMatchObject({ commonName: '', issuerName: 'O=Acme Devices, OU=Line 4' });
  });

  it.each([
    [
      'a PEM that does not parse',
      { certificate: '-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----\n' },
      'certificate is not a valid PEM encoded X.509 certificate',
    ],
    ['text that is no PEM', { certificate: 'x'.repeat(60) }, 'certificate is not a valid PEM encoded X.509 certificate'],
    ['a certificate under 50 characters', { certificate: 'x'.repeat(49) }, "body field 'certificate' must NOT have fewer than 50 characters"],
    ['a certificate over 32767 characters', { certificate: 'x'.repeat(32768) }, "body field 'certificate' must NOT have more than 32767 characters"],
    ['no certificate', { description: 'x' }, "body field 'certificate' is required"],
    ['an unknown property', { certificate: EXAMPLE_PEM, color: 'red' }, "body field 'color' is not allowed"],
    ['a bad status', { certificate: EXAMPLE_PEM, status: 'paused' }, 'body field \'status\' must be one of "active", "inactive"'],
  ])('%s → 400 Validation, nothing stored', async (_name, body, message) => {
    const client = api();
    const res = await client.create(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'Validation', message });
    expect(await totalCount(client)).toBe(5);
  });

  it('malformed JSON → 400 Validation', async () => {
    const res = await request(standin.app)
      .post(`/losant/applications/${APP}/certificates`)
      .set('authorization', `Bearer ${ALL}`)
      .set('content-type', 'application/json')
      .send('{"certificate":');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('Validation');
  });
});

describe('losant: patch', () => {
  it('merges the sent fields, keeps the others, replaces arrays and bumps lastUpdated', async () => {
    const client = api();
    const before = (await client.get(DEMO_CERT)).body;
    standin.clock.set('2024-06-01T12:00:00.000Z');
    try {
      const res = await client.patch(DEMO_CERT, { description: 'An example updated certificate description', pubTopics: ['a', 'b'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        ...before,
        description: 'An example updated certificate description',
        pubTopics: ['a', 'b'],
        lastUpdated: '2024-06-01T12:00:00.000Z',
      });
      const again = await client.patch(DEMO_CERT, { pubTopics: ['c'] });
      expect(again.body.pubTopics).toEqual(['c']);
      expect((await client.get(DEMO_CERT)).body).toEqual(again.body);
    } finally {
      standin.clock.set('2024-05-01T10:00:00.000Z');
    }
  });

  it('an empty body still bumps lastUpdated [standin choice]', async () => {
    const res = await api().patch(DEMO_CERT, {});
    expect(res.status).toBe(200);
    expect(res.body.lastUpdated).toBe('2024-05-01T10:00:00.000Z');
  });

  it('a new certificate re-derives certificateInfo', async () => {
    const res = await api().patch(DEMO_CERT, { certificate: SECOND_PEM });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ certificate: SECOND_PEM, certificateInfo: { commonName: 'second-device', issuerName: 'second-device' } });
  });

  it.each([
    ['deviceIds (not one of the six patchable fields)', { deviceIds: [] }, "body field 'deviceIds' is not allowed"],
    ['id', { id: UNKNOWN }, "body field 'id' is not allowed"],
    ['a certificate that does not parse', { description: 'x', certificate: 'y'.repeat(80) }, 'certificate is not a valid PEM encoded X.509 certificate'],
    ['a bad filterType', { filterType: 'some' }, "body field 'filterType' must match exactly one schema in oneOf"],
  ])('%s → 400 Validation, nothing changes', async (_name, body, message) => {
    const client = api();
    const before = (await client.get(DEMO_CERT)).body;
    const res = await client.patch(DEMO_CERT, body);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('Validation');
    expect(res.body.message).toContain(message);
    expect((await client.get(DEMO_CERT)).body).toEqual(before);
  });
});

describe('losant: delete', () => {
  it('200 {success:true}; later GET, PATCH and DELETE → 404 and the list no longer counts it', async () => {
    const client = api();
    const res = await client.remove(DEMO_CERT);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    for (const after of [await client.get(DEMO_CERT), await client.patch(DEMO_CERT, {}), await client.remove(DEMO_CERT)]) {
      expect(after.status).toBe(404);
      expect(after.body).toEqual({ type: 'NotFound', message: 'Application Certificate was not found' });
    }
    const list = await client.list();
    expect(list.body.totalCount).toBe(4);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(DEMO_CERT);
  });

  it('only touches the namespace it was sent to', async () => {
    await api().remove(DEMO_CERT);
    expect((await api().get(DEMO_CERT)).status).toBe(200);
  });
});

describe('losant: list', () => {
  const ids = (res: request.Response) => res.body.items.map((i: { id: string }) => i.id);
  const names = (res: request.Response) => res.body.items.map((i: { certificateInfo: { commonName: string } }) => i.certificateInfo.commonName);

  it('defaults: sorted by certificateInfo.commonName asc, page 0 of 100, and echoes them', async () => {
    const res = await api().list({ _actions: 'false', _links: 'true', _embedded: 'true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      count: 5,
      totalCount: 5,
      perPage: 100,
      page: 0,
      sortField: 'certificateInfo.commonName',
      sortDirection: 'asc',
      applicationId: APP,
    });
    expect(res.body).not.toHaveProperty('filter');
    expect(names(res)).toEqual([...names(res)].sort());
    expect(names(res)).toContain('myDomain.com');
  });

  it('count is the page size, totalCount the match count; pages are 0-based', async () => {
    const client = api();
    const all = await client.list();
    const page1 = await client.list({ perPage: '2', page: '1' });
    expect(page1.body).toMatchObject({ count: 2, totalCount: 5, perPage: 2, page: 1 });
    expect(ids(page1)).toEqual(ids(all).slice(2, 4));
    const past = await client.list({ perPage: '2', page: '3' });
    expect(past.body).toMatchObject({ count: 0, totalCount: 5, items: [] });
  });

  it('sortField and sortDirection (echoed as sent); ties break by id', async () => {
    const res = await api().list({ sortField: 'creationDate', sortDirection: 'DESC' });
    expect(res.body).toMatchObject({ sortField: 'creationDate', sortDirection: 'DESC' });
    const dates = res.body.items.map((i: { creationDate: string }) => i.creationDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filterField + glob filter: `*` wildcard, whole value, case-insensitive; echoed', async () => {
    const client = api();
    const res = await client.list({ filterField: 'certificateInfo.commonName', filter: '*-0*' });
    expect(res.body).toMatchObject({ filterField: 'certificateInfo.commonName', filter: '*-0*', totalCount: 4 });
    expect((await client.list({ filterField: 'certificateInfo.commonName', filter: 'MYDOMAIN.COM' })).body.totalCount).toBe(1);
    expect((await client.list({ filterField: 'certificateInfo.commonName', filter: 'myDomain' })).body.totalCount).toBe(0);
  });

  it('regex specials in the filter match only themselves', async () => {
    const client = api();
    expect((await client.list({ filterField: 'certificateInfo.commonName', filter: 'myDomain.com' })).body.totalCount).toBe(1);
    expect((await client.list({ filterField: 'certificateInfo.commonName', filter: 'my.omain.com' })).body.totalCount).toBe(0);
    expect((await client.list({ filterField: 'certificateInfo.commonName', filter: '.*' })).body.totalCount).toBe(0);
  });

  it('filters on status', async () => {
    const client = api();
    await client.patch(DEMO_CERT, { status: 'inactive' });
    const res = await client.list({ filterField: 'status', filter: 'inact*' });
    expect(res.body.items.every((i: { status: string }) => i.status === 'inactive')).toBe(true);
    expect(ids(res)).toContain(DEMO_CERT);
  });

  it('a blank filter or filterField means no filtering, and is not echoed', async () => {
    const client = api();
    const queries: Array<Record<string, string>> = [
      { filterField: 'status' },
      { filterField: 'status', filter: '' },
      { filter: 'zzz' },
      { filterField: '', filter: 'zzz' },
    ];
    for (const query of queries) {
      const res = await client.list(query);
      expect(res.body.totalCount).toBe(5);
      expect(res.body).not.toHaveProperty('filterField');
    }
  });

  it.each([
    [{ sortField: 'description' }, 'sortField'],
    [{ sortDirection: 'up' }, 'sortDirection'],
    [{ sortDirection: 'Desc' }, 'sortDirection'],
    [{ perPage: '0' }, 'perPage'],
    [{ perPage: '1001' }, 'perPage'],
    [{ perPage: '2.5' }, 'perPage'],
    [{ perPage: '' }, 'perPage'],
    [{ page: '-1' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ page: '1234567890123456' }, 'page'],
    [{ filterField: 'description' }, 'filterField'],
    [{ filterField: 'status', filter: 'x'.repeat(1025) }, 'filter'],
  ])('%j → 400 Validation', async (query, field) => {
    const res = await api().list(query);
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('Validation');
    expect(res.body.message).toContain(`'${field}'`);
  });

  // Regression (hostile input): these were coerced by Number(): Infinity answered 500, hex was read as a number.
  it.each(['Infinity', '-Infinity', '1e400', '0x2', '1e2', ' 5', '+5'])(
    'page or perPage = %j → 400 Validation, never 500 or a coerced number',
    async (value) => {
      const client = api();
      for (const name of ['page', 'perPage']) {
        const res = await client.list({ [name]: value });
        expect([res.status, res.body.type]).toEqual([400, 'Validation']);
        expect(res.body.message).toContain(`query parameter '${name}' must match pattern`);
      }
    },
  );

  it('page and perPage are decimal digits, leading zeros allowed, echoed as integers', async () => {
    const res = await api().list({ page: '001', perPage: '0002' });
    expect(res.body).toMatchObject({ page: 1, perPage: 2, count: 2, totalCount: 5 });
    expect((await api().list({ perPage: '1000' })).body.perPage).toBe(1000);
  });

  it('sortDirection "" (the list response enum includes it) sorts ascending and is echoed blank', async () => {
    const client = api();
    const blank = await client.list({ sortDirection: '' });
    expect(blank.status).toBe(200);
    expect(blank.body.sortDirection).toBe('');
    expect(ids(blank)).toEqual(ids(await client.list({ sortDirection: 'asc' })));
  });

  // Regression (hostile input): the glob was a backtracking RegExp; this took ~3 s per certificate.
  it('hostile filter: `*a*a*a*a*a*a*b` against 64-character common names answers fast', async () => {
    const client = api();
    for (let i = 0; i < 3; i++) await client.create({ certificate: certificateFor('a'.repeat(64)).pem, description: String(i) });
    const started = performance.now();
    const res = await client.list({ filterField: 'certificateInfo.commonName', filter: '*a*a*a*a*a*a*b' });
    expect(res.body.totalCount).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('hostile filter: a 1024-character glob of stars is answered; one more character is 400 Validation', async () => {
    const client = api();
    const stars = await client.list({ filterField: 'certificateInfo.commonName', filter: '*'.repeat(1024) });
    expect(stars.body.totalCount).toBe(5);
    const over = await client.list({ filterField: 'certificateInfo.commonName', filter: '*'.repeat(1025) });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ type: 'Validation', message: "query parameter 'filter' must NOT have more than 1024 characters" });
  });

  it("lists only the asked application's certificates", async () => {
    const client = api();
    const other = await client.list({}, OTHER_APP);
    expect(other.body).toMatchObject({ totalCount: 2, applicationId: OTHER_APP });
    expect(ids(other)).not.toContain(DEMO_CERT);
    await client.create({ certificate: EXAMPLE_PEM }, OTHER_APP);
    expect(await totalCount(client)).toBe(5);
  });
});

describe('losant: state dump', () => {
  it('shows certificates per application and hides the tokens', async () => {
    const client = api();
    await client.list();
    const res = await request(standin.app).get('/__admin/state/losant').set('x-standin-namespace', client.namespace);
    expect(res.status).toBe(200);
    const { state } = res.body;
    expect(Object.keys(state.applications)).toEqual([APP, OTHER_APP]);
    expect(state.applications[APP]).toHaveLength(5);
    expect(JSON.stringify(state.tokens)).not.toContain('losant-demo-all');
    expect(state.tokens[0]).toEqual({ token: 'losa…-all', scopes: ['all.Application'] });
  });
});
