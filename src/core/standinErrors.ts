import type { EngineResponse } from './types';

// standin's own errors, apart from every vendor's: the envelope {"standin":{"error","message",...}}
// on /__admin, under no prefix and for a mock that broke its spec, and the x-standin-error header
// that marks a refusal standin made in a vendor's envelope. A code means one thing and one status.

export const STANDIN_ERROR_HEADER = 'x-standin-error';

export const STANDIN_ERRORS = {
  UnknownApi: { status: 404, when: 'no API is served at the path (main port), or an admin call names an API not served' },
  NotFound: { status: 404, when: 'no admin route has this method and path' },
  InvalidNamespace: { status: 400, when: "the namespace does not match ^[A-Za-z0-9_.:-]{1,100}$ (under a prefix: in the vendor's envelope)" },
  NamespaceRequired: { status: 400, when: 'POST /__admin/reset names no namespace and does not say {"all": true}' },
  Unauthorized: { status: 401, when: '/__admin without the --admin-token bearer token' },
  MalformedBody: { status: 400, when: 'an admin body that is not a JSON object' },
  InvalidSeed: { status: 400, when: 'POST /__admin/seed with a bad namespace or count' },
  BulkSeedUnsupported: { status: 400, when: 'POST /__admin/seed for an API that has no bulk seeding' },
  SeedFailed: { status: 500, when: 'the bulk seed itself failed' },
  InvalidFault: { status: 400, when: 'POST /__admin/faults with a bad times, delayMs or operationId' },
  InvalidClock: { status: 400, when: 'PUT /__admin/clock with an unreadable date, or past the namespace pin cap' },
  MalformedRequest: { status: 400, when: "bytes node's HTTP parser refuses (in the owner's envelope)" },
  HeadersTooLarge: { status: 431, when: "request headers over node's 16 KiB (in the owner's envelope)" },
  RequestTimeout: { status: 408, when: "the request took longer than node's timeouts (in the owner's envelope)" },
  ExpectationFailed: { status: 417, when: "an Expect header other than 100-continue (in the owner's envelope)" },
  ResponseValidationFailed: { status: 500, when: "strict mode: the mock's own answer breaks its spec, a bug in standin" },
  InternalError: { status: 500, when: 'anything that escaped every other handling' },
  InvalidFilter: { status: 400, when: 'GET /__admin/journal (or /stream) with a filter value it cannot read (status, since, limit)' },
  TooManyStreams: { status: 503, when: 'GET /__admin/journal/stream while 32 streams are open already' },
  UpstreamUnreachable: { status: 502, when: "standin proxy: the upstream refused, timed out or failed TLS (in the vendor's envelope)" },
  StateUnavailable: { status: 503, when: 'the state log (--data-dir disk, --state Redis) cannot be reached; it may or may not have taken the change: retry' },
} as const satisfies Record<string, { status: number; when: string }>;

export type StandinErrorCode = keyof typeof STANDIN_ERRORS;

/** The status a code is sent with. */
export function statusOf(code: StandinErrorCode): number {
  return STANDIN_ERRORS[code].status;
}

/** standin's own envelope; `details` adds fields beside `error` and `message`. The journal's reason is the code. */
export function standinError(code: StandinErrorCode, message: string, details?: Record<string, unknown>): EngineResponse {
  return { status: STANDIN_ERRORS[code].status, body: { standin: { error: code, message, ...details } }, reason: { rule: `standin.${code}`, message } };
}

/** The same response, marked as standin's refusal rather than the vendor's own answer. */
export function markedStandinError(response: EngineResponse, value: string): EngineResponse {
  return { ...response, headers: { ...response.headers, [STANDIN_ERROR_HEADER]: value } };
}
