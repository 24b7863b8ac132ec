import request from 'supertest';
import { createApp } from '../../server';

// Every ncanode rule of issue 3, over HTTP against the in-process app (strict response validation:
// an answer that breaks specs/signatures.yaml would come back as a 500 and fail these tests).

const NOW = '2024-05-01T10:00:00Z';
const NOW_TEXT = '2024-05-01 10:00:00';
let counter = 0;

function fresh(now = NOW) {
  const standin = createApp({ apis: ['signatures'], now });
  const namespace = `signatures-http-${++counter}`;
  const call = (method: 'get' | 'post' | 'delete', path: string) => request(standin.app)[method](`/signatures${path}`).set('x-standin-namespace', namespace);
  const dump = async () => (await request(standin.app).get(`/__admin/state/signatures?namespace=${namespace}`)).body.state;
  return { standin, call, dump };
}

const MISSING_KEY = { status: false, message: '"Thread" and "document" parameters must be set' };
const NOT_FOUND = { status: false, message: 'Signature was not found' };
const VERSION_NOT_SET = { status: false, message: 'Version must be set' };
const VERSION_NOT_EQUAL = { status: false, message: 'Version provided is not equal to actual signature version' };

describe('seed data and demo state', () => {
  test('doc_12 / ticket_42 is there straight after start, as the vendor docs show it', async () => {
    const { call } = fresh();
    const res = await call('get', '/signature?document=doc_12&thread=ticket_42');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: true,
      message: null,
      content: {
        signature: {
          id: 1,
          version: 3,
          document: 'doc_12',
          thread: 'ticket_42',
          cms: 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==',
          signature: 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==',
          version_created_by: 'some_user',
          version_created_at: '2021-02-19 15:00:00',
          version_comment: 'some comment',
          tags: ['customer_1', 'process_1'],
          created_at: '2021-02-18 15:00:00',
          updated_at: '2021-02-19 15:00:00',
        },
      },
    });
  });

  test('generated signatures are the same on every start (seeded faker) and differ with another seed', async () => {
    const a = await fresh().dump();
    const b = await fresh().dump();
    expect(a.count).toBe(8);
    expect(b).toEqual(a);
    const other = createApp({ apis: ['signatures'], seed: 42 });
    const c = (await request(other.app).get('/__admin/state/signatures')).body.state;
    expect(c.signatures.slice(0, 2)).toEqual(a.signatures.slice(0, 2)); // fixtures
    expect(c.signatures.slice(2)).not.toEqual(a.signatures.slice(2));
  });
});

describe('parameters come from the query string and from a JSON body on every method', () => {
  test('GET /signature reads a JSON body', async () => {
    const { call } = fresh();
    const res = await call('get', '/signature').send({ document: 'doc_12', thread: 'ticket_42' });
    expect(res.status).toBe(200);
    expect(res.body.content.signature.version).toBe(3);
  });

  test('POST /signature reads the query string, coercing version to an integer', async () => {
    const { call } = fresh();
    const res = await call('post', '/signature?document=doc_12&thread=ticket_42&version=3&cms=QUJD&tags=a&tags=b');
    expect(res.status).toBe(201);
    expect(res.body.content.signature).toMatchObject({ version: 4, cms: 'QUJD', tags: ['a', 'b'] });
  });

  test('DELETE /signature reads a JSON body (as the vendor test sends it) and the query string', async () => {
    const { call } = fresh();
    expect((await call('delete', '/signature').send({ document: 'doc_12', thread: 'ticket_42' })).status).toBe(200);
    expect((await call('delete', '/signature?document=doc_12&thread=ticket_43')).status).toBe(200);
  });

  test('GET /signatures reads filters from a JSON body', async () => {
    const { call } = fresh();
    const res = await call('get', '/signatures').send({ document: 'doc_12', count: true, limit: 1 });
    expect(res.body.content.nb_results).toBe(2);
    expect(res.body.content.signatures).toHaveLength(1);
  });

  test('a parameter given in both places: the body wins', async () => {
    const { call } = fresh();
    const res = await call('get', '/signature?document=nope&thread=nope').send({ document: 'doc_12', thread: 'ticket_42' });
    expect(res.status).toBe(200);
    const post = await call('post', '/signature?document=doc_12&thread=ticket_42&cms=FROMQUERY&version=1').send({ cms: 'FROMBODY', version: 3 });
    expect(post.status).toBe(201);
    expect(post.body.content.signature.cms).toBe('FROMBODY');
  });

  test('a parameter of the wrong type is a 400 in the ncanode envelope', async () => {
    const { call } = fresh();
    const res = await call('post', '/signature').send({ document: 'd', thread: 't', cms: 'c', tags: 'not-an-array' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ status: false, message: expect.stringContaining('"tags" parameter is invalid') });
    const limit = await call('get', '/signatures?limit=-1');
    expect(limit.status).toBe(400);
    expect(limit.body).toEqual({ status: false, message: expect.stringContaining('"limit" parameter is invalid') });
  });
});

describe('POST /signature', () => {
  test.each(['document', 'thread', 'cms'])('"%s" is required: 400 "<name>" parameter must be set, nothing stored', async (name) => {
    const { call, dump } = fresh();
    const before = await dump();
    const body: Record<string, string> = { document: 'new_doc', thread: 'new_thread', cms: 'MII' };
    delete body[name];
    const res = await call('post', '/signature').send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ status: false, message: `"${name}" parameter must be set` });
    const empty = await call('post', '/signature').send({ ...body, [name]: '' });
    expect(empty.body).toEqual({ status: false, message: `"${name}" parameter must be set` });
    expect(await dump()).toEqual(before);
  });

  test('the required parameters are checked in the order document, thread, cms', async () => {
    const { call } = fresh();
    expect((await call('post', '/signature').send({})).body.message).toBe('"document" parameter must be set');
    expect((await call('post', '/signature').send({ document: 'd' })).body.message).toBe('"thread" parameter must be set');
  });

  test('the first POST for a pair creates version 1 (the version sent is ignored): 201 content.signature', async () => {
    const { call } = fresh();
    const res = await call('post', '/signature').send({ document: 'new_doc', thread: 'new_thread', version: 9, cms: 'MIIA', version_created_by: 'me', tags: ['t1'] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      status: true,
      message: null,
      content: {
        signature: {
          id: 9,
          version: 1,
          document: 'new_doc',
          thread: 'new_thread',
          cms: 'MIIA',
          signature: 'MIIA',
          version_created_by: 'me',
          version_created_at: NOW_TEXT,
          version_comment: null,
          tags: ['t1'],
          created_at: NOW_TEXT,
          updated_at: NOW_TEXT,
        },
      },
    });
    expect((await call('get', '/signature?document=new_doc&thread=new_thread')).body).toEqual({ ...res.body });
  });

  test('a later POST without version: 400 "Version must be set", nothing stored', async () => {
    const { call, dump } = fresh();
    const before = await dump();
    const res = await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'NEW' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(VERSION_NOT_SET);
    expect((await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'NEW', version: 0 })).body).toEqual(VERSION_NOT_SET);
    expect(await dump()).toEqual(before);
  });

  test('a later POST with a version other than the stored one: 400 version mismatch, nothing stored', async () => {
    const { call, dump } = fresh();
    const before = await dump();
    for (const version of [2, 4]) {
      const res = await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'NEW', version });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(VERSION_NOT_EQUAL);
    }
    expect(await dump()).toEqual(before);
  });

  test('a POST with the stored version stores cms, comment, author, replaces tags, stamps version_created_at and increments version', async () => {
    const { call, standin } = fresh();
    standin.clock.set('2024-06-01T08:30:00Z');
    const res = await call('post', '/signature').send({
      document: 'doc_12',
      thread: 'ticket_42',
      version: 3,
      cms: 'NEWCMS',
      version_created_by: 'auditor',
      version_comment: 'resigned',
      tags: ['process_2'],
    });
    expect(res.status).toBe(201);
    expect(res.body.content.signature).toEqual({
      id: 1,
      version: 4,
      document: 'doc_12',
      thread: 'ticket_42',
      cms: 'NEWCMS',
      signature: 'NEWCMS',
      version_created_by: 'auditor',
      version_created_at: '2024-06-01 08:30:00',
      version_comment: 'resigned',
      tags: ['process_2'],
      created_at: '2021-02-18 15:00:00',
      updated_at: '2024-06-01 08:30:00',
    });
    const next = await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', version: 4, cms: 'AGAIN' });
    expect(next.body.content.signature).toMatchObject({ version: 5, tags: [], version_created_by: null, version_comment: null });
  });

  test('each version is kept in the chain (visible in the admin state dump)', async () => {
    const { call, dump } = fresh();
    await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', version: 3, cms: 'V4', tags: ['x'] });
    const state = await dump();
    const entry = state.signatures.find((s: any) => s.document === 'doc_12' && s.thread === 'ticket_42');
    expect(entry.chain.map((v: any) => [v.version, v.cms])).toEqual([
      [1, 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCJwCAQExDjAMBggqgw4DCgEDAQUAMA=='],
      [2, 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCJwCAQExDjAMBggqgw4DCgEDAQUAMQ=='],
      [3, 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ=='],
      [4, 'V4'],
    ]);
    expect(entry.chain[3]).toEqual({ version: 4, cms: 'V4', version_created_by: null, version_created_at: NOW_TEXT, version_comment: null, tags: ['x'] });
  });
});

describe('GET /signature', () => {
  test('both document and thread missing: 400 "Thread" and "document" parameters must be set', async () => {
    const { call } = fresh();
    const res = await call('get', '/signature');
    expect(res.status).toBe(400);
    expect(res.body).toEqual(MISSING_KEY);
    expect((await call('get', '/signature?document=&thread=')).body).toEqual(MISSING_KEY);
  });

  test('only one of document and thread: 404 (the vendor looks up (document, NULL))', async () => {
    const { call } = fresh();
    for (const query of ['document=doc_12', 'thread=ticket_42']) {
      const res = await call('get', `/signature?${query}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    }
  });

  test('an unknown pair: 404 "Signature was not found"', async () => {
    const { call } = fresh();
    const res = await call('get', '/signature?document=doc_12&thread=ticket_99');
    expect(res.status).toBe(404);
    expect(res.body).toEqual(NOT_FOUND);
  });
});

describe('DELETE /signature', () => {
  test('removes the signature and its whole chain; a later GET is 404 and a later POST starts at version 1', async () => {
    const { call, dump } = fresh();
    const res = await call('delete', '/signature').send({ document: 'doc_12', thread: 'ticket_42' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: true });
    expect((await call('get', '/signature?document=doc_12&thread=ticket_42')).body).toEqual(NOT_FOUND);
    const state = await dump();
    expect(state.signatures.some((s: any) => s.thread === 'ticket_42' && s.document === 'doc_12')).toBe(false);
    const list = await call('get', '/signatures?document=doc_12&count=1');
    expect(list.body.content.nb_results).toBe(1);
    const again = await call('post', '/signature').send({ document: 'doc_12', thread: 'ticket_42', cms: 'MII' });
    expect(again.body.content.signature).toMatchObject({ version: 1, id: 9 });
  });

  test('a second DELETE, an unknown pair or only one key: 404; no key at all: 400', async () => {
    const { call } = fresh();
    await call('delete', '/signature?document=doc_12&thread=ticket_42');
    expect((await call('delete', '/signature?document=doc_12&thread=ticket_42')).body).toEqual(NOT_FOUND);
    expect((await call('delete', '/signature?document=doc_12')).status).toBe(404);
    const none = await call('delete', '/signature');
    expect(none.status).toBe(400);
    expect(none.body).toEqual(MISSING_KEY);
  });
});

describe('GET /signatures', () => {
  const ids = (res: request.Response) => res.body.content.signatures.map((s: any) => s.id);

  async function withThree() {
    const f = fresh();
    f.standin.clock.set('2024-05-01T10:00:00Z');
    await f.call('post', '/signature').send({ document: 'L', thread: 'one', cms: 'A', tags: ['red'] });
    f.standin.clock.set('2024-05-02T10:00:00Z');
    await f.call('post', '/signature').send({ document: 'L', thread: 'two', cms: 'B', tags: ['blue', 'red'] });
    f.standin.clock.set('2024-05-03T10:00:00Z');
    await f.call('post', '/signature').send({ document: 'M', thread: 'one', cms: 'C', tags: ['green'] });
    return f;
  }

  test('newest first (created_at desc, ties by id desc), all seeds included', async () => {
    const { call } = await withThree();
    const res = await call('get', '/signatures');
    expect(res.status).toBe(200);
    expect(ids(res).slice(0, 3)).toEqual([11, 10, 9]);
    const created = res.body.content.signatures.map((s: any) => `${s.created_at}#${String(s.id).padStart(4, '0')}`);
    expect(created).toEqual([...created].sort().reverse());
    expect(res.body.content.signatures).toHaveLength(11);
    expect(res.body.content.nb_results).toBeUndefined();
  });

  test('ties on created_at are broken by id descending', async () => {
    const { call } = fresh();
    for (const thread of ['a', 'b', 'c']) await call('post', '/signature').send({ document: 'same_second', thread, cms: 'X' });
    expect(ids(await call('get', '/signatures?document=same_second'))).toEqual([11, 10, 9]);
  });

  test('filters: document, chain (= thread), tags (any of; repeated, PHP tags[] or a body array); stage is ignored', async () => {
    const { call } = await withThree();
    expect(ids(await call('get', '/signatures?document=L'))).toEqual([10, 9]);
    expect(ids(await call('get', '/signatures?chain=one&document=L'))).toEqual([9]);
    expect(ids(await call('get', '/signatures?tags=blue&tags=green'))).toEqual([11, 10]);
    expect(ids(await call('get', '/signatures?tags[]=blue&tags[]=green'))).toEqual([11, 10]);
    expect(ids(await call('get', '/signatures?tags=red&stage=whatever'))).toEqual([10, 9]);
    expect(ids(await call('get', '/signatures').send({ tags: ['green'], chain: 'one' }))).toEqual([11]);
    expect(ids(await call('get', '/signatures?document=nobody'))).toEqual([]);
  });

  test('limit / offset page the result (0 means none); count truthy adds nb_results, the total before paging', async () => {
    const { call } = await withThree();
    const page = await call('get', '/signatures?limit=2&offset=1&count=1');
    expect(ids(page)).toEqual([10, 9]);
    expect(page.body.content.nb_results).toBe(11);
    expect(ids(await call('get', '/signatures?limit=0&offset=0'))).toHaveLength(11);
    const filtered = await call('get', '/signatures?tags=red&limit=1&count=true');
    expect(ids(filtered)).toEqual([10]);
    expect(filtered.body.content.nb_results).toBe(2);
    expect((await call('get', '/signatures?offset=50&count=yes')).body.content).toEqual({ signatures: [], nb_results: 11 });
  });

  test('count follows PHP truthiness: 0, "0", "" and false add nothing', async () => {
    const { call } = fresh();
    for (const query of ['count=0', 'count=', '']) expect((await call('get', `/signatures?${query}`)).body.content.nb_results).toBeUndefined();
    expect((await call('get', '/signatures').send({ count: false })).body.content.nb_results).toBeUndefined();
    expect((await call('get', '/signatures').send({ count: 0 })).body.content.nb_results).toBeUndefined();
    expect((await call('get', '/signatures?count=false')).body.content.nb_results).toBe(8); // PHP: a non-empty string is true
  });

  test('items carry the CMS under both signature and cms, in the /signature shape', async () => {
    const { call } = fresh();
    const res = await call('get', '/signatures?document=doc_12&chain=ticket_42');
    const one = await call('get', '/signature?document=doc_12&thread=ticket_42');
    expect(res.body.content.signatures).toEqual([one.body.content.signature]);
    expect(res.body.content.signatures[0].cms).toBe(res.body.content.signatures[0].signature);
  });
});

describe('namespaces', () => {
  test('a write in one namespace is invisible in another', async () => {
    const { standin, call } = fresh();
    await call('delete', '/signature?document=doc_12&thread=ticket_42');
    const other = await request(standin.app).get('/signatures/signature?document=doc_12&thread=ticket_42').set('x-standin-namespace', 'signatures-http-other');
    expect(other.status).toBe(200);
  });
});
