import type { CallInit, Exchange } from '../../../contract/client';
import type { ScenarioContext } from '../../../contract/scenario';
import type { SignaturesCredentials } from './credentials';

// What the ncanode scenarios share: the service's messages word for word, and helpers that save,
// read back and list signatures of a scenario's own documents.

type T = ScenarioContext<SignaturesCredentials>;

export interface Signature {
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

export const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const KEY_NOT_SET = '"Thread" and "document" parameters must be set';
export const NOT_FOUND = 'Signature was not found';
export const VERSION_NOT_SET = 'Version must be set';
export const VERSION_NOT_EQUAL = 'Version provided is not equal to actual signature version';
export const notSet = (name: string) => `"${name}" parameter must be set`;

/** A distinct, base64-looking CMS per label. */
export const cms = (label: string) => Buffer.from(`cms of ${label}`).toString('base64');

/** Every ncanode error is {status:false, message}. */
export function expectError(t: T, ex: Exchange, status: number, message: string | RegExp) {
  t.expect.answer(ex, status, { status: false, message });
}

/** A fresh (document, thread) pair nobody else uses. */
export function pair(t: T) {
  return { document: t.unique('doc'), thread: t.unique('thr') };
}

export async function save(t: T, body: Record<string, unknown>, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('saveSignature', { json: body, ...init });
}

/** POSTs `body` and expects 201; returns the saved signature. */
export async function saved(t: T, body: Record<string, unknown>, what = 'setup: save a signature'): Promise<Signature> {
  const ex = await save(t, body);
  t.expect.answer(ex, 201, { status: true, content: { signature: { document: body.document, thread: body.thread } } }, what);
  return ex.json.content.signature as Signature;
}

/** Creates version 1 of a fresh pair. */
export async function created(t: T, extra: Record<string, unknown> = {}): Promise<Signature> {
  const key = pair(t);
  return saved(t, { ...key, cms: cms(key.document), ...extra });
}

export async function get(t: T, document: string | undefined, thread: string | undefined): Promise<Exchange> {
  return t.client.call('getSignature', { query: { document, thread } });
}

/** The current version as GET /signature returns it. */
export async function current(
  t: T,
  s: { document: string; thread: string },
  what = 'read back with GET /signature',
): Promise<{ ex: Exchange; sig: Signature }> {
  const ex = await get(t, s.document, s.thread);
  t.expect.answer(ex, 200, { status: true, content: { signature: { document: s.document, thread: s.thread } } }, what);
  return { ex, sig: ex.json.content.signature as Signature };
}

export async function expectGone(t: T, s: { document: string; thread: string }, what: string) {
  const ex = await get(t, s.document, s.thread);
  t.expect.answer(ex, 404, { status: false, message: NOT_FOUND }, what);
}

/** A refused POST changed nothing: GET still shows `before` exactly. */
export async function expectUnchanged(t: T, before: Signature, refused: Exchange) {
  const { ex, sig } = await current(t, before, `read back after the refused POST (${refused.status})`);
  t.expect.equal(ex, sig, before, `after the refused POST (${refused.status}: ${refused.json?.message}) the stored signature`);
}

/** The CMS travels under both names with the same value. */
export function expectCms(t: T, ex: Exchange, sig: Signature, value: string) {
  t.expect.equal(ex, { cms: sig.cms, signature: sig.signature }, { cms: value, signature: value }, 'the CMS under cms and signature');
}

export async function list(t: T, query: CallInit['query'], what = 'GET /signatures'): Promise<{ ex: Exchange; items: Signature[] }> {
  const ex = await t.client.call('listSignatures', { query });
  t.expect.answer(ex, 200, { status: true }, what);
  t.expect.that(ex, Array.isArray(ex.json?.content?.signatures), 'content.signatures is an array');
  return { ex, items: ex.json.content.signatures as Signature[] };
}

export const threads = (items: Signature[]) => items.map((s) => s.thread);

/** Several signatures of one fresh document, created in this order (so the list shows them reversed). */
export async function documentWith(t: T, specs: Array<{ tags?: string[] }>): Promise<{ document: string; sigs: Signature[] }> {
  const document = t.unique('doc');
  const sigs: Signature[] = [];
  for (const [i, s] of specs.entries()) {
    const thread = t.unique(`t${i}`);
    sigs.push(await saved(t, { document, thread, cms: cms(thread), ...(s.tags ? { tags: s.tags } : {}) }));
  }
  return { document, sigs };
}
