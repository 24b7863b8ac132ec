import request from 'supertest';
import { createApp } from '../../server';

// Every droplit rule over HTTP, in-process. Each test uses its own namespace.

const NOW = '2024-05-01T12:00:00.000Z';
const ECO = 'C599343aecca8fba8297a3195';
const OTHER_ECO = 'C5a0b1c2d3e4f5a6b7c8d9e0f';
const SEEDED = 'E59e347bcaa0961c9631d6da1';
const TOKENS = { account: 'droplit-demo-account', server: 'droplit-demo-server', user: 'droplit-demo-user', client: 'droplit-demo-client' };
const ENV_ID = /^E[0-9a-f]{24}$/;
const REQUIRED_MISSING = { in: 'body', path: '#', message: 'required properties are missing: ecosystemId' };
const INVALID_ID = { in: 'path', path: 'id', message: 'invalid id' };

const { app } = createApp({ apis: ['droplit'], now: NOW });

let counter = 0;
function namespace(): string {
  return `droplit-http-${process.pid}-${++counter}`;
}

interface Options {
  token?: string | null;
  headers?: Record<string, string>;
  base?: string;
}

function client(ns = namespace()) {
  const prepare = (req: request.Test, options: Options = {}) => {
    req.set('x-standin-namespace', ns);
    const token = options.token === undefined ? TOKENS.account : options.token;
    if (token !== null) req.set('authorization', token);
    for (const [name, value] of Object.entries(options.headers ?? {})) req.set(name, value);
    return req;
  };
  const url = (path: string, options: Options) => `/droplit${options.base ?? '/v0/api'}/environments${path}`;
  return {
    ns,
    create: (body: unknown, options: Options = {}) => prepare(request(app).post(url('/', options)), options).send(body as object),
    createRaw: (path: string, options: Options = {}) => prepare(request(app).post(url(path, options)), options),
    list: (query: string, options: Options = {}) => prepare(request(app).get(url(`/${query}`, options)), options),
    get: (id: string, options: Options = {}) => prepare(request(app).get(url(`/${encodeURIComponent(id)}`, options)), options),
    update: (id: string, body: unknown, options: Options = {}) =>
      prepare(request(app).put(url(`/${encodeURIComponent(id)}`, options)), options).send(body as object),
    remove: (id: string, options: Options & { query?: string } = {}) =>
      prepare(request(app).delete(url(`/${encodeURIComponent(id)}${options.query ?? ''}`, options)), options),
    state: async () => (await request(app).get(`/__admin/state/droplit?namespace=${ns}`)).body.state,
  };
}

type Client = ReturnType<typeof client>;

/** `meta` nesting `levels` objects deep, counting meta itself as level 1. */
function nestedMeta(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

async function environmentCount(c: Client, ecosystemId = ECO): Promise<number> {
  const state = await c.state();
  return state.ecosystems.find((e: { id: string }) => e.id === ecosystemId).environments.length;
}

function expectError(res: request.Response, status: number, errorType: string, item: Record<string, unknown>) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toEqual({ errorType, errors: [item] });
}

function expectNoHtmlOrStack(res: request.Response) {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.text).not.toMatch(/<html|<pre>|\bat .+\.(ts|js):\d+/i);
}

describe('droplit auth', () => {
  it('a missing (or unknown) authorization header is 401 Unauthorized on every operation', async () => {
    const c = client();
    const unauthorized = { in: 'header', path: 'authorization', message: 'Invalid or missing token' };
    expectError(await c.create({ ecosystemId: ECO }, { token: null }), 401, 'Unauthorized', unauthorized);
    expectError(await c.list(`?ecosystemId=${ECO}`, { token: null }), 401, 'Unauthorized', unauthorized);
    expectError(await c.get(SEEDED, { token: null }), 401, 'Unauthorized', unauthorized);
    expectError(await c.update(SEEDED, { alias: 'x' }, { token: null }), 401, 'Unauthorized', unauthorized);
    expectError(await c.remove(SEEDED, { token: null }), 401, 'Unauthorized', unauthorized);
    expectError(await c.remove(SEEDED, { token: 'droplit-demo-nope' }), 401, 'Unauthorized', unauthorized);
    expect(await environmentCount(c)).toBe(1);
  });

  it('an unknown token is 401 Unauthorized', async () => {
    const res = await client().get(SEEDED, { token: 'droplit-demo-nope' });
    expectError(res, 401, 'Unauthorized', { in: 'header', path: 'authorization', message: 'Invalid or missing token' });
  });

  it('a Bearer prefix is tolerated', async () => {
    expect((await client().get(SEEDED, { token: `Bearer ${TOKENS.user}` })).status).toBe(200);
    expect((await client().create({ ecosystemId: ECO }, { token: `bearer ${TOKENS.account}` })).status).toBe(201);
  });

  it('create with a user token is 403 Forbidden and stores nothing', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, alias: 'by_user' }, { token: TOKENS.user });
    expectError(res, 403, 'Forbidden', { in: 'header', path: 'authorization', message: 'An account token is required' });
    expect(await environmentCount(c)).toBe(1);
  });

  it('create with a server token is 403 Forbidden (create needs an account token)', async () => {
    expect((await client().create({ ecosystemId: ECO }, { token: TOKENS.server })).status).toBe(403);
  });

  it.each(['account', 'server', 'user'] as const)('list, info and update accept a %s token', async (type) => {
    const c = client();
    const token = TOKENS[type];
    expect((await c.list(`?ecosystemId=${ECO}`, { token })).status).toBe(200);
    expect((await c.get(SEEDED, { token })).status).toBe(200);
    expect((await c.update(SEEDED, { meta: { by: type } }, { token })).status).toBe(200);
  });

  it('a token type outside the operation security list (client) is 403 on list, info, update and delete', async () => {
    const c = client();
    const forbidden = { in: 'header', path: 'authorization', message: 'This token type may not access this endpoint' };
    expectError(await c.list(`?ecosystemId=${ECO}`, { token: TOKENS.client }), 403, 'Forbidden', forbidden);
    expectError(await c.get(SEEDED, { token: TOKENS.client }), 403, 'Forbidden', forbidden);
    expectError(await c.update(SEEDED, { alias: 'by_client' }, { token: TOKENS.client }), 403, 'Forbidden', forbidden);
    expectError(await c.remove(SEEDED, { token: TOKENS.client }), 403, 'Forbidden', forbidden);
    expect((await c.get(SEEDED)).body.alias).toBe('living_room');
  });
});

describe('droplit createEnvironment', () => {
  it('201 returns {createdAt, ecosystemId, id, meta} with an E + 24 hex id and the clock time', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['createdAt', 'ecosystemId', 'id', 'meta']);
    expect(res.body).toEqual({ createdAt: NOW, ecosystemId: ECO, id: expect.stringMatching(ENV_ID), meta: {} });
    expect(res.body.id).toHaveLength(25);
    expect((await c.get(res.body.id)).body).toEqual(res.body);
  });

  it('201 echoes alias and meta as stored', async () => {
    const res = await client().create({ ecosystemId: ECO, alias: 'garage', meta: { $label: 'Garage', n: 1 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ alias: 'garage', meta: { $label: 'Garage', n: 1 } });
  });

  it('ids come from the seeded generator: a fresh app gives the same ids', async () => {
    const other = createApp({ apis: ['droplit'], now: NOW }).app;
    const make = (a: typeof app, ns: string) =>
      request(a).post('/droplit/v0/api/environments/').set('x-standin-namespace', ns).set('authorization', TOKENS.account).send({ ecosystemId: ECO });
    const first = [(await make(app, 'droplit-determinism')).body.id, (await make(app, 'droplit-determinism')).body.id];
    const second = [(await make(other, 'droplit-determinism')).body.id, (await make(other, 'droplit-determinism')).body.id];
    expect(first).toEqual(second);
    expect(first[0]).not.toEqual(first[1]);
  });

  it('a content type other than application/json is 400 "required properties are missing: ecosystemId" at # and stores nothing', async () => {
    const c = client();
    const res = await c
      .createRaw('/')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ ecosystemId: ECO }));
    expectError(res, 400, 'InvalidParams', REQUIRED_MISSING);
    expectNoHtmlOrStack(res);
    expect(await environmentCount(c)).toBe(1);
  });

  it('a body without ecosystemId is 400 "required properties are missing: ecosystemId" at # (the vendor devices-create wire text)', async () => {
    const c = client();
    expectError(await c.create({ alias: 'no_eco' }), 400, 'InvalidParams', REQUIRED_MISSING);
    expect(await environmentCount(c)).toBe(1);
  });

  it.each([[''], [42], [null]])('an ecosystemId of %p is 400 Body Parameters Missing at ecosystemId', async (ecosystemId) => {
    const c = client();
    expectError(await c.create({ ecosystemId }), 400, 'InvalidParams', { in: 'body', path: 'ecosystemId', message: 'Body Parameters Missing' });
    expect(await environmentCount(c)).toBe(1);
  });

  it('no body at all is 400 "required properties are missing: ecosystemId" at #, not path ""', async () => {
    const res = await client().createRaw('/');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorType: 'InvalidParams', errors: [REQUIRED_MISSING] });
  });

  it('malformed JSON is 400 InvalidBody in the Droplit envelope, never HTML or a stack trace', async () => {
    const c = client();
    const res = await c.createRaw('/').set('content-type', 'application/json').send('{"ecosystemId": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorType: 'InvalidBody', errors: [{ in: 'body', path: '#', message: expect.stringMatching(/not valid JSON/) }] });
    expectNoHtmlOrStack(res);
    expect(await environmentCount(c)).toBe(1);
  });

  it('any query string is 400 No Query String Allowed and stores nothing', async () => {
    const c = client();
    const res = await c.createRaw('/?dryRun=1&x=2').set('content-type', 'application/json').send({ ecosystemId: ECO });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorType: 'InvalidParams',
      errors: [
        { in: 'query', path: 'dryRun', message: 'No Query String Allowed' },
        { in: 'query', path: 'x', message: 'No Query String Allowed' },
      ],
    });
    expect(await environmentCount(c)).toBe(1);
  });

  it('the query string rule comes before the body rules (and after auth)', async () => {
    const c = client();
    const badBody = await c.createRaw('/?ecosystemId=x').set('content-type', 'text/plain').send('hello');
    expectError(badBody, 400, 'InvalidParams', { in: 'query', path: 'ecosystemId', message: 'No Query String Allowed' });
    expect((await c.createRaw('/?x', { token: TOKENS.user }).send({ ecosystemId: ECO })).status).toBe(403);
  });

  it('also answers on /api/environments, query rule included', async () => {
    const c = client();
    expect((await c.create({ ecosystemId: ECO, alias: 'unversioned' }, { base: '/api' })).status).toBe(201);
    expect((await c.createRaw('/?a=1', { base: '/api' }).send({ ecosystemId: ECO })).body.errors[0].message).toBe('No Query String Allowed');
  });

  it.each([['with space'], ['a-b'], ['x'.repeat(25)], [''], ['ünï'], [42], [null]])('alias %p is 400 Alias Invalid and stores nothing', async (alias) => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, alias });
    expectError(res, 400, 'InvalidParams', { in: 'body', path: 'alias', message: 'Alias Invalid' });
    expect(await environmentCount(c)).toBe(1);
  });

  it('an alias of 24 characters from [A-Za-z0-9_] is valid', async () => {
    expect((await client().create({ ecosystemId: ECO, alias: 'aZ_9'.repeat(6) })).status).toBe(201);
  });

  it('an alias used in the same ecosystem is 400 InvalidBody Alias Exists and stores nothing', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, alias: 'living_room' });
    expectError(res, 400, 'InvalidBody', { in: 'body', path: 'alias', message: 'Alias Exists' });
    expect(await environmentCount(c)).toBe(1);
  });

  it('aliases are unique per ecosystem only, and case-sensitive', async () => {
    const c = client();
    expect((await c.create({ ecosystemId: OTHER_ECO, alias: 'living_room' })).status).toBe(201);
    expect((await c.create({ ecosystemId: ECO, alias: 'Living_Room' })).status).toBe(201);
  });

  it.each([[[]], ['text'], [null], [3], [true]])('meta %p is 400 Metadata Format Invalid and stores nothing', async (meta) => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, meta });
    expectError(res, 400, 'InvalidParams', { in: 'body', path: 'meta', message: 'Metadata Format Invalid' });
    expect(await environmentCount(c)).toBe(1);
  });

  it('regression: meta nested 2,000 levels deep was 500 "Maximum call stack size exceeded"; it is 400 Metadata Format Invalid and stores nothing', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, alias: 'deep', meta: nestedMeta(2000) });
    expectError(res, 400, 'InvalidParams', { in: 'body', path: 'meta', message: 'Metadata Format Invalid' });
    expectNoHtmlOrStack(res);
    expect(await environmentCount(c)).toBe(1);
    expect((await c.create({ ecosystemId: ECO, alias: 'deep' })).status).toBe(201);
  });

  it('meta may nest 99 levels (meta itself is level 1), not 100', async () => {
    const c = client();
    expect((await c.create({ ecosystemId: ECO, meta: nestedMeta(99) })).status).toBe(201);
    expectError(await c.create({ ecosystemId: ECO, meta: nestedMeta(100) }), 400, 'InvalidParams', {
      in: 'body',
      path: 'meta',
      message: 'Metadata Format Invalid',
    });
  });

  it('several body problems are reported together, one errors[] entry each', async () => {
    const res = await client().create({ alias: 'a b', meta: [] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        REQUIRED_MISSING,
        { in: 'body', path: 'alias', message: 'Alias Invalid' },
        { in: 'body', path: 'meta', message: 'Metadata Format Invalid' },
      ]),
    );
    expect(res.body.errors).toHaveLength(3);
  });

  it('an unknown ecosystem is 404 Ecosystem Missing and stores nothing', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: 'C000000000000000000000000', alias: 'nowhere' });
    expectError(res, 404, 'NotFound', { in: 'body', path: 'ecosystemId', message: 'Ecosystem Missing' });
    const state = await c.state();
    expect(JSON.stringify(state)).not.toContain('nowhere');
  });

  it('keeps a __proto__ meta key as plain data', async () => {
    const c = client();
    const res = await c.createRaw('/').set('content-type', 'application/json').send('{"ecosystemId":"C599343aecca8fba8297a3195","meta":{"__proto__":{"x":1}}}');
    expect(res.status).toBe(201);
    expect(res.text).toContain('"meta":{"__proto__":{"x":1}}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('droplit system metadata prefix', () => {
  it('x-system-metadata-prefix translates top-level keys to $ when storing and back in the same response', async () => {
    const c = client();
    const res = await c.create(
      { ecosystemId: ECO, meta: { sys_label: 'Den', name: 'den', deep: { sys_x: 1 } } },
      { headers: { 'x-system-metadata-prefix': 'sys_' } },
    );
    expect(res.status).toBe(201);
    expect(res.body.meta).toEqual({ sys_label: 'Den', name: 'den', deep: { sys_x: 1 } });
    const stored = await c.get(res.body.id);
    expect(stored.body.meta).toEqual({ $label: 'Den', name: 'den', deep: { sys_x: 1 } });
  });

  it('the default prefix ($.) stores keys as sent', async () => {
    const c = client();
    const res = await c.create({ ecosystemId: ECO, meta: { $label: 'A', '$.x': 1 } }, { headers: { 'x-system-metadata-prefix': '$.' } });
    expect(res.body.meta).toEqual({ $label: 'A', '$.x': 1 });
    expect((await c.get(res.body.id)).body.meta).toEqual({ $label: 'A', '$.x': 1 });
  });

  it('x-system-meta-prefix works too, and x-system-metadata-prefix wins when both are sent', async () => {
    const c = client();
    const one = await c.create({ ecosystemId: ECO, meta: { p_label: 'P' } }, { headers: { 'x-system-meta-prefix': 'p_' } });
    expect((await c.get(one.body.id)).body.meta).toEqual({ $label: 'P' });
    const both = await c.create(
      { ecosystemId: ECO, meta: { a_label: 'A', b_label: 'B' } },
      { headers: { 'x-system-metadata-prefix': 'a_', 'x-system-meta-prefix': 'b_' } },
    );
    expect((await c.get(both.body.id)).body.meta).toEqual({ $label: 'A', b_label: 'B' });
  });

  it('applies on update, inbound and outbound', async () => {
    const c = client();
    const res = await c.update(SEEDED, { meta: { sys_label: 'Hall' } }, { headers: { 'x-system-metadata-prefix': 'sys_' } });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ sys_label: 'Hall' });
    expect((await c.get(SEEDED)).body.meta).toEqual({ $label: 'Hall' });
  });
});

describe('droplit listEnvironments', () => {
  it('lists the ecosystem environments in creation order with edgeIds []', async () => {
    const c = client();
    const a = (await c.create({ ecosystemId: ECO, alias: 'a_env' })).body;
    await c.create({ ecosystemId: OTHER_ECO, alias: 'elsewhere' });
    const b = (await c.create({ ecosystemId: ECO, meta: { $label: 'B' } })).body;
    const res = await c.list(`?ecosystemId=${ECO}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([SEEDED, a.id, b.id]);
    expect(res.body.items[0]).toEqual({
      id: SEEDED,
      ecosystemId: ECO,
      alias: 'living_room',
      meta: { $label: 'Living room' },
      createdAt: '2017-06-16T03:08:44.404Z',
      edgeIds: [],
    });
    expect(res.body.items[2]).toEqual({ id: b.id, ecosystemId: ECO, meta: { $label: 'B' }, createdAt: NOW, edgeIds: [] });
  });

  it('answers on both /v0/api/environments and /api/environments', async () => {
    const c = client();
    const v0 = await c.list(`?ecosystemId=${ECO}`);
    const unversioned = await c.list(`?ecosystemId=${ECO}`, { base: '/api' });
    expect(unversioned.status).toBe(200);
    expect(unversioned.body).toEqual(v0.body);
  });

  it('a missing or malformed ecosystemId is 400 InvalidParams "invalid id"', async () => {
    const c = client();
    const invalid = { in: 'query', path: 'ecosystemId', message: 'invalid id' };
    expectError(await c.list(''), 400, 'InvalidParams', invalid);
    expectError(await c.list('?ecosystemId=C-1'), 400, 'InvalidParams', invalid);
  });

  it('an unknown ecosystem is 404 in plain text, as the list page documents', async () => {
    const res = await client().list('?ecosystemId=C000000000000000000000000');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('Ecosystem with id C000000000000000000000000 does not exist.');
  });

  it('filter evaluates the documented subset', async () => {
    const c = client();
    const hub = (await c.create({ ecosystemId: ECO, alias: 'hub', meta: { $label: 'Production Hub', floor: 2 } })).body;
    await c.create({ ecosystemId: ECO, meta: { $label: 'Test Hub', floor: 3 } });
    const ids = async (filter: string) =>
      (await c.list(`?ecosystemId=${ECO}&filter=${encodeURIComponent(filter)}`)).body.items.map((i: { id: string }) => i.id);
    expect(await ids('eq(meta.$label, "Production Hub")')).toEqual([hub.id]);
    expect(await ids('eq(alias, "hub")')).toEqual([hub.id]);
    expect(await ids('eq(alias, "nope")')).toEqual([]);
    expect(await ids('and(contains(meta.$label, "Hub"), eq(meta.floor, 2))')).toEqual([hub.id]);
    expect(await ids('exists(alias)')).toEqual([SEEDED, hub.id]);
    expect(await ids('NOT(exists(alias))')).toHaveLength(1);
  });

  describe('each filter operator', () => {
    const c = client();
    const made: Record<string, string> = {};
    const ids = async (filter: string) => {
      const res = await c.list(`?ecosystemId=${ECO}&filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(200);
      return res.body.items.map((i: { id: string }) => i.id);
    };

    beforeAll(async () => {
      made.low = (await c.create({ ecosystemId: ECO, alias: 'low', meta: { floor: 1, tags: ['a'], kind: 'hub' } })).body.id;
      made.high = (await c.create({ ecosystemId: ECO, alias: 'high', meta: { floor: 5, kind: null } })).body.id;
      made.none = (await c.create({ ecosystemId: ECO, meta: { floor: '3' } })).body.id;
    });

    it.each<[string, string[]]>([
      ['AND(exists(meta.floor), eq(meta.kind, "hub"))', ['low']],
      ['or(eq(alias, "low"), eq(alias, "high"))', ['low', 'high']],
      ['nor(exists(alias), eq(meta.floor, "3"))', []],
      ['NOR(eq(alias, "low"), eq(alias, "high"), notexists(meta.floor))', ['none']],
      ['not(exists(meta.floor))', ['seeded']],
      ['equals(meta.floor, 5)', ['high']],
      ['notequals(meta.floor, 5)', ['seeded', 'low', 'none']],
      ['lessthan(meta.floor, 5)', ['low']],
      ['lessthanorequal(meta.floor, 5)', ['low', 'high']],
      ['greaterthan(meta.floor, 1)', ['high']],
      ['greaterthanorequal(meta.floor, 1)', ['low', 'high']],
      ['gt(meta.floor, "2")', ['none']],
      ['gte(createdAt, "2020-01-01T00:00:00.000Z")', ['low', 'high', 'none']],
      ['in(alias, ["high", "low", "nope"])', ['low', 'high']],
      ['notin(alias, ["high", "low"])', ['seeded', 'none']],
      ['nin(meta.floor, [1, 5])', ['seeded', 'none']],
      ['type(meta.floor, string)', ['none']],
      ['type(meta.kind, "null")', ['high']],
      ['type(meta.tags, array)', ['low']],
      ['exists(meta.kind)', ['low', 'high']],
      ['notexists(alias)', ['none']],
      ['contains(meta.$label, "Living")', ['seeded']],
      ['ncontains(alias, "o")', ['high', 'none']],
    ])('%s', async (filter, expected) => {
      const byName = { seeded: SEEDED, ...made };
      expect(await ids(filter)).toEqual(expected.map((name) => byName[name as keyof typeof byName]));
    });
  });

  it('filter=invalid is 400 InvalidBody with the vendor list page message, word for word', async () => {
    const res = await client().list(`?ecosystemId=${ECO}&filter=invalid`);
    expectError(res, 400, 'InvalidBody', {
      path: 'query',
      message:
        "Invalid input 'invalid' from filter 'invalid'. Expected 'AND','OR','NOR','NOT','EQUALS','NOTEQUALS','LESSTHAN','LESSTHANOREQUAL'," +
        "'GREATERTHAN','GREATERTHANOREQUAL','IN','NOTIN','TYPE','EXISTS','NOTEXISTS','CONTAINS','NCONTAINS' after ''",
    });
  });

  it('a filter syntax error says what was expected, and where', async () => {
    const res = await client().list(`?ecosystemId=${ECO}&filter=${encodeURIComponent('in(alias, "a")')}`);
    expectError(res, 400, 'InvalidBody', { path: 'query', message: `Invalid input '"a"' from filter 'in(alias, "a")'. Expected '[' after 'in(alias,'` });
  });

  it('a filter over 4096 characters or 32 nested operators is 400 Filter Invalid', async () => {
    const long = await client().list(`?ecosystemId=${ECO}&filter=${encodeURIComponent(`eq(alias, "${'x'.repeat(4096)}")`)}`);
    expectError(long, 400, 'InvalidBody', { path: 'query', message: 'Invalid input from filter: it is longer than 4096 characters' });
    const deep = await client().list(`?ecosystemId=${ECO}&filter=${encodeURIComponent(`${'not('.repeat(32)}exists(alias)${')'.repeat(32)}`)}`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].message).toMatch(/^Invalid input 'exists' from filter '.*'\. Expected at most 32 nested operators after '/);
    const within = await client().list(`?ecosystemId=${ECO}&filter=${encodeURIComponent(`${'not('.repeat(31)}exists(alias)${')'.repeat(31)}`)}`);
    expect(within.status).toBe(200);
  });

  it('an empty filter is parsed like any other, so it is refused with the vendor text', async () => {
    const res = await client().list(`?ecosystemId=${ECO}&filter=`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/^Invalid input '' from filter ''\. Expected 'AND',/);
  });

  it('the filter is checked before the ecosystem: a bad filter on an unknown ecosystem is 400', async () => {
    expect((await client().list('?ecosystemId=C000000000000000000000000&filter=invalid')).status).toBe(400);
  });
});

describe('droplit getEnvironment', () => {
  it('finds an environment by id, scoped alias and bare alias, on both path prefixes', async () => {
    const c = client();
    for (const ref of [SEEDED, `${ECO};living_room`, `@${ECO};@living_room`, 'living_room', '@living_room']) {
      for (const base of ['/v0/api', '/api']) {
        const res = await c.get(ref, { base });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          createdAt: '2017-06-16T03:08:44.404Z',
          ecosystemId: ECO,
          id: SEEDED,
          alias: 'living_room',
          meta: { $label: 'Living room' },
        });
      }
    }
  });

  it('a malformed id is 400 Environment Invalid, sent as "invalid id"', async () => {
    expectError(await client().get('not-valid!'), 400, 'InvalidParams', INVALID_ID);
  });

  it('a bare alias held in two ecosystems is 400 Environment Invalid', async () => {
    const c = client();
    await c.create({ ecosystemId: OTHER_ECO, alias: 'living_room' });
    expectError(await c.get('living_room'), 400, 'InvalidParams', INVALID_ID);
    expect((await c.get(`${ECO};living_room`)).body.id).toBe(SEEDED);
  });

  it('an unknown environment is 404 Environment Not Found', async () => {
    const res = await client().get('E000000000000000000000000');
    expectError(res, 404, 'NotFound', { in: 'path', path: 'id', message: 'Environment Not Found' });
  });
});

describe('droplit updateEnvironment', () => {
  it('changes alias and meta and returns the environment, on both path prefixes', async () => {
    const c = client();
    const res = await c.update(SEEDED, { alias: 'kitchen', meta: { $label: 'Kitchen' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ createdAt: '2017-06-16T03:08:44.404Z', ecosystemId: ECO, id: SEEDED, alias: 'kitchen', meta: { $label: 'Kitchen' } });
    expect((await c.get('kitchen')).body.id).toBe(SEEDED);
    expect((await c.update('kitchen', { alias: 'pantry' }, { base: '/api' })).body.alias).toBe('pantry');
  });

  it.each([['with space'], ['x'.repeat(25)], [''], [7]])('alias %p is 400 Alias Invalid and changes nothing', async (alias) => {
    const c = client();
    expectError(await c.update(SEEDED, { alias, meta: { changed: true } }), 400, 'InvalidParams', { in: 'body', path: 'alias', message: 'Alias Invalid' });
    expect((await c.get(SEEDED)).body).toMatchObject({ alias: 'living_room', meta: { $label: 'Living room' } });
  });

  it('an alias another environment of the ecosystem holds is 400 Alias Exists and changes nothing', async () => {
    const c = client();
    const other = (await c.create({ ecosystemId: ECO, alias: 'kitchen' })).body;
    const res = await c.update(other.id, { alias: 'living_room', meta: { changed: true } });
    expectError(res, 400, 'InvalidBody', { in: 'body', path: 'alias', message: 'Alias Exists' });
    expect((await c.get(other.id)).body).toEqual(other);
  });

  it('setting the environment own alias again is fine, and an alias from another ecosystem is free', async () => {
    const c = client();
    expect((await c.update(SEEDED, { alias: 'living_room' })).status).toBe(200);
    const elsewhere = (await c.create({ ecosystemId: OTHER_ECO, alias: 'kitchen' })).body;
    expect((await c.update(SEEDED, { alias: 'kitchen' })).status).toBe(200);
    expect((await c.get(elsewhere.id)).body.alias).toBe('kitchen');
  });

  it('alias null removes the alias and frees it', async () => {
    const c = client();
    const res = await c.update(SEEDED, { alias: null });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('alias');
    expect((await c.get(SEEDED)).body).not.toHaveProperty('alias');
    expect((await c.get('living_room')).status).toBe(404);
    expect((await c.create({ ecosystemId: ECO, alias: 'living_room' })).status).toBe(201);
  });

  it('meta null clears the metadata; an object replaces it; a field left out is unchanged', async () => {
    const c = client();
    expect((await c.update(SEEDED, { meta: { a: 1 } })).body.meta).toEqual({ a: 1 });
    expect((await c.update(SEEDED, { alias: 'hall' })).body.meta).toEqual({ a: 1 });
    expect((await c.update(SEEDED, { meta: null })).body.meta).toEqual({});
    expect((await c.get(SEEDED)).body).toMatchObject({ alias: 'hall', meta: {} });
    expect((await c.update(SEEDED, {})).status).toBe(200);
  });

  it('regression: meta nested 2,000 levels deep on update was 500 "Maximum call stack size exceeded"; it is 400 Metadata Format Invalid and changes nothing', async () => {
    const c = client();
    const res = await c.update(SEEDED, { alias: 'deep', meta: nestedMeta(2000) });
    expectError(res, 400, 'InvalidParams', { in: 'body', path: 'meta', message: 'Metadata Format Invalid' });
    expectNoHtmlOrStack(res);
    expect((await c.get(SEEDED)).body).toMatchObject({ alias: 'living_room', meta: { $label: 'Living room' } });
    expectError(await c.update('E000000000000000000000000', { meta: nestedMeta(100) }), 400, 'InvalidParams', {
      in: 'body',
      path: 'meta',
      message: 'Metadata Format Invalid',
    });
    expect((await c.update(SEEDED, { meta: nestedMeta(99) })).status).toBe(200);
  });

  it.each([[[]], ['text'], [1]])('meta %p is 400 Metadata Format Invalid', async (meta) => {
    expectError(await client().update(SEEDED, { meta }), 400, 'InvalidParams', { in: 'body', path: 'meta', message: 'Metadata Format Invalid' });
  });

  it('an unknown environment is 404 and a malformed or ambiguous one 400 Environment Invalid', async () => {
    const c = client();
    expectError(await c.update('E000000000000000000000000', { alias: 'x' }), 404, 'NotFound', { in: 'path', path: 'id', message: 'Environment Not Found' });
    expectError(await c.update('bad id', { alias: 'x' }), 400, 'InvalidParams', INVALID_ID);
    await c.create({ ecosystemId: OTHER_ECO, alias: 'living_room' });
    expectError(await c.update('living_room', { alias: 'x' }), 400, 'InvalidParams', INVALID_ID);
  });

  it('a content type other than application/json is 400 Body Parameters Missing at #', async () => {
    const c = client();
    const res = await prepareRawUpdate(c, 'text/plain', 'alias=x');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorType: 'InvalidParams', errors: [{ in: 'body', path: '#', message: 'Body Parameters Missing' }] });
  });

  it('malformed JSON is 400 InvalidBody, never HTML', async () => {
    const res = await prepareRawUpdate(client(), 'application/json', '{"alias":');
    expect(res.status).toBe(400);
    expect(res.body.errorType).toBe('InvalidBody');
    expectNoHtmlOrStack(res);
  });
});

describe('droplit deleteEnvironment', () => {
  it('200 with no body; the environment is gone from info, update, list and a second delete', async () => {
    const c = client();
    const made = (await c.create({ ecosystemId: ECO, alias: 'doomed', meta: { k: 1 } })).body;
    const res = await c.remove(made.id);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(res.headers['content-type']).toBeUndefined();
    const notFound = { in: 'path', path: 'id', message: 'Environment Not Found' };
    expectError(await c.get(made.id), 404, 'NotFound', notFound);
    expectError(await c.update(made.id, { meta: {} }), 404, 'NotFound', notFound);
    expectError(await c.remove(made.id), 404, 'NotFound', notFound);
    expect((await c.list(`?ecosystemId=${ECO}`)).body.items.map((i: { id: string }) => i.id)).toEqual([SEEDED]);
  });

  it('frees the alias: a create with the same alias in that ecosystem is then 201', async () => {
    const c = client();
    expectError(await c.create({ ecosystemId: ECO, alias: 'living_room' }), 400, 'InvalidBody', { in: 'body', path: 'alias', message: 'Alias Exists' });
    expect((await c.remove(SEEDED)).status).toBe(200);
    const again = await c.create({ ecosystemId: ECO, alias: 'living_room' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(SEEDED);
    expect((await c.get('living_room')).body.id).toBe(again.body.id);
  });

  it.each([`${ECO};living_room`, `@${ECO};@living_room`, 'living_room', '@living_room'])('deletes by the reference %s, on both path prefixes', async (ref) => {
    for (const base of ['/v0/api', '/api']) {
      const c = client();
      expect((await c.remove(ref, { base })).status).toBe(200);
      expect((await c.get(SEEDED)).status).toBe(404);
    }
  });

  it('an unknown id is 404 Environment Not Found; a malformed or ambiguous one 400 "invalid id"', async () => {
    const c = client();
    expectError(await c.remove('E000000000000000000000000'), 404, 'NotFound', { in: 'path', path: 'id', message: 'Environment Not Found' });
    expectError(await c.remove(`${ECO};nobody`), 404, 'NotFound', { in: 'path', path: 'id', message: 'Environment Not Found' });
    expectError(await c.remove('not valid!'), 400, 'InvalidParams', INVALID_ID);
    await c.create({ ecosystemId: OTHER_ECO, alias: 'living_room' });
    expectError(await c.remove('living_room'), 400, 'InvalidParams', INVALID_ID);
    expect(await environmentCount(c)).toBe(1);
  });

  it('any query string is 400 No Query String Allowed, checked after auth, and deletes nothing', async () => {
    const c = client();
    const res = await c.remove(SEEDED, { query: '?force=1&x' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorType: 'InvalidParams',
      errors: [
        { in: 'query', path: 'force', message: 'No Query String Allowed' },
        { in: 'query', path: 'x', message: 'No Query String Allowed' },
      ],
    });
    expect((await c.remove(SEEDED, { query: '?x=1', token: null })).status).toBe(401);
    expect((await c.get(SEEDED)).status).toBe(200);
  });

  it.each(['account', 'server', 'user'] as const)('a %s token may delete', async (type) => {
    const c = client();
    expect((await c.remove(SEEDED, { token: TOKENS[type] })).status).toBe(200);
  });

  it('a body sent with the delete is ignored', async () => {
    const c = client();
    const res = await c.remove(SEEDED).set('content-type', 'text/plain').send('anything');
    expect(res.status).toBe(200);
  });
});

function prepareRawUpdate(c: Client, contentType: string, body: string) {
  return request(app)
    .put(`/droplit/v0/api/environments/${SEEDED}`)
    .set('x-standin-namespace', c.ns)
    .set('authorization', TOKENS.account)
    .set('content-type', contentType)
    .send(body);
}

describe('droplit namespaces', () => {
  it('an environment created in one namespace is invisible in another', async () => {
    const a = client();
    const b = client();
    const created = (await a.create({ ecosystemId: ECO, alias: 'only_a' })).body;
    expect((await b.get(created.id)).status).toBe(404);
    expect((await b.create({ ecosystemId: ECO, alias: 'only_a' })).status).toBe(201);
  });
});
