import { SettableClock } from './clock';
import { createEngine, type ResponseValidation } from './engine';
import { fromExample } from './exampleHandler';
import type { ApiModule } from './module';
import { parseSpec } from './spec';
import type { Clock, EngineError, EngineRequest } from './types';
import { compileSpec } from './validators';

// A small spec and module of our own, so these tests pin the engine's behaviour without
// depending on any vendor.
const document = {
  openapi: '3.1.0',
  info: { title: 'toy', version: '1' },
  paths: {
    '/things/': {
      post: {
        operationId: 'createThing',
        parameters: [{ name: 'dryRun', in: 'query', schema: { type: 'boolean' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } },
        },
        responses: {
          '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' }, example: { id: 't1', name: 'a' } } } },
          '400': { description: 'bad', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      },
    },
    '/things/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^t[0-9]+$' } }],
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } }],
        responses: {
          '200': {
            description: 'ok',
            headers: { 'X-Hash': { required: true, schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
      delete: { operationId: 'deleteThing', responses: { '204': { description: 'gone' } } },
    },
  },
  components: {
    schemas: {
      ThingInput: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 } } },
      Thing: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
      Error: { type: 'object', required: ['oops'], properties: { oops: { type: 'string' } } },
    },
  },
};

function toyModule(overrides: Partial<ApiModule> = {}): ApiModule {
  return {
    name: 'toy',
    specFile: 'toy.yaml',
    createState: () => ({ made: 0 }),
    renderError: (error: EngineError) => ({
      status: error.kind === 'validation' ? 400 : error.kind === 'methodNotAllowed' ? 405 : 404,
      body: { oops: JSON.stringify(error) },
    }),
    handlers: {
      createThing: (ctx) => {
        ctx.state.made++;
        return { status: 201, body: { id: `t${ctx.state.made}`, name: ctx.body.name } };
      },
      getThing: (ctx) => ({ status: 200, headers: { 'x-hash': 'h' }, body: { id: ctx.params.id, name: String(ctx.query.limit ?? 'none') } }),
      deleteThing: () => ({ status: 204 }),
    },
    ...overrides,
  };
}

function engineFor(module: ApiModule, responseValidation: ResponseValidation = 'strict') {
  const spec = parseSpec(structuredClone(document));
  return createEngine({ module, spec, validators: compileSpec(spec), clock: new SettableClock('2024-01-01T00:00:00Z'), seed: 1, responseValidation });
}

function req(method: string, path: string, init: Partial<EngineRequest> = {}): EngineRequest {
  return { method, path, rawQuery: '', query: {}, headers: {}, ...init };
}

const json = (value: unknown): Partial<EngineRequest> => ({ headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(value)) });

describe('routing', () => {
  const engine = engineFor(toyModule());

  it('answers an unknown path with the vendor 404', async () => {
    const { response } = await engine.handle(req('GET', '/nope'), 'default');
    expect(response.status).toBe(404);
    expect(JSON.parse((response.body as any).oops)).toMatchObject({ kind: 'routeNotFound', path: '/nope' });
  });

  it('answers a known path with the wrong method with 405 and an Allow header', async () => {
    const { response } = await engine.handle(req('PUT', '/things/t1'), 'default');
    expect(response.status).toBe(405);
    expect(response.headers?.allow).toBe('GET, DELETE');
  });

  it('treats a trailing slash as insignificant and decodes path parameters', async () => {
    const a = await engine.handle(req('POST', '/things', json({ name: 'x' })), 'default');
    const b = await engine.handle(req('GET', '/things/t%31/'), 'default');
    expect(a.response.status).toBe(201);
    expect(b.response.body).toMatchObject({ id: 't1' });
  });
});

describe('request validation', () => {
  const engine = engineFor(toyModule());

  it('names the failing body field', async () => {
    const { response, requestProblems } = await engine.handle(req('POST', '/things/', json({ name: '', extra: 1 })), 'default');
    expect(response.status).toBe(400);
    expect(requestProblems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: 'body', field: 'name', keyword: 'minLength' }),
        expect.objectContaining({ in: 'body', field: 'extra', keyword: 'additionalProperties' }),
      ]),
    );
  });

  it('validates path and query parameters, coercing strings to their types', async () => {
    const bad = await engine.handle(req('GET', '/things/x1', { query: { limit: '11' } }), 'default');
    expect(bad.requestProblems?.map((p) => `${p.in}:${p.field}:${p.keyword}`).sort()).toEqual(['path:id:pattern', 'query:limit:maximum']);
    const good = await engine.handle(req('GET', '/things/t1', { query: { limit: '3' } }), 'default');
    expect(good.response.body).toMatchObject({ name: '3' });
  });

  it('reports malformed JSON, a wrong content type and a missing body as typed errors', async () => {
    const seen: EngineError[] = [];
    const e = engineFor(toyModule({ renderError: (error) => (seen.push(error), { status: 400, body: { oops: error.kind } }) }));
    await e.handle(req('POST', '/things', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{"name":') }), 'default');
    await e.handle(req('POST', '/things', { headers: { 'content-type': 'text/plain' }, body: Buffer.from('name') }), 'default');
    await e.handle(req('POST', '/things'), 'default');
    expect(seen.map((x) => x.kind)).toEqual(['malformedBody', 'unsupportedMediaType', 'validation']);
    expect(seen[1]).toMatchObject({ expected: ['application/json'], requiredFields: ['name'] });
  });

  it('refuses an oversized body before anything runs', async () => {
    const { response } = await engine.handle(req('POST', '/things', { bodyTooLarge: 10 }), 'default');
    expect(JSON.parse((response.body as any).oops)).toEqual({ kind: 'bodyTooLarge', limit: 10 });
  });
});

describe('response self-validation', () => {
  const broken = toyModule({
    handlers: {
      ...toyModule().handlers,
      createThing: () => ({ status: 201, body: { id: 7 } }),
      getThing: () => ({ status: 200, body: { id: 'x', name: 'y' } }),
      deleteThing: () => ({ status: 200, body: { gone: true } }),
    },
  });

  it('turns a response that breaks the spec into a 500 listing each problem by JSON pointer (strict)', async () => {
    const engine = engineFor(broken);
    const { response } = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'default');
    expect(response.status).toBe(500);
    expect((response.body as any).standin.problems).toEqual(
      expect.arrayContaining([
        { pointer: '/body/id', message: 'must be string' },
        { pointer: '/body/name', message: 'is required' },
      ]),
    );
  });

  it('catches a missing required header and an undocumented status', async () => {
    const engine = engineFor(broken);
    const get = await engine.handle(req('GET', '/things/t1'), 'default');
    expect((get.response.body as any).standin.problems).toEqual([{ pointer: '/headers/x-hash', message: 'required header x-hash is missing' }]);
    const del = await engine.handle(req('DELETE', '/things/t1'), 'default');
    expect((del.response.body as any).standin.problems[0].pointer).toBe('/status');
  });

  it('passes the response through with a violation count in warn mode', async () => {
    const violations: string[] = [];
    const spec = parseSpec(structuredClone(document));
    const engine = createEngine({
      module: broken,
      spec,
      validators: compileSpec(spec),
      clock: new SettableClock(),
      seed: 1,
      responseValidation: 'warn',
      onViolation: (id) => violations.push(id),
    });
    const { response } = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'default');
    expect(response.status).toBe(201);
    expect(response.headers?.['x-standin-violations']).toBe('2');
    expect(violations).toEqual(['createThing']);
  });

  it('checks error envelopes the engine renders against the vendor Error component', async () => {
    const engine = engineFor(toyModule({ renderError: () => ({ status: 404, body: { wrong: true } }) }));
    const { response } = await engine.handle(req('GET', '/nope'), 'default');
    expect(response.status).toBe(500);
    expect((response.body as any).standin.problems[0]).toEqual({ pointer: '/body', message: "must have required property 'oops'" });
  });

  it('answers a throwing handler in the vendor envelope without a stack trace', async () => {
    const engine = engineFor(
      toyModule({
        handlers: {
          ...toyModule().handlers,
          createThing: () => {
            throw new Error('boom');
          },
        },
      }),
    );
    const { response } = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'default');
    expect(JSON.parse((response.body as any).oops)).toMatchObject({ kind: 'internal' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('start-up check of handlers against operationIds', () => {
  it('refuses a spec operation without a handler', () => {
    const { deleteThing: _omit, ...rest } = toyModule().handlers;
    expect(() => engineFor(toyModule({ handlers: rest }))).toThrow(/operation deleteThing has no handler/);
  });

  it('refuses a handler for an operation the spec lacks', () => {
    expect(() => engineFor(toyModule({ handlers: { ...toyModule().handlers, listThings: () => ({ status: 200 }) } }))).toThrow(
      /handler listThings has no operation in the spec/,
    );
  });
});

describe('namespaces', () => {
  it('keeps state apart per namespace and reseeds after reset', async () => {
    const engine = engineFor(toyModule());
    await engine.handle(req('POST', '/things', json({ name: 'a' })), 'one');
    await engine.handle(req('POST', '/things', json({ name: 'a' })), 'one');
    const other = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'two');
    expect(other.response.body).toMatchObject({ id: 't1' });
    expect(engine.dump('one')).toEqual({ made: 2 });
    engine.reset('one');
    expect(engine.dump('one')).toEqual({ made: 0 });
    expect(engine.dump('two')).toEqual({ made: 1 });
  });
});

describe('requests refused in a namespace not kept yet', () => {
  /** A toy whose every seeding is counted; with `readsClock` its state records the time it was seeded at. */
  function countingEngine(clock: Clock, readsClock: boolean) {
    const seeded: string[] = [];
    const module = toyModule({
      createState: (ctx) => {
        seeded.push(readsClock ? ctx.clock.now().toISOString() : 'seeded');
        return readsClock ? { made: 0, seededAt: seeded.at(-1) } : { made: 0 };
      },
      authenticate: (ctx) => (ctx.request.headers.authorization ? { ok: true } : { ok: false, response: { status: 400, body: { oops: 'no auth' } } }),
    });
    const spec = parseSpec(structuredClone(document));
    const engine = createEngine({ module, spec, validators: compileSpec(spec), clock, seed: 1, responseValidation: 'strict' });
    const refused = (namespace: string) => engine.handle(req('POST', '/things', json({ name: 'a' })), namespace);
    const admitted = (namespace: string) =>
      engine.handle(req('POST', '/things', { ...json({ name: 'a' }), headers: { authorization: 'a', 'content-type': 'application/json' } }), namespace);
    return { engine, seeded, refused, admitted };
  }

  it('share one seeded state, which the first request let in keeps', async () => {
    let at = Date.parse('2024-01-01T00:00:00Z');
    const { engine, seeded, refused, admitted } = countingEngine({ now: () => new Date((at += 250)) }, false);
    for (let i = 0; i < 5; i++) expect((await refused('fresh')).response.status).toBe(400);
    expect(seeded).toHaveLength(1);
    expect((await admitted('fresh')).response.body).toMatchObject({ id: 't1' });
    expect(seeded).toHaveLength(1);
    await refused('fresh');
    await refused('other');
    expect(seeded).toHaveLength(2);
    expect(engine.dump('fresh')).toEqual({ made: 1 });
    expect(engine.dump('other')).toEqual({ made: 0 });
    expect(seeded).toHaveLength(2);
    engine.reset();
    await refused('other');
    expect(seeded).toHaveLength(3);
  });

  it('a seeding that read the clock is reused only while the clock reads the same instant', async () => {
    const clock = new SettableClock('2024-01-01T00:00:00Z');
    const { engine, seeded, refused, admitted } = countingEngine(clock, true);
    await refused('a');
    await refused('a');
    expect(seeded).toEqual(['2024-01-01T00:00:00.000Z']);
    clock.set('2024-01-01T00:00:00.500Z');
    await refused('a');
    clock.set('2024-01-01T00:00:00.501Z');
    await admitted('a');
    expect(seeded).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.500Z', '2024-01-01T00:00:00.501Z']);
    expect(engine.dump('a')).toEqual({ made: 1, seededAt: '2024-01-01T00:00:00.501Z' });
  });

  it('a write replayed or shared as a command (--data-dir, --state) shares the same spare', async () => {
    const { engine, seeded } = countingEngine(new SettableClock('2024-01-01T00:00:00Z'), false);
    const at = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < 3; i++) expect((await engine.handleCommand(req('POST', '/things', json({ name: 'a' })), 'fresh', at)).response.status).toBe(400);
    await engine.handle(req('POST', '/things', json({ name: 'a' })), 'fresh');
    expect(seeded).toHaveLength(1);
  });

  it('on a running clock, a seeding that read it is never reused', async () => {
    let at = Date.parse('2024-01-01T00:00:00Z');
    const { seeded, refused } = countingEngine({ now: () => new Date((at += 1)) }, true);
    await refused('a');
    await refused('a');
    expect(seeded).toHaveLength(2);
  });
});

describe('fromExample (what an operation answers until its vendor behaviour is written)', () => {
  it('answers the first documented 2xx with its example, a fresh copy each time', async () => {
    const engine = engineFor(toyModule({ handlers: { ...toyModule().handlers, createThing: fromExample } }));
    const first = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'default');
    expect(first.response).toMatchObject({ status: 201, body: { id: 't1', name: 'a' } });
    (first.response.body as { name: string }).name = 'changed';
    const second = await engine.handle(req('POST', '/things', json({ name: 'b' })), 'default');
    expect(second.response.body).toEqual({ id: 't1', name: 'a' });
  });
});

describe('precheck (a vendor rule between authentication and validation)', () => {
  it('runs after authentication and before the body is validated', async () => {
    const seen: string[] = [];
    const engine = engineFor(
      toyModule({
        authenticate: (ctx) => (
          seen.push('auth'),
          ctx.request.headers.authorization ? { ok: true, principal: 'p' } : { ok: false, response: { status: 400, body: { oops: 'no auth' } } }
        ),
        precheck: (ctx) => (seen.push(`precheck:${ctx.principal}`), ctx.request.rawQuery ? { status: 400, body: { oops: 'no query allowed' } } : undefined),
      }),
    );
    const unauthenticated = await engine.handle(req('POST', '/things', { rawQuery: 'x=1' }), 'default');
    expect(unauthenticated.response.body).toEqual({ oops: 'no auth' });
    const refused = await engine.handle(
      req('POST', '/things', { rawQuery: 'x=1', headers: { authorization: 'a', 'content-type': 'application/json' }, body: Buffer.from('{"bad":1}') }),
      'default',
    );
    expect(refused.response.body).toEqual({ oops: 'no query allowed' });
    expect(seen).toEqual(['auth', 'auth', 'precheck:p']);
  });
});

describe('decodeBody (a module that reads its bodies itself, whatever the Content-Type)', () => {
  function decodingEngine() {
    const calls: Array<{ operationId: string; body: string | undefined }> = [];
    const module = toyModule({
      decodeBody: ({ request, operation }) => {
        calls.push({ operationId: operation.operationId, body: request.body?.toString('utf8') });
        return { decoded: request.body?.toString('utf8') ?? null, contentType: request.headers['content-type'] ?? null };
      },
      handlers: {
        ...toyModule().handlers,
        createThing: (ctx) => ({ status: 201, body: { id: 't1', name: JSON.stringify([ctx.body, ctx.mediaType ?? null]) } }),
      },
    });
    return { engine: engineFor(module), calls };
  }
  const nameOf = (outcome: { response: { body?: unknown } }) => JSON.parse((outcome.response.body as { name: string }).name);

  it('hands the handler what the module decoded, for any Content-Type or none, with no media-type check', async () => {
    const { engine } = decodingEngine();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const headers = contentType ? { 'content-type': contentType } : {};
      const outcome = await engine.handle(req('POST', '/things', { headers, body: Buffer.from('{"name":"a"}') }), 'default');
      expect(outcome.response.status).toBe(201);
      expect(nameOf(outcome)).toEqual([{ decoded: '{"name":"a"}', contentType: contentType ?? null }, null]);
    }
  });

  it('neither parses JSON nor applies the body schema: malformed JSON, a missing required body and forbidden fields reach the handler', async () => {
    const { engine } = decodingEngine();
    const malformed = await engine.handle(
      req('POST', '/things', { headers: { 'content-type': 'application/json' }, body: Buffer.from('{"name":') }),
      'default',
    );
    expect(nameOf(malformed)).toEqual([{ decoded: '{"name":', contentType: 'application/json' }, null]);
    const none = await engine.handle(req('POST', '/things'), 'default');
    expect(nameOf(none)).toEqual([{ decoded: null, contentType: null }, null]);
    const extra = await engine.handle(req('POST', '/things', json({ name: '', extra: 1 })), 'default');
    expect(extra.response.status).toBe(201);
    expect(extra.requestProblems).toBeUndefined();
  });

  it('still validates the parameters, and ignores a body on an operation whose spec defines none', async () => {
    const { engine, calls } = decodingEngine();
    const bad = await engine.handle(req('POST', '/things', { query: { dryRun: 'maybe' }, body: Buffer.from('x') }), 'default');
    expect(bad.requestProblems?.map((p) => `${p.in}:${p.field}`)).toEqual(['query:dryRun']);
    const get = await engine.handle(req('GET', '/things/t1', { body: Buffer.from('{"limit":1}') }), 'default');
    expect(get.response.status).toBe(200);
    expect(calls.map((c) => c.operationId)).toEqual(['createThing']);
  });

  it('answers a throwing decoder as an internal error in the vendor envelope', async () => {
    const engine = engineFor(
      toyModule({
        decodeBody: () => {
          throw new Error('bad bytes');
        },
      }),
    );
    const { response } = await engine.handle(req('POST', '/things', json({ name: 'a' })), 'default');
    expect(JSON.parse((response.body as any).oops)).toMatchObject({ kind: 'internal', message: expect.stringContaining('bad bytes') });
  });
});

describe('vendor code that throws before the handler', () => {
  it.each([
    [
      'authenticate',
      {
        authenticate: () => {
          throw new Error('auth bug');
        },
      },
    ],
    [
      'precheck',
      {
        precheck: () => {
          throw new Error('precheck bug');
        },
      },
    ],
    [
      'createState',
      {
        createState: () => {
          throw new Error('seed bug');
        },
      },
    ],
  ] as [string, Partial<ApiModule>][])('%s: the vendor envelope with the handler-failed rule, as an ordinary outcome', async (_stage, overrides) => {
    const outcome = await engineFor(toyModule(overrides)).handle(req('GET', '/things/t1'), 'default');
    expect(outcome.operationId).toBe('getThing');
    expect(JSON.parse((outcome.response.body as any).oops)).toMatchObject({
      kind: 'internal',
      message: expect.stringMatching(/^unexpected error in getThing: .* bug$/),
    });
    expect(outcome.response.reason?.rule).toBe('standin.handler-failed');
  });
});

describe('internal failures name their rule where they are raised', () => {
  it('an injected error fault, a throwing handler and a throwing decoder each carry their own rule', async () => {
    const faulted = engineFor(toyModule());
    faulted.addFault({ kind: 'error', times: 1 });
    expect((await faulted.handle(req('GET', '/things/t1'), 'default')).response.reason?.rule).toBe('rule-generic-faults');
    const throwing = engineFor(toyModule({ handlers: { ...toyModule().handlers, getThing: () => Promise.reject(new Error('x')) } }));
    expect((await throwing.handle(req('GET', '/things/t1'), 'default')).response.reason?.rule).toBe('standin.handler-failed');
    const decoder = engineFor(
      toyModule({
        decodeBody: () => {
          throw new Error('y');
        },
      }),
    );
    expect((await decoder.handle(req('POST', '/things', json({ name: 'a' })), 'default')).response.reason?.rule).toBe('standin.handler-failed');
  });
});

describe('what validation coerces and what it leaves alone', () => {
  it('the handler gets coerced query values while the request keeps what was sent', async () => {
    const seen: unknown[] = [];
    const engine = engineFor(
      toyModule({ handlers: { ...toyModule().handlers, getThing: (ctx) => (seen.push(ctx.query.limit), toyModule().handlers.getThing(ctx)) } }),
    );
    const request = req('GET', '/things/t1', { query: { limit: '5' }, rawQuery: 'limit=5', headers: { 'x-any': '1' } });
    expect((await engine.handle(request, 'default')).response.status).toBe(200);
    expect(seen).toEqual([5]);
    expect(request.query).toEqual({ limit: '5' });
    expect(request.headers).toEqual({ 'x-any': '1' });
  });
});

describe('response checks, one pass per answer', () => {
  const answering = (getThing: ApiModule['handlers'][string], createThing?: ApiModule['handlers'][string]) =>
    engineFor(toyModule({ handlers: { ...toyModule().handlers, getThing, ...(createThing && { createThing }) } }));
  const problemsOf = async (engine: ReturnType<typeof engineFor>, request: EngineRequest) =>
    ((await engine.handle(request, 'default')).response.body as any).standin?.problems;

  it('reports a missing header before a bad body, the same on every call with that status', async () => {
    const engine = answering(() => ({ status: 200, body: { id: 1, name: 'n' } }));
    const expected = [
      { pointer: '/headers/x-hash', message: 'required header x-hash is missing' },
      { pointer: '/body/id', message: 'must be string' },
    ];
    expect(await problemsOf(engine, req('GET', '/things/t1'))).toEqual(expected);
    expect(await problemsOf(engine, req('GET', '/things/t1'))).toEqual(expected);
  });

  it('a documented body that is missing, or sent with an undocumented type, is named and its schema is not applied', async () => {
    const missing = answering(() => ({ status: 200, headers: { 'x-hash': 'h' } }));
    expect(await problemsOf(missing, req('GET', '/things/t1'))).toEqual([
      { pointer: '/body', message: 'a body is documented (application/json) but none was sent' },
    ]);
    const text = answering(() => ({ status: 200, headers: { 'x-hash': 'h', 'content-type': 'text/plain' }, body: 'hi' }));
    expect(await problemsOf(text, req('GET', '/things/t1'))).toEqual([
      { pointer: '/headers/content-type', message: 'content type text/plain is not documented for 200 (documented: application/json)' },
    ]);
  });

  it('an answer under its documented content type in any case and with parameters passes', async () => {
    const engine = answering(() => ({
      status: 200,
      headers: { 'x-hash': 'h', 'content-type': 'Application/JSON; charset=utf-8' },
      body: { id: 'a', name: 'b' },
    }));
    expect((await engine.handle(req('GET', '/things/t1'), 'default')).response.status).toBe(200);
  });
});
