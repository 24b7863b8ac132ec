import type { CallInit, Exchange } from '../lib/client';
import type { Scenario, ScenarioContext } from '../lib/scenario';

// ncanode "Signatures Persist API": the rules of the spec's operation descriptions, one
// scenario each. Every pair (document, thread) a scenario writes is made of t.unique() values, so a live
// store's other signatures never interfere; list scenarios filter on such a unique document.

type T = ScenarioContext<'signatures'>;

interface Signature {
  id: number;
  version: number;
  document: string;
  thread: string;
  cms?: string;
  signature?: string;
  version_created_by?: string | null;
  version_created_at?: string | null;
  version_comment?: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const KEY_NOT_SET = '"Thread" and "document" parameters must be set';
const NOT_FOUND = 'Signature was not found';
const VERSION_NOT_SET = 'Version must be set';
const VERSION_NOT_EQUAL = 'Version provided is not equal to actual signature version';
const notSet = (name: string) => `"${name}" parameter must be set`;

/** A distinct, base64-looking CMS per label. */
const cms = (label: string) => Buffer.from(`cms of ${label}`).toString('base64');

/** Every ncanode error is {status:false, message}. */
function expectError(t: T, ex: Exchange, status: number, message: string | RegExp) {
  t.expect.answer(ex, status, { status: false, message });
}

/** A fresh (document, thread) pair nobody else uses. */
function pair(t: T) {
  return { document: t.unique('doc'), thread: t.unique('thr') };
}

async function save(t: T, body: Record<string, unknown>, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('saveSignature', { json: body, ...init });
}

/** POSTs `body` and expects 201; returns the saved signature. */
async function saved(t: T, body: Record<string, unknown>, what = 'setup: save a signature'): Promise<Signature> {
  const ex = await save(t, body);
  t.expect.answer(ex, 201, { status: true, content: { signature: { document: body.document, thread: body.thread } } }, what);
  return ex.json.content.signature as Signature;
}

/** Creates version 1 of a fresh pair. */
async function created(t: T, extra: Record<string, unknown> = {}): Promise<Signature> {
  const key = pair(t);
  return saved(t, { ...key, cms: cms(key.document), ...extra });
}

async function get(t: T, document: string | undefined, thread: string | undefined): Promise<Exchange> {
  return t.client.call('getSignature', { query: { document, thread } });
}

/** The current version as GET /signature returns it. */
async function current(t: T, s: { document: string; thread: string }, what = 'read back with GET /signature'): Promise<{ ex: Exchange; sig: Signature }> {
  const ex = await get(t, s.document, s.thread);
  t.expect.answer(ex, 200, { status: true, content: { signature: { document: s.document, thread: s.thread } } }, what);
  return { ex, sig: ex.json.content.signature as Signature };
}

async function expectGone(t: T, s: { document: string; thread: string }, what: string) {
  const ex = await get(t, s.document, s.thread);
  t.expect.answer(ex, 404, { status: false, message: NOT_FOUND }, what);
}

/** A refused POST changed nothing: GET still shows `before` exactly. */
async function expectUnchanged(t: T, before: Signature, refused: Exchange) {
  const { ex, sig } = await current(t, before, `read back after the refused POST (${refused.status})`);
  t.expect.equal(ex, sig, before, `after the refused POST (${refused.status}: ${refused.json?.message}) the stored signature`);
}

/** The CMS travels under both names with the same value. */
function expectCms(t: T, ex: Exchange, sig: Signature, value: string) {
  t.expect.equal(ex, { cms: sig.cms, signature: sig.signature }, { cms: value, signature: value }, 'the CMS under cms and signature');
}

async function list(t: T, query: CallInit['query'], what = 'GET /signatures'): Promise<{ ex: Exchange; items: Signature[] }> {
  const ex = await t.client.call('listSignatures', { query });
  t.expect.answer(ex, 200, { status: true }, what);
  t.expect.that(ex, Array.isArray(ex.json?.content?.signatures), 'content.signatures is an array');
  return { ex, items: ex.json.content.signatures as Signature[] };
}

const threads = (items: Signature[]) => items.map((s) => s.thread);

/** Several signatures of one fresh document, created in this order (so the list shows them reversed). */
async function documentWith(t: T, specs: Array<{ tags?: string[] }>): Promise<{ document: string; sigs: Signature[] }> {
  const document = t.unique('doc');
  const sigs: Signature[] = [];
  for (const [i, s] of specs.entries()) {
    const thread = t.unique(`t${i}`);
    sigs.push(await saved(t, { document, thread, cms: cms(thread), ...(s.tags ? { tags: s.tags } : {}) }));
  }
  return { document, sigs };
}

export const signaturesScenarios: Scenario<'signatures'>[] = [
  // ------------------------------------------------------------------ save
  {
    api: 'signatures',
    name: 'save: the first POST for a (document, thread) creates version 1 (201), GET reads it back equal, CMS under cms and signature',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-first-version', 'rule-signatures-post-stores', 'rule-signatures-get'],
    async run(t) {
      const key = pair(t);
      const body = { ...key, cms: cms(key.thread), version_created_by: 'alice', version_comment: 'first', tags: ['tag_a', 'tag_b'] };
      const ex = await save(t, body);
      t.expect.answer(ex, 201, {
        status: true,
        content: { signature: { ...key, version: 1, version_created_by: 'alice', version_comment: 'first', tags: ['tag_a', 'tag_b'], created_at: TIMESTAMP, updated_at: TIMESTAMP, version_created_at: TIMESTAMP } },
      });
      const sig = ex.json.content.signature as Signature;
      expectCms(t, ex, sig, body.cms);
      t.expect.that(ex, Number.isInteger(sig.id), 'the new signature has an integer id');
      const back = await current(t, key);
      t.expect.equal(back.ex, back.sig, sig, 'GET /signature after the create');
    },
  },
  {
    api: 'signatures',
    name: 'save: a version sent with the first POST of a pair is ignored -> version 1',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-first-version'],
    async run(t) {
      const key = pair(t);
      const ex = await save(t, { ...key, cms: cms(key.thread), version: 7 });
      t.expect.answer(ex, 201, { content: { signature: { ...key, version: 1 } } });
      t.expect.equal(ex, (await current(t, key)).sig.version, 1, 'the stored version');
    },
  },
  {
    api: 'signatures',
    name: 'save: document, thread, cms required (missing or empty) -> 400 "<name>" parameter must be set, in that order, nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-post-required'],
    async run(t) {
      const key = pair(t);
      const body = { ...key, cms: cms(key.thread) };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, 'document'],
        [{ thread: key.thread }, 'document'],
        [{ document: '', thread: key.thread, cms: body.cms }, 'document'],
        [{ document: key.document }, 'thread'],
        [{ document: key.document, thread: '', cms: body.cms }, 'thread'],
        [{ document: key.document, cms: body.cms }, 'thread'],
        [{ document: key.document, thread: key.thread }, 'cms'],
        [{ document: key.document, thread: key.thread, cms: '' }, 'cms'],
      ];
      for (const [sent, missing] of cases) expectError(t, await save(t, sent), 400, notSet(missing));
      await expectGone(t, key, 'after the refused POSTs nothing is stored for the pair');
    },
  },
  {
    api: 'signatures',
    name: 'save: a later POST without version (or version 0) -> 400 "Version must be set", nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-version'],
    async run(t) {
      const first = await created(t, { tags: ['keep_me'], version_comment: 'v1' });
      for (const version of [undefined, 0]) {
        const ex = await save(t, { document: first.document, thread: first.thread, cms: cms('other'), tags: ['new'], ...(version === undefined ? {} : { version }) });
        expectError(t, ex, 400, VERSION_NOT_SET);
        await expectUnchanged(t, first, ex);
      }
    },
  },
  {
    api: 'signatures',
    name: 'save: a later POST with a version other than the stored one -> 400 "Version provided is not equal to actual signature version", nothing stored',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-version'],
    async run(t) {
      const first = await created(t);
      const second = await saved(t, { document: first.document, thread: first.thread, cms: cms('v2'), version: 1 }, 'save version 2');
      for (const version of [1, 3, 42]) {
        const ex = await save(t, { document: first.document, thread: first.thread, cms: cms(`stale ${version}`), version });
        expectError(t, ex, 400, VERSION_NOT_EQUAL);
        await expectUnchanged(t, second, ex);
      }
    },
  },
  {
    api: 'signatures',
    name: 'save: a later POST with the stored version stores the new cms, comment, author and tags (replaced), version + 1; id and created_at stay',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-post-stores'],
    async run(t) {
      const first = await created(t, { version_created_by: 'alice', version_comment: 'first', tags: ['tag_a', 'tag_b'] });
      const next = { document: first.document, thread: first.thread, version: 1, cms: cms('second'), version_created_by: 'bob', version_comment: 'second', tags: ['tag_c'] };
      const ex = await save(t, next);
      t.expect.answer(ex, 201, {
        status: true,
        content: { signature: { id: first.id, document: first.document, thread: first.thread, version: 2, version_created_by: 'bob', version_comment: 'second', tags: ['tag_c'], created_at: first.created_at, version_created_at: TIMESTAMP, updated_at: TIMESTAMP } },
      });
      const sig = ex.json.content.signature as Signature;
      expectCms(t, ex, sig, next.cms);
      t.expect.that(ex, sig.updated_at >= first.updated_at && String(sig.version_created_at) >= String(first.version_created_at), 'version_created_at and updated_at move forward', `>= ${first.updated_at}`);
      const back = await current(t, first);
      t.expect.equal(back.ex, back.sig, sig, 'GET /signature after the new version');
      const third = await saved(t, { ...next, version: 2, cms: cms('third') }, 'save version 3 with version 2');
      t.expect.equal(undefined, third.version, 3, 'the version after a third save');
    },
  },
  {
    api: 'signatures',
    name: 'save: a new version without tags, comment or author has no tags and null comment/author (nothing carried over)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-post-stores'],
    async run(t) {
      const first = await created(t, { version_created_by: 'alice', version_comment: 'first', tags: ['tag_a'] });
      const ex = await save(t, { document: first.document, thread: first.thread, version: 1, cms: cms('bare') });
      t.expect.answer(ex, 201, { content: { signature: { version: 2, tags: [], version_comment: null, version_created_by: null } } });
      t.expect.answer((await current(t, first)).ex, 200, { content: { signature: { version: 2, tags: [], version_comment: null, version_created_by: null } } }, 'read back');
    },
  },
  {
    api: 'signatures',
    name: 'save: a tag sent twice is stored once',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-post-stores'],
    async run(t) {
      const sig = await created(t, { tags: ['dup', 'other', 'dup'] });
      t.expect.equal(undefined, sig.tags, ['dup', 'other'], 'the tags of the 201');
      const back = await current(t, sig);
      t.expect.equal(back.ex, back.sig.tags, ['dup', 'other'], 'the tags read back');
    },
  },
  {
    api: 'signatures',
    name: 'save: of 100 simultaneous POSTs with the stored version exactly one gets 201, the others the stale-version 400',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-concurrency'],
    async run(t) {
      const first = await created(t);
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => save(t, { document: first.document, thread: first.thread, version: 1, cms: cms(`racer ${i}`) })),
      );
      const winners = results.filter((ex) => ex.status === 201);
      t.expect.that(winners[0] ?? results[0], winners.length === 1, `exactly one POST wins, got ${winners.length}`, '1 x 201');
      for (const ex of results.filter((r) => r.status !== 201)) expectError(t, ex, 400, VERSION_NOT_EQUAL);
      const back = await current(t, first);
      t.expect.equal(back.ex, { version: back.sig.version, cms: back.sig.cms }, { version: 2, cms: winners[0].json.content.signature.cms }, 'the stored signature is the winner');
    },
  },

  // ------------------------------------------------------------------ get
  {
    api: 'signatures',
    name: 'get: an unknown (document, thread) -> 404 "Signature was not found"',
    basis: 'vendor',
    readme: ['rule-signatures-get'],
    async run(t) {
      expectError(t, await get(t, t.unique('nodoc'), t.unique('nothr')), 404, NOT_FOUND);
    },
  },
  {
    api: 'signatures',
    name: 'get: neither document nor thread (missing or empty) -> 400 "Thread" and "document" parameters must be set',
    basis: 'vendor',
    readme: ['rule-signatures-get'],
    async run(t) {
      expectError(t, await get(t, undefined, undefined), 400, KEY_NOT_SET);
      expectError(t, await get(t, '', ''), 400, KEY_NOT_SET);
    },
  },
  {
    api: 'signatures',
    name: 'get: only one of document and thread of an existing signature -> 404 "Signature was not found"',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-get'],
    async run(t) {
      const sig = await created(t);
      expectError(t, await get(t, sig.document, undefined), 404, NOT_FOUND);
      expectError(t, await get(t, undefined, sig.thread), 404, NOT_FOUND);
      expectError(t, await get(t, sig.document, t.unique('other')), 404, NOT_FOUND);
    },
  },
  {
    api: 'signatures',
    name: "demo data: doc_12 / ticket_42 is the vendor docs' example at version 3",
    needs: ['standin'],
    basis: 'choice',
    readme: ['rule-signatures-get'],
    async run(t) {
      const { ex, sig } = await current(t, { document: 'doc_12', thread: 'ticket_42' });
      t.expect.answer(ex, 200, { content: { signature: { id: 1, version: 3, version_created_by: 'some_user', version_comment: 'some comment', tags: ['customer_1', 'process_1'], created_at: '2021-02-18 15:00:00' } } });
      expectCms(t, ex, sig, 'MIIIrwYJKoZIhvcNAQcCoIIIoDCCCx+EWy11vQtlLdPQ==');
    },
  },

  // ------------------------------------------------------------------ delete
  {
    api: 'signatures',
    name: 'delete: 200 {status:true} removes the signature and its chain: later GET 404, DELETE 404, and a new POST starts at version 1',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-delete'],
    async run(t) {
      const first = await created(t, { tags: ['tag_a'] });
      await saved(t, { document: first.document, thread: first.thread, version: 1, cms: cms('v2') }, 'save version 2');
      const ex = await t.client.call('deleteSignature', { query: { document: first.document, thread: first.thread } });
      t.expect.answer(ex, 200, { status: true });
      await expectGone(t, first, 'GET after the DELETE');
      expectError(t, await t.client.call('deleteSignature', { query: { document: first.document, thread: first.thread } }), 404, NOT_FOUND);
      const again = await save(t, { document: first.document, thread: first.thread, cms: cms('reborn') });
      t.expect.answer(again, 201, { content: { signature: { version: 1, tags: [] } } }, 'a POST without version after the DELETE creates version 1');
      expectCms(t, again, again.json.content.signature, cms('reborn'));
    },
  },
  {
    api: 'signatures',
    name: 'delete: neither document nor thread -> 400 "Thread" and "document" parameters must be set',
    basis: 'vendor',
    readme: ['rule-signatures-delete'],
    async run(t) {
      expectError(t, await t.client.call('deleteSignature', {}), 400, KEY_NOT_SET);
      expectError(t, await t.client.call('deleteSignature', { query: { document: '', thread: '' } }), 400, KEY_NOT_SET);
    },
  },
  {
    api: 'signatures',
    name: 'delete: an unknown pair or only one of document and thread -> 404 "Signature was not found", nothing deleted',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-delete'],
    async run(t) {
      const sig = await created(t);
      expectError(t, await t.client.call('deleteSignature', { query: { document: sig.document } }), 404, NOT_FOUND);
      expectError(t, await t.client.call('deleteSignature', { query: { thread: sig.thread } }), 404, NOT_FOUND);
      expectError(t, await t.client.call('deleteSignature', { query: { document: sig.document, thread: t.unique('other') } }), 404, NOT_FOUND);
      const back = await current(t, sig, 'the signature is still there');
      t.expect.equal(back.ex, back.sig, sig, 'the signature after the refused DELETEs');
    },
  },

  // ------------------------------------------------------------------ parameters: query and body
  {
    api: 'signatures',
    name: 'parameters: POST reads document, thread, cms, version, author, comment and tags from the query string',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-params', 'rule-signatures-tags-query'],
    async run(t) {
      const key = pair(t);
      const first = await t.client.call('saveSignature', { query: { ...key, cms: cms('q1'), version_created_by: 'carol', version_comment: 'by query', tags: ['q_a', 'q_b'] } });
      t.expect.answer(first, 201, { content: { signature: { ...key, version: 1, version_created_by: 'carol', version_comment: 'by query', tags: ['q_a', 'q_b'] } } });
      expectCms(t, first, first.json.content.signature, cms('q1'));
      expectError(t, await t.client.call('saveSignature', { query: { ...key, cms: cms('q2') } }), 400, VERSION_NOT_SET);
      expectError(t, await t.client.call('saveSignature', { query: { ...key, cms: cms('q2'), version: 2 } }), 400, VERSION_NOT_EQUAL);
      const second = await t.client.call('saveSignature', { query: { ...key, cms: cms('q2'), version: 1, tags: 'q_c' } });
      t.expect.answer(second, 201, { content: { signature: { version: 2, tags: ['q_c'] } } });
      t.expect.equal(second, (await current(t, key)).sig.cms, cms('q2'), 'the CMS read back');
    },
  },
  {
    api: 'signatures',
    name: 'parameters: DELETE reads document and thread from a JSON body',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-params'],
    async run(t) {
      const sig = await created(t);
      expectError(t, await t.client.call('deleteSignature', { json: { document: sig.document, thread: t.unique('other') } }), 404, NOT_FOUND);
      t.expect.answer(await t.client.call('deleteSignature', { json: { document: sig.document, thread: sig.thread } }), 200, { status: true });
      await expectGone(t, sig, 'GET after the DELETE with a JSON body');
      expectError(t, await t.client.call('deleteSignature', { json: {} }), 400, KEY_NOT_SET);
    },
  },
  {
    api: 'signatures',
    name: 'parameters: GET /signature reads document and thread from a JSON body',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-params'],
    async run(t) {
      const sig = await created(t);
      const ex = await t.client.call('getSignature', { json: { document: sig.document, thread: sig.thread } });
      t.expect.answer(ex, 200, { content: { signature: { id: sig.id, document: sig.document, thread: sig.thread, version: 1 } } });
      expectError(t, await t.client.call('getSignature', { json: { document: sig.document, thread: t.unique('other') } }), 404, NOT_FOUND);
      expectError(t, await t.client.call('getSignature', { json: {} }), 400, KEY_NOT_SET);
    },
  },
  {
    api: 'signatures',
    name: 'parameters: GET /signatures reads document, tags, limit and count from a JSON body',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-params', 'rule-signatures-paging'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{ tags: ['x'] }, { tags: ['y'] }, { tags: ['x'] }]);
      const ex = await t.client.call('listSignatures', { json: { document, tags: ['x'], limit: 1, count: true } });
      t.expect.answer(ex, 200, { status: true, content: { nb_results: 2 } });
      t.expect.equal(ex, threads(ex.json.content.signatures), [sigs[2].thread], 'the page listed from the body filters');
    },
  },
  {
    api: 'signatures',
    name: 'parameters: a JSON body field wins over the same query parameter',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-params'],
    async run(t) {
      const key = pair(t);
      const decoy = t.unique('decoy');
      const ex = await t.client.call('saveSignature', { query: { document: decoy, thread: key.thread, cms: cms('query') }, json: { document: key.document, cms: cms('body') } });
      t.expect.answer(ex, 201, { content: { signature: { document: key.document, thread: key.thread, version: 1 } } });
      expectCms(t, ex, ex.json.content.signature, cms('body'));
      await current(t, key, 'the signature is stored under the body document');
      await expectGone(t, { document: decoy, thread: key.thread }, 'nothing is stored under the query document');
    },
  },

  // ------------------------------------------------------------------ list
  {
    api: 'signatures',
    name: 'list: newest first (created_at desc, ties by id desc); a new version does not move a signature',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-list'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}, {}]);
      const expected = threads([...sigs].reverse());
      const before = await list(t, { document });
      t.expect.equal(before.ex, threads(before.items), expected, 'the order of the document signatures');
      await saved(t, { document, thread: sigs[0].thread, version: 1, cms: cms('newer') }, 'save version 2 of the oldest');
      const after = await list(t, { document });
      t.expect.equal(after.ex, threads(after.items), expected, 'the order after a new version of the oldest');
      t.expect.equal(after.ex, after.items[2].version, 2, 'the list shows the current version');
      const whole = await list(t, { limit: 50 });
      whole.items.forEach((s, i) => {
        const prev = whole.items[i - 1];
        if (prev) t.expect.that(whole.ex, prev.created_at > s.created_at || (prev.created_at === s.created_at && prev.id > s.id), `item ${i} (id ${s.id}, ${s.created_at}) comes after item ${i - 1} (id ${prev.id}, ${prev.created_at})`, 'created_at desc, then id desc');
      });
    },
  },
  {
    api: 'signatures',
    name: 'list: document filters to that document; items carry the CMS under cms and signature',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-list'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}]);
      await created(t);
      const { ex, items } = await list(t, { document });
      t.expect.equal(ex, items.map((s) => [s.document, s.thread]), [...sigs].reverse().map((s) => [document, s.thread]), 'the signatures of the document');
      for (const s of items) expectCms(t, ex, s, cms(s.thread));
      const none = await list(t, { document: t.unique('nodoc') });
      t.expect.equal(none.ex, none.items, [], 'the list for an unknown document');
    },
  },
  {
    api: 'signatures',
    name: 'list: chain filters by thread (thread itself is no filter of the list)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-list'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}, {}]);
      const byChain = await list(t, { document, chain: sigs[1].thread });
      t.expect.equal(byChain.ex, threads(byChain.items), [sigs[1].thread], 'the list for chain = the second thread');
      const byThread = await list(t, { document, thread: sigs[1].thread });
      t.expect.equal(byThread.ex, byThread.items.length, 3, 'the list for thread = the second thread (not a filter)');
      const alone = await list(t, { chain: sigs[2].thread });
      t.expect.equal(alone.ex, alone.items.map((s) => [s.document, s.thread]), [[document, sigs[2].thread]], 'chain alone');
    },
  },
  {
    api: 'signatures',
    name: 'list: tags matches signatures having any of the tags, each listed once (tags=a&tags=b)',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-list', 'rule-signatures-tags-query'],
    async run(t) {
      const a = t.unique('ta');
      const b = t.unique('tb');
      const { document, sigs } = await documentWith(t, [{ tags: [a] }, { tags: [b] }, { tags: [a, b] }, { tags: ['unrelated'] }, {}]);
      const any = await list(t, { document, tags: [a, b] });
      t.expect.equal(any.ex, threads(any.items), threads([sigs[2], sigs[1], sigs[0]]), 'tags a or b');
      const one = await list(t, { tags: a });
      t.expect.equal(one.ex, threads(one.items), threads([sigs[2], sigs[0]]), 'tags a alone (no document filter)');
      const unknown = await list(t, { document, tags: t.unique('nt') });
      t.expect.equal(unknown.ex, unknown.items, [], 'an unused tag');
    },
  },
  {
    api: 'signatures',
    name: 'list: tags in the PHP form tags[]=a&tags[]=b is read like tags=a&tags=b',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-list', 'rule-signatures-tags-query'],
    async run(t) {
      const a = t.unique('ta');
      const b = t.unique('tb');
      const { document, sigs } = await documentWith(t, [{ tags: [a] }, { tags: [b] }, { tags: ['other'] }]);
      const ex = await t.client.call('listSignatures', { query: { document, 'tags[]': [a, b] } });
      t.expect.answer(ex, 200, { status: true });
      t.expect.equal(ex, threads(ex.json.content.signatures), threads([sigs[1], sigs[0]]), 'tags[] a or b');
    },
  },
  {
    api: 'signatures',
    name: 'list: filters combine with AND (document + chain + tags); a new version re-tags a signature',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-list'],
    async run(t) {
      const tag = t.unique('tg');
      const { document, sigs } = await documentWith(t, [{ tags: [tag] }, {}]);
      const other = await saved(t, { document: t.unique('doc'), thread: sigs[0].thread, cms: cms('elsewhere'), tags: [tag] }, 'same thread and tag, other document');
      const docTag = await list(t, { document, tags: tag });
      t.expect.equal(docTag.ex, threads(docTag.items), [sigs[0].thread], 'document AND tags');
      const chainTag = await list(t, { chain: sigs[0].thread, tags: tag });
      t.expect.equal(chainTag.ex, chainTag.items.map((s) => s.document).sort(), [document, other.document].sort(), 'chain AND tags');
      const all3 = await list(t, { document, chain: sigs[1].thread, tags: tag });
      t.expect.equal(all3.ex, all3.items, [], 'document AND chain AND tags with no match');
      await saved(t, { document, thread: sigs[0].thread, version: 1, cms: cms('retag'), tags: ['untagged'] }, 'replace the tags');
      const after = await list(t, { document, tags: tag });
      t.expect.equal(after.ex, after.items, [], 'the old tag no longer matches after the tags were replaced');
    },
  },
  {
    api: 'signatures',
    name: 'list: limit and offset page the list; 0 means no limit / no offset',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}, {}, {}, {}]);
      const all = threads([...sigs].reverse());
      const cases: Array<[Record<string, number>, string[]]> = [
        [{ limit: 2 }, all.slice(0, 2)],
        [{ limit: 2, offset: 2 }, all.slice(2, 4)],
        [{ limit: 2, offset: 4 }, all.slice(4)],
        [{ offset: 3 }, all.slice(3)],
        [{ offset: 9 }, []],
        [{ limit: 0 }, all],
        [{ limit: 0, offset: 0 }, all],
        [{ limit: 3, offset: 0 }, all.slice(0, 3)],
      ];
      for (const [paging, expected] of cases) {
        const { ex, items } = await list(t, { document, ...paging });
        t.expect.equal(ex, threads(items), expected, `the page ${JSON.stringify(paging)}`);
        t.expect.that(ex, !('nb_results' in ex.json.content), 'no nb_results without count');
      }
    },
  },
  {
    api: 'signatures',
    name: 'list: count truthy adds nb_results, the number of matches before paging',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging'],
    async run(t) {
      const tag = t.unique('tg');
      const { document, sigs } = await documentWith(t, [{ tags: [tag] }, {}, { tags: [tag] }, { tags: [tag] }]);
      const page = await list(t, { document, limit: 2, offset: 1, count: 1 });
      t.expect.answer(page.ex, 200, { content: { nb_results: 4 } });
      t.expect.equal(page.ex, threads(page.items), threads([sigs[2], sigs[1]]), 'the page');
      const tagged = await list(t, { document, tags: tag, limit: 1, count: 'true' });
      t.expect.answer(tagged.ex, 200, { content: { nb_results: 3 } });
      t.expect.equal(tagged.ex, threads(tagged.items), [sigs[3].thread], 'the tagged page');
      const none = await list(t, { document: t.unique('nodoc'), count: 1 });
      t.expect.answer(none.ex, 200, { content: { signatures: [], nb_results: 0 } });
    },
  },
  {
    api: 'signatures',
    name: 'list: count in a query string follows PHP truthiness: "0" and "" add no nb_results; "false", "yes", "2" do',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging', 'rule-signatures-casts'],
    async run(t) {
      const { document } = await documentWith(t, [{}, {}]);
      for (const count of ['0', '']) {
        const { ex } = await list(t, { document, count });
        t.expect.that(ex, !('nb_results' in ex.json.content), `count=${JSON.stringify(count)} in the query adds no nb_results`);
      }
      for (const count of ['false', 'yes', '2']) {
        const { ex } = await list(t, { document, count });
        t.expect.answer(ex, 200, { content: { nb_results: 2 } }, `count=${count} in the query is truthy`);
      }
    },
  },
  {
    api: 'signatures',
    name: 'list: count in a JSON body follows PHP truthiness: false, 0, "0", "" add no nb_results; true, 1, "false" do',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging', 'rule-signatures-casts'],
    async run(t) {
      const { document } = await documentWith(t, [{}, {}]);
      for (const count of [false, 0, '0', '']) {
        const ex = await t.client.call('listSignatures', { json: { document, count } });
        t.expect.answer(ex, 200, { status: true, content: { signatures: [{ document }, { document }] } }, `count ${JSON.stringify(count)} in the body`);
        t.expect.that(ex, !('nb_results' in ex.json.content), `count ${JSON.stringify(count)} in the body adds no nb_results`);
      }
      for (const count of [true, 1, 'false']) {
        const ex = await t.client.call('listSignatures', { json: { document, count } });
        t.expect.answer(ex, 200, { content: { nb_results: 2 } }, `count ${JSON.stringify(count)} in the body is truthy`);
      }
    },
  },

  // ------------------------------------------------------------------ input as the PHP service reads it
  {
    api: 'signatures',
    name: 'input: the body is read as JSON whatever the Content-Type (text/plain, a form-encoded label)',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-body-json'],
    async run(t) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const key = pair(t);
        const ex = await t.client.call('saveSignature', { body: JSON.stringify({ ...key, cms: cms(type) }), headers: { 'content-type': type } });
        t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, version: 1 } } }, `a JSON body labelled ${type}`);
        const back = await t.client.call('deleteSignature', { body: JSON.stringify(key), headers: { 'content-type': type } });
        t.expect.answer(back, 200, { status: true }, `DELETE with a JSON body labelled ${type}`);
        await expectGone(t, key, `GET after the DELETE labelled ${type}`);
      }
    },
  },
  {
    api: 'signatures',
    name: 'input: a JSON body without a Content-Type is read too',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-body-json'],
    async run(t) {
      const key = pair(t);
      // Prism matches a body without a Content-Type against the first media type's schema, so it cannot carry this one.
      const ex = await t.client.call('saveSignature', { body: JSON.stringify({ ...key, cms: cms('untyped') }), invalid: true });
      t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, version: 1 } } });
      await current(t, key, 'read back the signature saved without a Content-Type');
    },
  },
  {
    api: 'signatures',
    name: 'input: a body that is not a JSON object adds no parameters (no 400): the query string alone is read',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-body-json'],
    async run(t) {
      for (const body of ['{"document": ', 'document=x&thread=y', '"just a string"']) {
        const key = pair(t);
        const ex = await t.client.call('saveSignature', { query: { ...key, cms: cms(body) }, body, headers: { 'content-type': 'text/plain' } });
        t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, version: 1 } } }, `the body ${JSON.stringify(body)} is ignored`);
      }
      const none = await t.client.call('deleteSignature', { body: '{"document":"doc_12","thread":"ticket_42"', headers: { 'content-type': 'text/plain' } });
      expectError(t, none, 400, KEY_NOT_SET);
    },
  },
  {
    api: 'signatures',
    name: 'input: malformed JSON labelled application/json adds no parameters (no 400): the query string alone is read',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-body-json'],
    async run(t) {
      const key = pair(t);
      // Prism answers a JSON body it cannot parse itself, so this one only runs against standin or the vendor.
      const ex = await t.client.call('saveSignature', { query: { ...key, cms: cms('malformed') }, body: '{"document": ', headers: { 'content-type': 'application/json' }, invalid: true });
      t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, version: 1 } } });
    },
  },
  {
    api: 'signatures',
    name: 'input: values are trimmed and a blank one is missing: a whitespace-only cms -> 400 "cms" parameter must be set, nothing stored; a padded key finds the signature',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-trim'],
    async run(t) {
      const key = pair(t);
      for (const blank of ['   ', '\t\n ']) expectError(t, await save(t, { ...key, cms: blank }), 400, notSet('cms'));
      expectError(t, await save(t, { ...key, document: '  ', cms: cms('x') }), 400, notSet('document'));
      await expectGone(t, key, 'after the refused POSTs nothing is stored for the pair');
      const ex = await save(t, { document: ` ${key.document}\t`, thread: `${key.thread} `, cms: ` ${cms('padded')} ` });
      t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, cms: cms('padded') } } }, 'a POST with padded values stores them trimmed');
      const padded = await get(t, `  ${key.document}`, `${key.thread}\n`);
      t.expect.answer(padded, 200, { status: true, content: { signature: { ...key } } }, 'GET with padded document and thread');
    },
  },
  {
    api: 'signatures',
    name: 'input: version is cast with (int): "1", "2.0" and 3.0 count as the number; "abc" -> 400 "Version must be set"',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-casts', 'rule-signatures-version'],
    async run(t) {
      const first = await created(t);
      const at = (version: string) => t.client.call('saveSignature', { body: `{"document":${JSON.stringify(first.document)},"thread":${JSON.stringify(first.thread)},"cms":"Q01T","version":${version}}`, headers: { 'content-type': 'application/json' } });
      expectError(t, await at('"abc"'), 400, VERSION_NOT_SET);
      for (const [sent, expected] of [['"1"', 2], ['"2.0"', 3], ['3.0', 4], ['"4 copies"', 5]] as const) {
        const ex = await at(sent);
        t.expect.answer(ex, 201, { status: true, content: { signature: { version: expected } } }, `version ${sent} on version ${expected - 1}`);
      }
      expectError(t, await at('"4"'), 400, VERSION_NOT_EQUAL);
      const query = await t.client.call('saveSignature', { query: { document: first.document, thread: first.thread, cms: cms('q'), version: '5.0' } });
      t.expect.answer(query, 201, { status: true, content: { signature: { version: 6 } } }, 'version=5.0 in the query string');
    },
  },
  {
    api: 'signatures',
    name: 'input: document, thread and cms are cast with (string): numbers are stored as their text (12 -> "12") and found by it',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-casts'],
    async run(t) {
      const n = 1e9 + Math.floor(Math.random() * 1e9);
      const ex = await t.client.call('saveSignature', { body: `{"document":${n},"thread":${n}.5,"cms":${n}}`, headers: { 'content-type': 'application/json' } });
      t.expect.answer(ex, 201, { status: true, content: { signature: { document: String(n), thread: `${n}.5`, cms: String(n), version: 1 } } });
      const back = await get(t, String(n), `${n}.5`);
      t.expect.answer(back, 200, { status: true, content: { signature: { document: String(n), thread: `${n}.5` } } }, 'GET by the text of the numbers');
      const del = await t.client.call('deleteSignature', { body: `{"document":${n},"thread":${n}.50}`, headers: { 'content-type': 'application/json' } });
      t.expect.answer(del, 200, { status: true }, 'DELETE by the numbers themselves');
    },
  },
  {
    api: 'signatures',
    name: 'input: version_created_by and version_comment accept integers (the docs type them [int]) and store them as strings',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-casts', 'rule-signatures-post-stores'],
    async run(t) {
      const key = pair(t);
      const ex = await save(t, { ...key, cms: cms('ints'), version_created_by: 5, version_comment: 42 });
      t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, version_created_by: '5', version_comment: '42' } } });
      t.expect.answer((await current(t, key)).ex, 200, { content: { signature: { version_created_by: '5', version_comment: '42' } } }, 'read back');
    },
  },
  {
    api: 'signatures',
    name: 'input: tags that are not an array save no tags (201); in the list a single tag value is a filter of one',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-post-stores', 'rule-signatures-paging'],
    async run(t) {
      const key = pair(t);
      const tag = t.unique('tg');
      const ex = await save(t, { ...key, cms: cms('scalar tags'), tags: tag });
      t.expect.answer(ex, 201, { status: true, content: { signature: { ...key, tags: [] } } });
      const tagged = await saved(t, { document: key.document, thread: t.unique('thr'), cms: cms('tagged'), tags: [tag] }, 'save a tagged signature of the document');
      const one = await t.client.call('listSignatures', { json: { document: key.document, tags: tag } });
      t.expect.answer(one, 200, { status: true }, 'GET /signatures with tags as one string in the body');
      t.expect.equal(one, threads(one.json.content.signatures), [tagged.thread], 'the list filtered by the single tag');
    },
  },
  {
    api: 'signatures',
    name: 'input: limit and offset are cast with (int): limit=abc and limit=-1 are no limit, offset=-1 no offset, limit=2abc is 2',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging', 'rule-signatures-casts'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}, {}]);
      const all = threads([...sigs].reverse());
      const cases: Array<[Record<string, string>, string[]]> = [
        [{ limit: 'abc' }, all],
        [{ limit: '-1' }, all],
        [{ offset: '-1' }, all],
        [{ offset: 'x', limit: '2abc' }, all.slice(0, 2)],
        [{ limit: '1.9', offset: '1e0' }, all.slice(1, 2)],
      ];
      for (const [paging, expected] of cases) {
        const { ex, items } = await list(t, { document, ...paging }, `GET /signatures ${JSON.stringify(paging)}`);
        t.expect.equal(ex, threads(items), expected, `the page ${JSON.stringify(paging)}`);
      }
    },
  },
  {
    api: 'signatures',
    name: 'envelope: a success body has no "message" key (the framework drops a null one); DELETE has no content',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-envelope'],
    async run(t) {
      const keys = (ex: Exchange) => Object.keys(ex.json ?? {}).sort();
      const sig = await created(t);
      const got = await get(t, sig.document, sig.thread);
      t.expect.equal(got, keys(got), ['content', 'status'], 'the keys of a GET /signature answer');
      const listed = await list(t, { document: sig.document });
      t.expect.equal(listed.ex, keys(listed.ex), ['content', 'status'], 'the keys of a GET /signatures answer');
      const again = await save(t, { document: sig.document, thread: sig.thread, cms: cms('v2'), version: 1 });
      t.expect.equal(again, keys(again), ['content', 'status'], 'the keys of a POST /signature answer');
      const del = await t.client.call('deleteSignature', { query: { document: sig.document, thread: sig.thread } });
      t.expect.equal(del, keys(del), ['status'], 'the keys of a DELETE /signature answer');
    },
  },

  // ------------------------------------------------------------------ refusals, locale, ignored filters
  {
    api: 'signatures',
    name: 'input: an array or object where a string belongs, or a query parameter given twice -> 400 "<name>" parameter is invalid: must be string, nothing stored',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-not-string'],
    async run(t) {
      const key = pair(t);
      const invalid = (name: string) => `"${name}" parameter is invalid: must be string`;
      // Arrays where the spec's schemas take a string: Prism refuses them itself, so these only run against standin or the vendor.
      expectError(t, await t.client.call('saveSignature', { json: { ...key, document: [key.document], cms: cms('array') }, invalid: true }), 400, invalid('document'));
      expectError(t, await t.client.call('saveSignature', { json: { ...key, cms: cms('object'), version_comment: { a: 1 } }, invalid: true }), 400, invalid('version_comment'));
      expectError(t, await t.client.call('saveSignature', { query: { document: [key.document, key.document], thread: key.thread, cms: cms('twice') }, invalid: true }), 400, invalid('document'));
      await expectGone(t, key, 'after the refused POSTs nothing is stored for the pair');
      expectError(t, await t.client.call('getSignature', { json: { document: key.document, thread: [key.thread] }, invalid: true }), 400, invalid('thread'));
      expectError(t, await t.client.call('listSignatures', { query: { document: [key.document, t.unique('doc')] }, invalid: true }), 400, invalid('document'));
    },
  },
  {
    api: 'signatures',
    name: 'save: a null or blank tag -> 400 "tags" parameter is invalid: tags.<i> must be a non-empty string, nothing stored',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-post-stores'],
    async run(t) {
      const first = await created(t, { tags: ['keep_me'] });
      const cases: Array<[unknown[], number]> = [[[null], 0], [['ok', '  '], 1], [['ok', 'fine', ''], 2]];
      for (const [tags, at] of cases) {
        const ex = await save(t, { document: first.document, thread: first.thread, version: 1, cms: cms('bad tags'), tags });
        expectError(t, ex, 400, `"tags" parameter is invalid: tags.${at} must be a non-empty string`);
        await expectUnchanged(t, first, ex);
      }
    },
  },
  {
    api: 'signatures',
    name: 'list: a null tag entry matches nothing; next to a real tag, the real one still matches',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-paging', 'rule-signatures-list'],
    async run(t) {
      const tag = t.unique('tg');
      const { document, sigs } = await documentWith(t, [{ tags: [tag] }, {}]);
      const none = await t.client.call('listSignatures', { json: { document, tags: [null] } });
      t.expect.answer(none, 200, { status: true, content: { signatures: [] } }, 'tags [null] in the body');
      const some = await t.client.call('listSignatures', { json: { document, tags: [null, tag] } });
      t.expect.answer(some, 200, { status: true }, 'tags [null, tag] in the body');
      t.expect.equal(some, threads(some.json.content.signatures), [sigs[0].thread], 'the list for tags [null, tag]');
    },
  },
  {
    api: 'signatures',
    name: 'list: stage is accepted and ignored',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-list'],
    async run(t) {
      const { document, sigs } = await documentWith(t, [{}, {}]);
      const { ex, items } = await list(t, { document, stage: t.unique('stage') });
      t.expect.equal(ex, threads(items), threads([sigs[1], sigs[0]]), 'the list with an unknown stage');
    },
  },
  {
    api: 'signatures',
    name: 'locale: with api-locale en the messages are English; the hard-coded ones are English under ru and kz too',
    needs: ['writes'],
    basis: 'vendor',
    readme: ['rule-signatures-locale'],
    async run(t) {
      const en = { 'api-locale': 'en' };
      expectError(t, await t.client.call('getSignature', { query: { document: t.unique('nodoc'), thread: t.unique('nothr') }, headers: en }), 404, NOT_FOUND);
      expectError(t, await t.client.call('saveSignature', { json: { document: t.unique('doc') }, headers: en }), 400, notSet('thread'));
      const first = await created(t);
      for (const locale of ['ru', 'kz', 'en']) {
        const headers = { 'api-locale': locale };
        expectError(t, await t.client.call('getSignature', { headers }), 400, KEY_NOT_SET);
        expectError(t, await save(t, { document: first.document, thread: first.thread, cms: cms(locale) }, { headers }), 400, VERSION_NOT_SET);
        expectError(t, await save(t, { document: first.document, thread: first.thread, cms: cms(locale), version: 9 }, { headers }), 400, VERSION_NOT_EQUAL);
      }
    },
  },
  {
    api: 'signatures',
    name: 'locale: the mock answers in English whatever api-locale says (ru, kz): "Signature was not found", "cms" parameter must be set',
    basis: 'choice',
    readme: ['rule-signatures-locale'],
    async run(t) {
      for (const locale of ['ru', 'kz', 'de']) {
        const headers = { 'api-locale': locale };
        expectError(t, await t.client.call('getSignature', { query: { document: t.unique('nodoc'), thread: t.unique('nothr') }, headers }), 404, NOT_FOUND);
        expectError(t, await t.client.call('saveSignature', { json: { document: t.unique('doc'), thread: t.unique('thr') }, headers }), 400, notSet('cms'));
      }
    },
  },
];
