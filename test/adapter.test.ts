import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { createApp, createServer } from '../src/server';
import { rawExchange } from './rawExchange';
import { TOY_TOKEN, TOY_VENDORS } from './toyVendor/toy';

// The Express adapter: whatever arrives, the answer is JSON in the right envelope, never Express's
// HTML page or a stack trace. signatures is used because it has no auth to get past first.

const { app } = createApp({ apis: ['signatures', 'droplit'], bodyLimit: 1024 });

function expectNoHtml(res: request.Response) {
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.text).not.toMatch(/<html|<pre>|\bat .+\.(ts|js):\d+/i);
}

describe('the adapter', () => {
  it('answers malformed JSON with 400 in the vendor envelope', async () => {
    const res = await request(app).post('/signatures/signature').set('content-type', 'application/json').send('{"document": ');
    expect(res.status).toBe(400);
    // What ncanode makes of an unreadable body is signatures' rule (its own tests); the envelope is the adapter's.
    expect(res.body).toEqual({ status: false, message: expect.any(String) });
    expectNoHtml(res);
  });

  it('answers a body over the limit with 413 in the vendor envelope', async () => {
    const res = await request(app)
      .post('/signatures/signature')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ cms: 'x'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ status: false, message: 'Request body is larger than 1024 bytes' });
  });

  it('answers a wrong content type in the vendor envelope', async () => {
    const res = await request(app)
      .post('/droplit/v0/api/environments/')
      .set('authorization', 'droplit-demo-account')
      .set('content-type', 'text/plain')
      .send('ecosystemId=x');
    expect(res.status).toBe(400);
    // The envelope is the adapter's concern; the message text is droplit's (src/apis/droplit tests pin it).
    expect(res.body).toEqual({ errorType: 'InvalidParams', errors: [{ in: 'body', path: expect.any(String), message: expect.any(String) }] });
  });

  it('answers an unknown path under a vendor prefix with the vendor 404', async () => {
    const res = await request(app).get('/signatures/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body.status).toBe(false);
    expectNoHtml(res);
  });

  it('answers a wrong method with 405 and Allow in the vendor envelope', async () => {
    const res = await request(app).put('/signatures/signature');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST, DELETE');
    expect(res.body.status).toBe(false);
  });

  it('answers a path outside every prefix with a standin 404 naming the prefixes', async () => {
    const res = await request(app).get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.standin.message).toMatch(/\/signatures, \/droplit/);
    expectNoHtml(res);
  });

  it('tells a client that dropped the prefix which API owns the path, and how to serve it at the root', async () => {
    const res = await request(app).get('/v0/api/environments/');
    expect(res.status).toBe(404);
    expect(res.body.standin.message).toMatch(
      /looks like a path of droplit without its prefix: use \/droplit\/v0\/api\/environments\/, or serve droplit at the root of its own port with --api-port droplit=PORT$/,
    );
    expect((await request(app).get('/nowhere')).body.standin.message).not.toMatch(/looks like/);
  });

  it('refuses a malformed namespace header in the vendor envelope, so the SDK can read it', async () => {
    const res = await request(app).get('/signatures/signatures').set('x-standin-namespace', 'a b');
    expect(res.status).toBe(400);
    expect(res.headers['x-standin-error']).toBe('InvalidNamespace');
    expect(res.body).toEqual({ status: false, message: expect.stringContaining('x-standin-namespace') });
    const outside = await request(app).get('/nowhere').set('x-standin-namespace', 'a b');
    expect(outside.body.standin.error).toBe('UnknownApi');
  });

  it('integer parameters read hex: limit=0x1 and perPage=0x2 are the vendor 400, decimal still works', async () => {
    const losant = createApp({ apis: ['losant'] }).app;
    const list = (perPage: string) =>
      request(losant).get('/losant/applications/575ec8687ae143cd83dc4a97/certificates').set('authorization', 'Bearer losant-demo-all').query({ perPage });
    for (const hex of ['0x2', '0b10', '2e0']) {
      const res = await list(hex);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ type: expect.any(String), message: expect.stringContaining('perPage') });
    }
    expect((await list('2')).body.perPage).toBe(2);
  });

  it('routes an absolute-form target (RFC 9112 3.2.2) like its origin form', async () => {
    const origin = await request(app).get('/signatures/signatures');
    const res = await rawExchange(app, `GET http://example.test:4010/signatures/signatures HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(origin.status);
    expect(res.json).toEqual(origin.body);
  });

  it('reads a body sent in 1-byte chunks into one buffer, byte for byte', async () => {
    const body = JSON.stringify({ document: 'doc_chunks', thread: 'thr_1', cms: 'MIIB' });
    const chunks = [...body].map((c) => `1\r\n${c}\r\n`).join('');
    const head = `POST /signatures/signature HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nx-standin-namespace: chunks\r\nConnection: close\r\n\r\n`;
    const saved = await rawExchange(app, `${head}${chunks}0\r\n\r\n`);
    expect(saved.status).toBeLessThan(300);
    const read = await request(app).get('/signatures/signature').set('x-standin-namespace', 'chunks').query({ document: 'doc_chunks', thread: 'thr_1' });
    expect(read.status).toBe(200);
  });

  it('survives a malformed percent escape in the path', async () => {
    const res = await request(app).get('/signatures/%E0%A4%A');
    expect(res.status).toBe(404);
    expectNoHtml(res);
  });
});

describe('root mode (standin serve --api NAME)', () => {
  const root = createApp({ root: 'signatures' }).app;

  it('serves the one API at the root and nothing under the prefixes', async () => {
    expect((await request(root).get('/signatures')).status).toBe(200);
    const prefixed = await request(root).get('/signatures/signatures');
    expect(prefixed.status).toBe(404);
    expect(prefixed.body.status).toBe(false);
  });
});

describe('listenerFor (what each --api-port listener serves)', () => {
  const standin = createApp({ apis: ['signatures', 'droplit'] });
  const root = standin.listenerFor('signatures');

  it('serves that one API at the root, its vendor 404 for anything else, /__admin included', async () => {
    expect((await request(root).get('/signatures')).status).toBe(200);
    for (const path of ['/__admin/health', '/droplit/v0/api/environments/']) {
      const res = await request(root).get(path);
      expect(res.status).toBe(404);
      expect(res.body.status).toBe(false);
    }
  });

  it('shares state with the main listener', async () => {
    const save = await request(root).post('/signature').set('x-standin-namespace', 'listener-for').send({ document: 'doc_1', thread: 'thr_1', cms: 'MIIB' });
    expect(save.status).toBeLessThan(300);
    const read = await request(standin.app)
      .get('/signatures/signature')
      .set('x-standin-namespace', 'listener-for')
      .query({ document: 'doc_1', thread: 'thr_1' });
    expect(read.status).toBe(200);
  });
});

describe("what node's HTTP parser refuses is answered in the owner's envelope", () => {
  const server = createServer({ apis: ['signatures', 'losant'], port: 0, apiPorts: { losant: 0 } });
  beforeAll(() => server.listen());
  afterAll(() => server.close());
  const main = () => server.url();
  const losantPort = () => server.urls().apis.losant!;

  function expectClosedJson(res: Awaited<ReturnType<typeof rawExchange>>, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers.connection).toBe('close');
  }

  it('a body sent without Content-Length after a DELETE: the DELETE gets its own answer, not the refusal of the bytes after it', async () => {
    const cert = '/losant/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96';
    const socket = connect(Number(new URL(main()).port), '127.0.0.1');
    const raw: Buffer[] = [];
    socket.on('data', (c) => raw.push(c));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(`DELETE ${cert} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer losant-demo-all\r\nX-Standin-Namespace: pipelined\r\n\r\n{}`);
    await closed;
    const statuses = [
      ...Buffer.concat(raw)
        .toString('latin1')
        .matchAll(/^HTTP\/1\.1 (\d{3})/gm),
    ].map((m) => Number(m[1]));
    expect(statuses[0]).toBe(200);
  });

  it('bad bytes in a header: 400 in the vendor envelope, on the main port and on an --api-port', async () => {
    const bad = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n`;
    const res = await rawExchange(main(), bad('/signatures/signatures'));
    expectClosedJson(res, 400);
    expect(res.json).toEqual({ status: false, message: expect.stringContaining('HPE_') });
    const onPort = await rawExchange(losantPort(), bad('/applications'));
    expectClosedJson(onPort, 400);
    expect(onPort.json).toEqual({ type: expect.any(String), message: expect.stringContaining('HPE_') });
  });

  it("16 KB+ of headers: 431 in the vendor envelope; outside every prefix, in standin's", async () => {
    const big = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const res = await rawExchange(main(), big('/losant/applications'));
    expectClosedJson(res, 431);
    expect(res.json).toEqual({ type: expect.any(String), message: expect.any(String) });
    const head = await rawExchange(main(), big('/losant/applications').replace('GET', 'HEAD'));
    expect([head.status, head.text]).toEqual([431, '']);
    const outside = await rawExchange(main(), big('/__admin/health'));
    expectClosedJson(outside, 431);
    expect(outside.json.standin.error).toBe('HeadersTooLarge');
  });

  it('an Expect other than 100-continue: 417 in the vendor envelope', async () => {
    const res = await rawExchange(main(), `GET /signatures/signatures HTTP/1.1\r\nHost: x\r\nExpect: tea\r\n\r\n`);
    expectClosedJson(res, 417);
    expect(res.headers['x-standin-error']).toBe('ExpectationFailed');
    expect(res.json).toEqual({ status: false, message: expect.stringContaining('100-continue') });
  });

  it('a broken chunked body: 400 in the vendor envelope', async () => {
    const res = await rawExchange(main(), `POST /signatures/signature HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`);
    expectClosedJson(res, 400);
    expect(res.json).toEqual({ status: false, message: expect.stringContaining('HPE_') });
  });
});

describe('vendor code that throws before its handler (here: authentication)', () => {
  const toy = TOY_VENDORS.toy;
  const vendors = {
    toy: {
      ...toy,
      module: {
        ...toy.module,
        authenticate: () => {
          throw new Error('auth bug');
        },
      },
    },
  };

  it("answers the vendor's 500 envelope and is journaled with the handler-failed rule, not standin's last-resort InternalError", async () => {
    const standin = createApp({}, { vendors });
    const res = await request(standin.app).get('/toy/things').set('authorization', `Token ${TOY_TOKEN}`);
    expect([res.status, res.body]).toEqual([500, { oops: 'internal' }]);
    const journal = await request(standin.app).get('/__admin/journal?api=toy');
    expect(journal.body.entries).toHaveLength(1);
    expect(journal.body.entries[0]).toMatchObject({ status: 500, operationId: 'listThings', reason: { rule: 'standin.handler-failed' } });
    expect(journal.body.entries[0].reason.message).toMatch(/^unexpected error in listThings: auth bug$/);
  });
});

describe('a vendor answer node cannot write (a line break in a header value)', () => {
  const toy = TOY_VENDORS.toy;
  const answering = (headers: Record<string, string>) => ({
    toy: { ...toy, module: { ...toy.module, handlers: { ...toy.module.handlers, listThings: () => ({ status: 200, headers, body: { things: [] } }) } } },
  });

  it.each([
    ['lower-case headers (one writeHead)', { 'x-note': 'a\nb' }],
    ['vendor casing (setHeader one by one)', { 'Content-Type': 'text/plain', 'X-Note': 'a\nb' }],
  ])("%s: standin's 500 with its own status line and headers, journaled", async (_, headers) => {
    const standin = createApp({}, { vendors: answering(headers) });
    const res = await request(standin.app).get('/toy/things').set('authorization', `Token ${TOY_TOKEN}`);
    // supertest keeps node's response as `res`, which its types leave out; the status line's text is only there.
    const statusLine = (res as unknown as { res: { statusMessage: string } }).res.statusMessage;
    expect([res.status, statusLine, res.headers['content-type'], res.headers['x-note']]).toEqual([
      500,
      'Internal Server Error',
      'application/json; charset=utf-8',
      undefined,
    ]);
    expect(res.body.standin).toEqual({ error: 'InternalError', message: expect.stringContaining('Invalid character in header content') });
    const journal = await request(standin.app).get('/__admin/journal?api=toy');
    expect(journal.body.entries).toHaveLength(1);
    expect(journal.body.entries[0]).toMatchObject({ status: 500, operationId: 'listThings', reason: { rule: 'standin.InternalError' } });
  });

  it("headers set before standin had the request stay; the refused answer's problems do not name the 500", async () => {
    // An answer that also breaks its spec, sent anyway in warn mode: its problems are not why the 500 went out.
    const toyVendors = answering({});
    const vendors = {
      toy: {
        ...toyVendors.toy,
        module: {
          ...toyVendors.toy.module,
          handlers: { ...toy.module.handlers, listThings: () => ({ status: 200, headers: { 'x-note': 'a\nb' }, body: { things: 'nope' } }) },
        },
      },
    };
    const standin = createApp({ responseValidation: 'warn' }, { vendors });
    const host = (req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('access-control-allow-origin', '*');
      standin.app(req, res);
    };
    const res = await request(host).get('/toy/things').set('authorization', `Token ${TOY_TOKEN}`);
    expect([res.status, res.headers['access-control-allow-origin'], res.headers['x-note']]).toEqual([500, '*', undefined]);
    const journal = await request(standin.app).get('/__admin/journal?api=toy');
    expect(journal.body.entries[0]).toMatchObject({ status: 500, reason: { rule: 'standin.InternalError' } });
  });
});
