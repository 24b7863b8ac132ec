import request from 'supertest';
import { createApp } from '../../server';
import { EXAMPLE_PEM, NO_CN_PEM, SECOND_PEM } from './testing/certificates';
import { newestClient, newestListPath } from './testing/newestClient';

// What the current Losant API added after losant-rest 2.8.1 (the certificate `name`, sortField and
// filterField `name`, the advanced `query` parameter, the `*.bounded` scopes), over HTTP, sent
// exactly as the newest losant-rest sends it. Each test uses its own namespace.

const APP = '575ec8687ae143cd83dc4a97';
const DEMO_CERT = '575ec76c7ae143cd83dc4a96';
const standin = createApp({ apis: ['losant'], now: '2024-05-01T10:00:00.000Z' });
let counter = 0;
const client = (token = 'losant-demo-all') => newestClient(standin.app, `losant-newest-${++counter}`, token);
const ids = (res: request.Response) => res.body.items.map((c: { id: string }) => c.id);
const names = (res: request.Response) => res.body.items.map((c: { name: string }) => c.name);

describe('losant newest API: the certificate name', () => {
  it('POST keeps the name sent; GET and the list return it', async () => {
    const c = client();
    const created = await c.create(APP, { certificate: EXAMPLE_PEM, name: 'Boiler room sensor' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Boiler room sensor', certificateInfo: { commonName: 'example-device' } });
    expect((await c.get(APP, created.body.id)).body.name).toBe('Boiler room sensor');
    const listed = await c.list(APP, { filterField: 'name', filter: 'boiler*' });
    expect(ids(listed)).toEqual([created.body.id]);
  });

  it('POST without a name takes the common name, or the serial number when there is no CN', async () => {
    const c = client();
    const withCn = await c.create(APP, { certificate: SECOND_PEM });
    expect(withCn.body.name).toBe('second-device');
    const withoutCn = await c.create(APP, { certificate: NO_CN_PEM });
    expect(withoutCn.body.certificateInfo.commonName).toBe('');
    expect(withoutCn.body.name).toBe(withoutCn.body.certificateInfo.serialNumber);
  });

  it('the seeded certificates carry names too (from their CN)', async () => {
    const res = await client().get(APP, DEMO_CERT);
    expect(res.body.name).toBe('myDomain.com');
  });

  it('names need not be unique', async () => {
    const c = client();
    expect((await c.create(APP, { certificate: EXAMPLE_PEM, name: 'twin' })).status).toBe(201);
    expect((await c.create(APP, { certificate: SECOND_PEM, name: 'twin' })).status).toBe(201);
    expect((await c.list(APP, { filterField: 'name', filter: 'twin' })).body.totalCount).toBe(2);
  });

  it('PATCH sets the name; a new certificate keeps it', async () => {
    const c = client();
    const patched = await c.patch(APP, DEMO_CERT, { name: 'Renamed' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', lastUpdated: '2024-05-01T10:00:00.000Z' });
    const replaced = await c.patch(APP, DEMO_CERT, { certificate: SECOND_PEM });
    expect(replaced.body).toMatchObject({ name: 'Renamed', certificateInfo: { commonName: 'second-device' } });
  });

  it.each([
    ['POST', { certificate: EXAMPLE_PEM, name: '' }, "body field 'name' must NOT have fewer than 1 characters"],
    ['POST', { certificate: EXAMPLE_PEM, name: 'n'.repeat(256) }, "body field 'name' must NOT have more than 255 characters"],
    ['POST', { certificate: EXAMPLE_PEM, name: 7 }, "body field 'name' must be string"],
    ['PATCH', { name: '' }, "body field 'name' must NOT have fewer than 1 characters"],
  ])('%s with name %j → 400 Validation, nothing stored', async (method, body, message) => {
    const c = client();
    const res = method === 'POST' ? await c.create(APP, body) : await c.patch(APP, DEMO_CERT, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'Validation', message });
    expect((await c.list(APP)).body.totalCount).toBe(5);
    expect((await c.get(APP, DEMO_CERT)).body.name).toBe('myDomain.com');
  });

  it('sortField=name orders by name (code point), both ways', async () => {
    const c = client();
    for (const name of ['b', 'B', 'a']) await c.create(APP, { certificate: EXAMPLE_PEM, name });
    const asc = await c.list(APP, { sortField: 'name' });
    expect(asc.body.sortField).toBe('name');
    expect(names(asc)).toEqual([...names(asc)].sort());
    const desc = await c.list(APP, { sortField: 'name', sortDirection: 'desc' });
    expect(names(desc)).toEqual([...names(asc)].reverse());
  });
});

describe('losant newest API: the advanced query parameter', () => {
  it('is sent as qs-encoded JSON text, and filters the list', async () => {
    expect(newestListPath(APP, { query: { name: { $startsWith: 'my*' } } })).toBe(
      `/applications/${APP}/certificates?_actions=false&_links=true&_embedded=true&query=%7B%22name%22%3A%7B%22%24startsWith%22%3A%22my%2A%22%7D%7D`,
    );
    const res = await client().list(APP, { query: { name: { $startsWith: 'MYDOMAIN', $ci: true } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: 1, totalCount: 1, items: [{ id: DEMO_CERT }] });
    expect(res.body).not.toHaveProperty('query');
  });

  it('overrides filterField and filter, which are then neither applied nor echoed', async () => {
    const res = await client().list(APP, { filterField: 'status', filter: 'inactive', query: { commonName: 'myDomain.com' } });
    expect(res.body).toMatchObject({ totalCount: 1, items: [{ id: DEMO_CERT }] });
    expect(res.body).not.toHaveProperty('filter');
    expect(res.body).not.toHaveProperty('filterField');
  });

  it('is sorted and paged like any list', async () => {
    const c = client();
    const all = await c.list(APP, { query: { status: { $in: ['active', 'inactive'] } }, sortField: 'creationDate', sortDirection: 'desc' });
    expect(all.body.totalCount).toBe(5);
    const page = await c.list(APP, {
      query: { status: { $in: ['active', 'inactive'] } },
      sortField: 'creationDate',
      sortDirection: 'desc',
      page: 1,
      perPage: 2,
    });
    expect(page.body).toMatchObject({ count: 2, totalCount: 5, page: 1, perPage: 2 });
    expect(ids(page)).toEqual(ids(all).slice(2, 4));
  });

  it('combines $or, $and, $nor and dates in milliseconds', async () => {
    const c = client();
    const created = await c.create(APP, { certificate: SECOND_PEM, name: 'fresh', status: 'inactive' });
    const query = {
      $or: [{ $and: [{ status: 'inactive' }, { creationDate: { $gte: Date.parse('2024-05-01T10:00:00Z') } }] }, { id: DEMO_CERT }],
      $nor: [{ name: 'nothing-by-this-name' }],
    };
    const res = await c.list(APP, { query });
    expect(ids(res).sort()).toEqual([created.body.id, DEMO_CERT].sort());
  });

  it('a blank query means no query', async () => {
    const res = await request(standin.app).get(`/losant/applications/${APP}/certificates?query=`).set('authorization', 'Bearer losant-demo-all');
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(5);
  });

  it.each<[string, string, string]>([
    ['not JSON', '{"name":', "query parameter 'query' is not valid JSON"],
    ['not an object', '"myDomain.com"', "query parameter 'query' must be a JSON object"],
    ['an unknown field', '{"color":"red"}', "query parameter 'query': 'color' is not allowed"],
    ['an unknown operator', '{"name":{"$regex":"^my"}}', "query parameter 'query': 'name.$regex' is not allowed"],
    ['a bad operand', '{"$or":[{"name":{"$startsWith":""}}]}', "query parameter 'query': '$or[0].name.$startsWith' must be a non-empty string"],
    [
      'an id condition with two operators',
      '{"id":{"$gt":"000000000000000000000000","$lt":"ffffffffffffffffffffffff"}}',
      "query parameter 'query': 'id' must hold exactly one operator",
    ],
  ])('%s → 400 Validation, before the application is looked up', async (_name, text, message) => {
    for (const app of [APP, 'aaaaaaaaaaaaaaaaaaaaaaaa']) {
      const res = await request(standin.app)
        .get(`/losant/applications/${app}/certificates`)
        .query({ query: text })
        .set('authorization', 'Bearer losant-demo-all');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ type: 'Validation', message });
    }
  });

  it('hostile query: over 4096 characters, 11 levels deep or over 200 conditions → 400 Validation', async () => {
    const long = JSON.stringify({ name: 'x'.repeat(4096) });
    const deep = JSON.stringify(Array.from({ length: 10 }).reduce<unknown>((q) => ({ $and: [q] }), { status: 'active' }));
    const wide = JSON.stringify({ $or: Array.from({ length: 3 }, () => ({ $and: Array.from({ length: 66 }, () => ({ id: null })) })) });
    const answers = await Promise.all([long, deep, wide].map((text) => client().list(APP, { query: JSON.parse(text) })));
    expect(answers.map((r) => [r.status, r.body.type, r.body.message])).toEqual([
      [400, 'Validation', "query parameter 'query' must NOT have more than 4096 characters"],
      [400, 'Validation', "query parameter 'query' nests $and/$or/$nor deeper than 10 levels"],
      [400, 'Validation', "query parameter 'query' holds more than 200 conditions"],
    ]);
  });
});

describe('losant newest API: the *.bounded scopes', () => {
  it('a token holding only all.Application.bounded may call all five operations', async () => {
    const c = client('losant-demo-bounded');
    expect((await c.list(APP)).status).toBe(200);
    const created = await c.create(APP, { certificate: EXAMPLE_PEM });
    expect(created.status).toBe(201);
    expect((await c.get(APP, created.body.id)).status).toBe(200);
    expect((await c.patch(APP, created.body.id, { description: 'bounded' })).status).toBe(200);
    expect((await c.remove(APP, created.body.id)).body).toEqual({ success: true });
  });
});
