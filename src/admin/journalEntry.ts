import { STANDIN_ERROR_HEADER, STANDIN_ERRORS } from '../core/standinErrors';
import { schemaReason } from '../core/stages/refuse';
import type { Problem, Reason } from '../core/types';
import type { ResponseProblem } from '../core/validators';
import { type HeldBody, type KeptBody, showBody } from './keptBody';
import type { SecretMask } from './maskSecrets';

// One journal entry: the exchange as it went (masked), and why a refusal was made. A mock request is
// held as the raw values the request path already has (MockExchange) and shaped into an entry only
// when the journal is read.

export type { KeptBody } from './keptBody';

export interface Violation {
  in: 'request' | 'response';
  pointer: string;
  message: string;
}

export interface JournalEntry {
  id: number;
  time: string;
  namespace: string;
  api?: string;
  operationId?: string;
  /** With `--shadow`, the mock's side of a proxied exchange is a drift entry (/__admin/drift), not a journal entry. */
  source: 'mock' | 'proxy';
  method: string;
  path: string;
  status: number;
  durationMs: number;
  request: { url: string; headers: Record<string, string>; body?: KeptBody };
  response: { headers: Record<string, string>; body?: KeptBody };
  /** Set on every non-2xx. */
  reason?: Reason;
  requestProblems?: Problem[];
  responseProblems?: ResponseProblem[];
  violations?: Violation[];
}

/** A mock request as the request path hands it over: references, nothing formatted yet. */
export interface MockExchange {
  source: 'mock';
  /** Clock reading (ms) of the namespace it was answered in. */
  at: number;
  namespace: string;
  api?: string;
  operationId?: string;
  method: string;
  /** As requested, prefix included, no query string. */
  path: string;
  rawQuery: string;
  status: number;
  durationMs: number;
  requestHeaders: Record<string, string | undefined>;
  requestBody?: HeldBody;
  responseHeaders: Record<string, string | number>;
  responseBody?: HeldBody;
  reason?: Reason;
  requestProblems?: Problem[];
  responseProblems?: ResponseProblem[];
}

const CATALOGUE: ReadonlySet<string> = new Set(Object.keys(STANDIN_ERRORS));

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Why a non-2xx was answered: the reason set where it was made, else what the problems say, else 'unexplained'. */
export function reasonOf(x: Pick<MockExchange, 'status' | 'reason' | 'requestProblems' | 'responseProblems' | 'responseHeaders'>): Reason | undefined {
  if (isSuccess(x.status)) return undefined;
  const marked = x.responseHeaders[STANDIN_ERROR_HEADER];
  if (x.responseProblems?.length && (marked === 'response-validation' || x.status >= 500)) {
    const problems = x.responseProblems.map((p) => `${p.pointer}: ${p.message}`).join('; ');
    return { rule: 'standin.ResponseValidationFailed', message: `the mock's answer breaks its spec (a bug in standin): ${problems}` };
  }
  // standin's own refusal in the vendor's envelope (a bad namespace): the catalogue code is the rule.
  if (typeof marked === 'string' && CATALOGUE.has(marked) && !x.reason?.rule.startsWith('standin.')) {
    return { rule: `standin.${marked}`, message: x.reason?.message ?? marked };
  }
  if (x.reason) return x.reason;
  if (x.requestProblems?.length) return { rule: 'rule-generic-400', message: schemaReason(x.requestProblems) };
  return { rule: 'unexplained', message: `a ${x.status} with no reason recorded where it was made` };
}

/** The entry a mock exchange reads as, secrets masked. */
export function mockEntry(id: number, x: MockExchange, mask: SecretMask): JournalEntry {
  const bytes = (b: Buffer) => mask.bytes(b);
  const url = x.rawQuery ? `${x.path}?${x.rawQuery}` : x.path;
  const reason = reasonOf(x);
  return {
    id,
    time: new Date(x.at).toISOString(),
    namespace: x.namespace,
    api: x.api,
    operationId: x.operationId,
    source: 'mock',
    method: x.method,
    path: mask.text(x.path),
    status: x.status,
    durationMs: x.durationMs,
    request: { url: mask.text(url), headers: mask.headers(x.requestHeaders), body: x.requestBody && showBody(x.requestBody, bytes) },
    response: { headers: mask.headers(x.responseHeaders), body: x.responseBody && showBody(x.responseBody, bytes) },
    ...(reason && { reason }),
    requestProblems: x.requestProblems,
    responseProblems: x.responseProblems,
  };
}

/** Bytes an exchange costs the journal's budget: header names and values, bodies as held, and a fixed share for the rest. */
export function exchangeBytes(headers: readonly Record<string, string | number | string[] | undefined>[], bodies: number): number {
  let total = ENTRY_OVERHEAD + bodies;
  for (const h of headers) {
    for (const name in h) {
      const value = h[name];
      total += name.length + (typeof value === 'string' ? value.length : 16);
    }
  }
  return total;
}

/** The fields, numbers and object headers every entry has, whatever its exchange. */
const ENTRY_OVERHEAD = 256;
