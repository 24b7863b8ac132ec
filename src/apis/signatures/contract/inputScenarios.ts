import type { Exchange } from '../../../contract/client';
import type { Scenario } from '../../../contract/scenario';
import type { SignaturesCredentials } from './credentials';
import {
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
  list,
  threads,
  documentWith,
} from './scenarioSupport';

// ncanode input as the PHP service reads it, then refusals, locale and ignored filters.

export const inputScenarios: Scenario<SignaturesCredentials, never>[] = [
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
      const ex = await t.client.call('saveSignature', {
        query: { ...key, cms: cms('malformed') },
        body: '{"document": ',
        headers: { 'content-type': 'application/json' },
        invalid: true,
      });
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
      const at = (version: string) =>
        t.client.call('saveSignature', {
          body: `{"document":${JSON.stringify(first.document)},"thread":${JSON.stringify(first.thread)},"cms":"Q01T","version":${version}}`,
          headers: { 'content-type': 'application/json' },
        });
      expectError(t, await at('"abc"'), 400, VERSION_NOT_SET);
      for (const [sent, expected] of [
        ['"1"', 2],
        ['"2.0"', 3],
        ['3.0', 4],
        ['"4 copies"', 5],
      ] as const) {
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
      const ex = await t.client.call('saveSignature', {
        body: `{"document":${n},"thread":${n}.5,"cms":${n}}`,
        headers: { 'content-type': 'application/json' },
      });
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
      const tagged = await saved(
        t,
        { document: key.document, thread: t.unique('thr'), cms: cms('tagged'), tags: [tag] },
        'save a tagged signature of the document',
      );
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
      expectError(
        t,
        await t.client.call('saveSignature', { json: { ...key, document: [key.document], cms: cms('array') }, invalid: true }),
        400,
        invalid('document'),
      );
      expectError(
        t,
        await t.client.call('saveSignature', { json: { ...key, cms: cms('object'), version_comment: { a: 1 } }, invalid: true }),
        400,
        invalid('version_comment'),
      );
      expectError(
        t,
        await t.client.call('saveSignature', { query: { document: [key.document, key.document], thread: key.thread, cms: cms('twice') }, invalid: true }),
        400,
        invalid('document'),
      );
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
      const cases: Array<[unknown[], number]> = [
        [[null], 0],
        [['ok', '  '], 1],
        [['ok', 'fine', ''], 2],
      ];
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
