import type { Scenario } from '../../../contract/scenario';
import type { SignaturesCredentials } from './credentials';
import {
  type Signature,
  TIMESTAMP,
  KEY_NOT_SET,
  NOT_FOUND,
  VERSION_NOT_SET,
  VERSION_NOT_EQUAL,
  notSet,
  cms,
  expectError,
  pair,
  save,
  saved,
  created,
  get,
  current,
  expectGone,
  expectUnchanged,
  expectCms,
} from './scenarioSupport';

// ncanode save, get and delete: versions, and the messages of each refusal.

export const saveScenarios: Scenario<SignaturesCredentials, never>[] = [
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
        content: {
          signature: {
            ...key,
            version: 1,
            version_created_by: 'alice',
            version_comment: 'first',
            tags: ['tag_a', 'tag_b'],
            created_at: TIMESTAMP,
            updated_at: TIMESTAMP,
            version_created_at: TIMESTAMP,
          },
        },
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
        const ex = await save(t, {
          document: first.document,
          thread: first.thread,
          cms: cms('other'),
          tags: ['new'],
          ...(version === undefined ? {} : { version }),
        });
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
      const next = {
        document: first.document,
        thread: first.thread,
        version: 1,
        cms: cms('second'),
        version_created_by: 'bob',
        version_comment: 'second',
        tags: ['tag_c'],
      };
      const ex = await save(t, next);
      t.expect.answer(ex, 201, {
        status: true,
        content: {
          signature: {
            id: first.id,
            document: first.document,
            thread: first.thread,
            version: 2,
            version_created_by: 'bob',
            version_comment: 'second',
            tags: ['tag_c'],
            created_at: first.created_at,
            version_created_at: TIMESTAMP,
            updated_at: TIMESTAMP,
          },
        },
      });
      const sig = ex.json.content.signature as Signature;
      expectCms(t, ex, sig, next.cms);
      t.expect.that(
        ex,
        sig.updated_at >= first.updated_at && String(sig.version_created_at) >= String(first.version_created_at),
        'version_created_at and updated_at move forward',
        `>= ${first.updated_at}`,
      );
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
      t.expect.answer(
        (await current(t, first)).ex,
        200,
        { content: { signature: { version: 2, tags: [], version_comment: null, version_created_by: null } } },
        'read back',
      );
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
      t.expect.equal(
        back.ex,
        { version: back.sig.version, cms: back.sig.cms },
        { version: 2, cms: winners[0].json.content.signature.cms },
        'the stored signature is the winner',
      );
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
      t.expect.answer(ex, 200, {
        content: {
          signature: {
            id: 1,
            version: 3,
            version_created_by: 'some_user',
            version_comment: 'some comment',
            tags: ['customer_1', 'process_1'],
            created_at: '2021-02-18 15:00:00',
          },
        },
      });
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
];
