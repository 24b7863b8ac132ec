import { createHash, randomBytes } from 'node:crypto';
import { type CallInit, type Exchange, SkipStep } from '../../../contract/client';
import type { ScenarioContext } from '../../../contract/scenario';
import type { AltrCredentials } from './credentials';

// What the ALTR scenarios share: operation names, the demo record, and helpers that store, read
// back and check errors.

type T = ScenarioContext<AltrCredentials>;

export const GETS = ['getData', 'getMetadata', 'getTokenStatus'] as const;
export const ALL_OPERATIONS = ['putData', ...GETS] as const;
export const MINUTE = 60_000;
/** standin's seeded example record (README): only scenarios that need 'standin' use it. */
export const DEMO_TOKEN = '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70';
export const CAP_EXCEEDED = 'Organization data cap exceeded';

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
/** A token no implementation has issued, in the shape standin issues (32 lowercase hex). */
export const unknownToken = () => randomBytes(16).toString('hex');

/** Every byte value, then random bytes: what a text-only code path would mangle. */
export function binaryData(size: number): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_v, i) => i));
  return Buffer.concat([all, randomBytes(Math.max(0, size - 256))]).subarray(0, size);
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The three X-ALTR-DATE formats the vendor's own examples use (RFC 1123 and JS Date.toString() are one rule). */
export const DATE_FORMATS: Array<[string, (ms: number) => string]> = [
  ['ISO 8601', (ms) => new Date(ms).toISOString()],
  ['RFC 1123', (ms) => new Date(ms).toUTCString()],
  ['JS Date.toString()', (ms) => new Date(ms).toString()],
  [
    'MM-DD-YYYY HH:mm:ss UTC',
    (ms) => {
      const d = new Date(ms);
      return `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    },
  ],
];

/** The error detail, wrapped (`{success:false, response:{…}}`) or bare, as the spec's Error schema allows. */
export function errorDetail(ex: Exchange): { error_type?: unknown; error_message?: unknown } {
  const json = ex.json;
  if (json && typeof json === 'object' && json.response && typeof json.response === 'object') return json.response;
  return json ?? {};
}

export function expectError(t: T, ex: Exchange, status: number, errorType: string, message?: string, rule?: string) {
  t.expect.answer(ex, status, undefined, rule);
  const detail = errorDetail(ex);
  t.expect.equal(ex, detail.error_type, errorType, `${rule ? `${rule}: ` : ''}error_type`);
  if (ex.json?.success !== undefined) t.expect.equal(ex, ex.json.success, false, 'success of an error');
  t.expect.that(ex, typeof detail.error_message === 'string' && detail.error_message.length > 0, 'an error has an error_message');
  if (message !== undefined) t.expect.equal(ex, detail.error_message, message, 'error_message');
}

export function put(t: T, data: Buffer, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('putData', { body: data, ...init, headers: { 'content-type': 'application/octet-stream', ...init.headers } });
}

/** PutData that must succeed; returns the reference token. */
export async function store(t: T, data: Buffer, metadata?: string): Promise<string> {
  const ex = await put(t, data, { headers: metadata === undefined ? {} : { 'x-altr-metadata': metadata } });
  t.expect.answer(ex, 200, { success: true, response: { data: { referenceToken: /\S/ } } }, 'PutData');
  return ex.json.response.data.referenceToken as string;
}

/** GetData that must return exactly `data`, with its hex MD5 in X-Expected-Hash. */
export async function expectStored(t: T, token: string, data: Buffer, init: CallInit = {}): Promise<Exchange> {
  const ex = await t.client.call('getData', { ...init, params: { referenceToken: token } });
  t.expect.answer(ex, 200, undefined, 'GetData');
  t.expect.that(
    ex,
    ex.body.equals(data),
    `GetData returned ${ex.body.length} bytes that differ from the ${data.length} bytes written`,
    `the ${data.length} bytes PutData stored, byte for byte`,
  );
  t.expect.equal(ex, ex.headers['x-expected-hash'], md5(data), 'X-Expected-Hash (hex MD5 of the stored bytes)');
  return ex;
}

export function readOnly(t: T): { key: string; secret: string } {
  const { readOnlyKey, readOnlySecret } = t.creds;
  if (!readOnlyKey || !readOnlySecret) throw new SkipStep('needs a read-only key (readOnlyKey, readOnlySecret)');
  return { key: readOnlyKey, secret: readOnlySecret };
}

/**
 * Fills the organization (this scenario's fresh namespace on standin) with a few large writes until
 * `left` bytes remain below the data cap, and returns `left`. Uses standin's demo cap and seed record.
 */
export async function fillToNearCap(t: T): Promise<number> {
  const cap = t.creds.dataCapBytes;
  if (!cap) throw new SkipStep('needs the data cap in bytes (dataCapBytes)');
  const seeded = await t.client.call('getData', { params: { referenceToken: DEMO_TOKEN } });
  t.expect.answer(seeded, 200, undefined, "standin's seeded record");
  const room = cap - seeded.body.length;
  const chunk = Math.floor((room - 1000) / 3);
  for (let i = 0; i < 3; i++) await store(t, Buffer.alloc(chunk, 0x41 + i));
  return room - 3 * chunk;
}

/** One call of `operationId` with a token that needs no record to exist (auth comes first). */
export function callOp(t: T, operationId: (typeof ALL_OPERATIONS)[number], init: CallInit = {}): Promise<Exchange> {
  if (operationId === 'putData') return put(t, Buffer.from('auth probe'), init);
  return t.client.call(operationId, { ...init, params: { referenceToken: unknownToken() } });
}
