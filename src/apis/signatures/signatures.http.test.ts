import request from 'supertest';
import { createApp } from '../../server';

// Every ncanode rule of specs/signatures.yaml, over HTTP against the in-process app (strict response validation:
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

  test('an array where the vendor expects a string is a 400 in the ncanode envelope [standin choice], nothing stored', async () => {
    const { call, dump } = fresh();
    const before = await dump();
    const res = await call('post', '/signature').send({ document: ['d'], thread: 't', cms: 'c' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ status: false, message: '"document" parameter is invalid: must be string' });
    const comment = await call('post', '/signature').send({ document: 'd', thread: 't', cms: 'c', version_comment: { a: 1 } });
    expect(comment.body).toEqual({ status: false, message: '"version_comment" parameter is invalid: must be string' });
    const tag = await call('post', '/signature').send({ document: 'd', thread: 't', cms: 'c', tags: ['ok', ['nested']] });
    expect(tag.body).toEqual({ status: false, message: '"tags" parameter is invalid: tags.1 must be a non-empty string' });
    expect(await dump()).toEqual(before);
    const lookup = await call('get', '/signature').send({ document: 'doc_12', thread: ['ticket_42'] });
    expect(lookup.body).toEqual({ status: false, message: '"thread" parameter is invalid: must be string' });
    const repeated = await call('get', '/signatures?document=a&document=b');
    expect(repeated.status).toBe(400);
    expect(repeated.body).toEqual({ status: false, message: '"document" parameter is invalid: must be string' });
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
    const res = await call('post', '/signature').send({
      document: 'new_doc',
      thread: 'new_thread',
      version: 9,
      cms: 'MIIA',
      version_created_by: 'me',
      tags: ['t1'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      status: true,
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

describe('input as the PHP service reads it (DefaultRouter v0.9.6, data_type json, auto_trim, auto_null)', () => {
  const body = JSON.stringify({ document: 'plain_doc', thread: 'plain_thread', cms: 'MIIP' });

  test('the body is read as JSON whatever the Content-Type: text/plain, a form label or none', async () => {
    const { call } = fresh();
    const sent = [
      call('post', '/signature').type('text/plain').send(body.replace('plain_thread', 't1')),
      call('post', '/signature').send(body.replace('plain_thread', 't2')), // superagent labels a string form-encoded
      call('post', '/signature').send(Buffer.from(body.replace('plain_thread', 't3'))), // a Buffer goes without a Content-Type
    ];
    const answers = await Promise.all(sent);
    expect(answers.map((r) => [r.status, r.body.content?.signature?.thread])).toEqual([
      [201, 't1'],
      [201, 't2'],
      [201, 't3'],
    ]);
    const found = await call('get', '/signature').type('text/plain').send('{"document":"plain_doc","thread":"t2"}');
    expect(found.status).toBe(200);
  });

  test('a body that is no JSON object (malformed, a scalar, a list, a BOM, a lone surrogate, TRUE) adds no parameters: the query string alone is read', async () => {
    const { call } = fresh();
    const bodies = ['{"document": ', '"doc_12"', '42', '[1]', 'document=doc_12', '\uFEFF{"document":"x"}', '{"document":"\\ud800"}', '{"document":TRUE}'];
    for (const [i, bad] of bodies.entries()) {
      const res = await call('post', `/signature?document=q_doc&thread=q_${i}&cms=FROMQUERY`).set('content-type', 'application/json').send(bad);
      expect([bad, res.status, res.body.content?.signature?.document]).toEqual([bad, 201, 'q_doc']);
    }
    const none = await call('get', '/signature').set('content-type', 'application/json').send('{"document":"doc_12","thread":"ticket_42"');
    expect(none.body).toEqual(MISSING_KEY);
    const bytes = await call('get', '/signature').send(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]));
    expect(bytes.body).toEqual(MISSING_KEY);
  });

  test('nesting deeper than 512 is no body, as json_decode at its default depth', async () => {
    const { call } = fresh();
    const nested = (depth: number) => `{"document":"doc_12","thread":"ticket_42","deep":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect((await call('get', '/signature').type('json').send(nested(512))).status).toBe(200);
    expect((await call('get', '/signature').type('json').send(nested(513))).body).toEqual(MISSING_KEY);
  });

  test('version is cast with (int): "3", "3.0", 3.0, "4abc" count as the number; "abc" is 0 -> "Version must be set"', async () => {
    const { call } = fresh();
    const save = (version: unknown) =>
      call('post', '/signature').type('json').send(`{"document":"doc_12","thread":"ticket_42","cms":"V","version":${version}}`);
    expect((await save('"abc"')).body).toEqual(VERSION_NOT_SET);
    expect((await save('"3.9x"')).body.content.signature.version).toBe(4);
    expect((await save('"4"')).body.content.signature.version).toBe(5);
    expect((await save('5.0')).body.content.signature.version).toBe(6);
    expect((await save('6.7')).body.content.signature.version).toBe(7);
    expect((await save('" 7 "')).body.content.signature.version).toBe(8);
    expect((await save('"1e1"')).body).toEqual(VERSION_NOT_EQUAL);
    expect((await save('true')).body).toEqual(VERSION_NOT_EQUAL);
    expect((await call('post', '/signature?document=doc_12&thread=ticket_42&cms=Q&version=8.0')).body.content.signature.version).toBe(9);
  });

  test('document, thread and cms are cast with (string): a number is stored as its PHP text and found by it', async () => {
    const { call } = fresh();
    const res = await call('post', '/signature').type('json').send('{"document":12,"thread":1.5,"cms":true}');
    expect(res.status).toBe(201);
    expect(res.body.content.signature).toMatchObject({ document: '12', thread: '1.5', cms: '1' });
    expect((await call('get', '/signature?document=12&thread=1.5')).status).toBe(200);
    expect((await call('get', '/signature').type('json').send('{"document":12.0,"thread":"1.5"}')).status).toBe(200);
    const big = await call('post', '/signature').type('json').send('{"document":1e15,"thread":1000000000000000,"cms":"B"}');
    expect(big.body.content.signature).toMatchObject({ document: '1.0E+15', thread: '1000000000000000' });
  });

  test('version_created_by and version_comment accept the integers the docs show, stored as strings', async () => {
    const { call } = fresh();
    const res = await call('post', '/signature').send({ document: 'n', thread: 'n', cms: 'C', version_created_by: 5, version_comment: 7.5 });
    expect(res.status).toBe(201);
    expect(res.body.content.signature).toMatchObject({ version_created_by: '5', version_comment: '7.5' });
    const falsy = await call('post', '/signature').send({ document: 'n', thread: 'n', cms: 'C', version: 1, version_created_by: false, version_comment: '  ' });
    expect(falsy.body.content.signature).toMatchObject({ version_created_by: '', version_comment: null });
  });

  test('values are trimmed and a blank or "0" one is missing: a whitespace-only cms is refused and stores nothing', async () => {
    const { call, dump } = fresh();
    const before = await dump();
    for (const cms of ['   ', '\t\n', '0', ' 0 ']) {
      expect((await call('post', '/signature').send({ document: 'trim_doc', thread: 'trim_thread', cms })).body).toEqual({
        status: false,
        message: '"cms" parameter must be set',
      });
    }
    expect((await call('post', '/signature').send({ document: 0, thread: 't', cms: 'c' })).body).toEqual({
      status: false,
      message: '"document" parameter must be set',
    });
    expect(await dump()).toEqual(before);
    const padded = await call('post', '/signature').send({ document: ' trim_doc\u0000', thread: '\u000btrim_thread ', cms: ' C ', tags: [' a '] });
    expect(padded.body.content.signature).toMatchObject({ document: 'trim_doc', thread: 'trim_thread', cms: 'C', tags: ['a'] });
    expect((await call('get', '/signature?document=%20doc_12%20&thread=ticket_42%09')).status).toBe(200);
    expect((await call('get', '/signature?document=%20&thread=0')).body).toEqual(MISSING_KEY);
    expect((await call('get', '/signatures?count=%20')).body.content.nb_results).toBeUndefined();
    expect((await call('get', '/signatures?document=%20')).body.content.signatures).toHaveLength(9);
  });

  test('tags: a list or an object of scalars in a body, each cast with (string); anything else saves no tags', async () => {
    const { call } = fresh();
    const save = (thread: string, tags: unknown) => call('post', '/signature').send({ document: 'tagged', thread, cms: 'C', tags });
    expect((await save('a', { x: 'red', y: 7 })).body.content.signature.tags).toEqual(['red', '7']);
    expect((await save('b', 'red')).body.content.signature.tags).toEqual([]);
    expect((await save('c', [1, true, '1'])).body.content.signature.tags).toEqual(['1']);
    expect((await save('d', ['ok', ' '])).body).toEqual({ status: false, message: '"tags" parameter is invalid: tags.1 must be a non-empty string' });
    const ids = async (filter: unknown) =>
      (await call('get', '/signatures').send({ document: 'tagged', tags: filter })).body.content.signatures.map((s: any) => s.thread);
    expect(await ids('red')).toEqual(['a']);
    expect(await ids([7, null])).toEqual(['a']);
    expect(await ids([null])).toEqual([]);
    expect(await ids('0')).toEqual(['c', 'b', 'a']);
  });

  test('limit and offset are cast with (int): "abc" is 0 (no limit), a negative value is no limit / no offset', async () => {
    const { call } = fresh();
    const count = async (query: string) => (await call('get', `/signatures?${query}`)).body.content.signatures.length;
    expect(await count('limit=abc')).toBe(8);
    expect(await count('limit=-1')).toBe(8);
    expect(await count('offset=-1')).toBe(8);
    expect(await count('limit=2abc&offset=x')).toBe(2);
    expect(await count('limit=3&offset=6.9')).toBe(2);
    expect((await call('get', '/signatures').send({ limit: '3', offset: [1] })).body.content.signatures.map((s: any) => s.id)).toEqual(
      (await call('get', '/signatures?limit=3&offset=1')).body.content.signatures.map((s: any) => s.id),
    );
  });

  test('success bodies carry no "message" key, as the framework drops null ones', async () => {
    const { call } = fresh();
    const answers = [
      await call('get', '/signature?document=doc_12&thread=ticket_42'),
      await call('post', '/signature').send({ document: 'm', thread: 'm', cms: 'C' }),
      await call('get', '/signatures'),
      await call('delete', '/signature?document=m&thread=m'),
    ];
    expect(answers.map((r) => [r.status, Object.keys(r.body)])).toEqual([
      [200, ['status', 'content']],
      [201, ['status', 'content']],
      [200, ['status', 'content']],
      [200, ['status']],
    ]);
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
