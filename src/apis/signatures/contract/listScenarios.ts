import type { Scenario } from '../../../contract/scenario';
import type { SignaturesCredentials } from './credentials';
import {
  KEY_NOT_SET,
  NOT_FOUND,
  VERSION_NOT_SET,
  VERSION_NOT_EQUAL,
  cms,
  expectError,
  pair,
  saved,
  created,
  current,
  expectGone,
  expectCms,
  list,
  threads,
  documentWith,
} from './scenarioSupport';

// ncanode parameters (query and body) and the list: filters, order and pages.

export const listScenarios: Scenario<SignaturesCredentials, never>[] = [
  // ------------------------------------------------------------------ parameters: query and body
  {
    api: 'signatures',
    name: 'parameters: POST reads document, thread, cms, version, author, comment and tags from the query string',
    needs: ['writes'],
    basis: 'choice',
    readme: ['rule-signatures-params', 'rule-signatures-tags-query'],
    async run(t) {
      const key = pair(t);
      const first = await t.client.call('saveSignature', {
        query: { ...key, cms: cms('q1'), version_created_by: 'carol', version_comment: 'by query', tags: ['q_a', 'q_b'] },
      });
      t.expect.answer(first, 201, {
        content: { signature: { ...key, version: 1, version_created_by: 'carol', version_comment: 'by query', tags: ['q_a', 'q_b'] } },
      });
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
      const ex = await t.client.call('saveSignature', {
        query: { document: decoy, thread: key.thread, cms: cms('query') },
        json: { document: key.document, cms: cms('body') },
      });
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
        if (prev)
          t.expect.that(
            whole.ex,
            prev.created_at > s.created_at || (prev.created_at === s.created_at && prev.id > s.id),
            `item ${i} (id ${s.id}, ${s.created_at}) comes after item ${i - 1} (id ${prev.id}, ${prev.created_at})`,
            'created_at desc, then id desc',
          );
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
      t.expect.equal(
        ex,
        items.map((s) => [s.document, s.thread]),
        [...sigs].reverse().map((s) => [document, s.thread]),
        'the signatures of the document',
      );
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
      t.expect.equal(
        alone.ex,
        alone.items.map((s) => [s.document, s.thread]),
        [[document, sigs[2].thread]],
        'chain alone',
      );
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
      const other = await saved(
        t,
        { document: t.unique('doc'), thread: sigs[0].thread, cms: cms('elsewhere'), tags: [tag] },
        'same thread and tag, other document',
      );
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
];
