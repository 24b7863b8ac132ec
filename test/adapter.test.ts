import request from 'supertest';
import { createApp } from '../src/server';

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
    const res = await request(app).post('/signatures/signature').set('content-type', 'application/json').send(JSON.stringify({ cms: 'x'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ status: false, message: 'Request body is larger than 1024 bytes' });
  });

  it('answers a wrong content type in the vendor envelope', async () => {
    const res = await request(app).post('/droplit/v0/api/environments/').set('authorization', 'droplit-demo-account').set('content-type', 'text/plain').send('ecosystemId=x');
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
    expect(res.body.standin.message).toMatch(/looks like a path of droplit without its prefix: use \/droplit\/v0\/api\/environments\/, or serve droplit at the root of its own port with --api-port droplit=PORT$/);
    expect((await request(app).get('/nowhere')).body.standin.message).not.toMatch(/looks like/);
  });

  it('refuses a malformed namespace header', async () => {
    const res = await request(app).get('/signatures/signatures').set('x-standin-namespace', 'a b');
    expect(res.status).toBe(400);
    expect(res.body.standin.error).toBe('InvalidNamespace');
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
    const read = await request(standin.app).get('/signatures/signature').set('x-standin-namespace', 'listener-for').query({ document: 'doc_1', thread: 'thr_1' });
    expect(read.status).toBe(200);
  });
});
