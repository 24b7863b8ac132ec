import type { SpecOperation } from '../../src/core/spec';
import type { ApiName } from '../../src/core/types';
import { findResponse, isJsonMedia, mediaTypeOf, type ResponseProblem } from '../../src/core/validators';
import { type CheckFailure, NO_OPERATION, type Received } from './checks';

// Every error answer (status >= 400) of every API must carry each field of that vendor's documented
// error envelope, in its documented format: more than the spec's Error schema requires, because
// clients read those fields (the Ignisign SDK reads `code`, Losant's client copies `type`).

export interface EnvelopeContext {
  status: number;
  /** The operation the request was meant for; undefined for a path no operation matches. */
  operationId?: string;
}

interface Envelope {
  /** What the vendor documents, as a failure shows it. */
  documented: string;
  problems(body: unknown, ctx: EnvelopeContext): ResponseProblem[];
}

/** A field's check: a message saying what is wrong, or undefined when the value is fine. */
type FieldCheck = (value: unknown, ctx: EnvelopeContext) => string | undefined;

function kind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: FieldCheck = (v) => (typeof v === 'string' ? undefined : `must be a string, is ${kind(v)}`);
const nonEmptyString: FieldCheck = (v) => (typeof v === 'string' && v.length > 0 ? undefined : `must be a non-empty string, is ${v === '' ? 'empty' : kind(v)}`);
const isFalse: FieldCheck = (v) => (v === false ? undefined : `must be false, is ${v === true ? 'true' : kind(v)}`);
const object: FieldCheck = (v) => (isObject(v) ? undefined : `must be an object, is ${kind(v)}`);
const optional = (check: FieldCheck): FieldCheck => (v, ctx) => (v === undefined ? undefined : check(v, ctx));

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
const upperSnake: FieldCheck = (v, ctx) => nonEmptyString(v, ctx) ?? (UPPER_SNAKE.test(v as string) ? undefined : `must be an IGNISIGN_ERROR_CODES name (UPPER_SNAKE_CASE), is ${JSON.stringify(v)}`);

const equalsHttpStatus: FieldCheck = (v, ctx) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `must be an integer, is ${kind(v)}`;
  return v === ctx.status ? undefined : `must equal the HTTP status ${ctx.status}, is ${v}`;
};

// ISO 8601 in UTC, as the Ignisign docs' examples show, and the docs' prose form 'YYYY-MM-DD HH:mm:ss ZZ'
// with the UTC offset; both are fixed-width, so the patterns cannot backtrack.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|\+00:00)$/;
const DOCS_UTC = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) \+00:?00$/;

function realDateTime(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

const utcTimestamp: FieldCheck = (v) => {
  if (typeof v !== 'string') return `must be a UTC timestamp string, is ${kind(v)}`;
  const m = ISO_UTC.exec(v) ?? DOCS_UTC.exec(v);
  if (!m) return `must be ISO 8601 in UTC (e.g. 2024-07-29T15:51:28.071Z) or 'YYYY-MM-DD HH:mm:ss +00:00', is ${JSON.stringify(v)}`;
  return realDateTime(m) ? undefined : `is not a real date and time: ${JSON.stringify(v)}`;
};

/** Checks the named fields of an object at `pointer`; a body that is no object is one problem. */
function fields(value: unknown, pointer: string, checks: Record<string, FieldCheck>, ctx: EnvelopeContext): ResponseProblem[] {
  if (!isObject(value)) return [{ pointer: pointer || '/', message: `must be a JSON object, is ${kind(value)}` }];
  const out: ResponseProblem[] = [];
  for (const [name, check] of Object.entries(checks)) {
    const message = check(value[name], ctx);
    if (message) out.push({ pointer: `${pointer}/${name}`, message });
  }
  return out;
}

const ALTR_DETAIL = { error_type: nonEmptyString, error_message: string };
// The GetMetadata reference page shows the error unwrapped; every other page shows it wrapped.
const ALTR_UNWRAPPED_OPERATIONS = new Set(['getMetadata']);

const DROPLIT_ITEM = { in: optional(string), path: string, message: nonEmptyString };

export const ENVELOPES: { [A in ApiName]: Envelope } = {
  ignisign: {
    documented: '{message: string, timestamp: UTC (ISO 8601, or the docs\' YYYY-MM-DD HH:mm:ss ZZ), status: integer = HTTP status, code: IGNISIGN_ERROR_CODES name, context: object}',
    problems: (body, ctx) => fields(body, '/body', { message: string, timestamp: utcTimestamp, status: equalsHttpStatus, code: upperSnake, context: object }, ctx),
  },
  altr: {
    documented: '{success: false, response: {error_type: string, error_message: string}} (GetMetadata also {error_type, error_message})',
    problems(body, ctx) {
      if (ALTR_UNWRAPPED_OPERATIONS.has(ctx.operationId ?? '') && isObject(body) && !('success' in body) && !('response' in body)) {
        return fields(body, '/body', ALTR_DETAIL, ctx);
      }
      const outer = fields(body, '/body', { success: isFalse, response: object }, ctx);
      return isObject(body) && isObject(body.response) ? [...outer, ...fields(body.response, '/body/response', ALTR_DETAIL, ctx)] : outer;
    },
  },
  signatures: {
    documented: '{status: false, message: string}',
    problems: (body, ctx) => fields(body, '/body', { status: isFalse, message: string }, ctx),
  },
  losant: {
    documented: '{type: string, message: string}',
    problems: (body, ctx) => fields(body, '/body', { type: nonEmptyString, message: string }, ctx),
  },
  droplit: {
    documented: '{errorType: string, errors: [{in?: string, path: string, message: string}, ...] (at least one)}',
    problems(body, ctx) {
      const out = fields(body, '/body', { errorType: nonEmptyString, errors: (v) => (Array.isArray(v) ? (v.length ? undefined : 'must list at least one error') : `must be an array, is ${kind(v)}`) }, ctx);
      if (isObject(body) && Array.isArray(body.errors)) body.errors.forEach((item, i) => out.push(...fields(item, `/body/errors/${i}`, DROPLIT_ITEM, ctx)));
      return out;
    },
  },
};

/** standin's own answers (an unknown API prefix, /__admin) use its envelope, not a vendor's. */
function isStandinEnvelope(body: unknown): boolean {
  return isObject(body) && Object.keys(body).length === 1 && isObject(body.standin) && typeof body.standin.error === 'string' && typeof body.standin.message === 'string';
}

/** A non-JSON error body is fine only where the spec documents that media type for the status. */
function documentsMedia(op: SpecOperation | undefined, status: number, mediaType: string): boolean {
  const response = op && findResponse(op, status);
  return Boolean(response && mediaType && mediaType in response.content);
}

export interface EnvelopeInput {
  api: ApiName;
  response: Received;
  op?: SpecOperation;
  curl: string;
}

export function envelopeProblems(api: ApiName, response: Received, op?: SpecOperation): ResponseProblem[] {
  const { status, headers, body } = response;
  if (status < 400) return [];
  const mediaType = mediaTypeOf(headers['content-type']);
  if (!isJsonMedia(mediaType)) {
    if (documentsMedia(op, status, mediaType)) return [];
    return [{ pointer: '/headers/content-type', message: `an error answer must be JSON in the vendor's envelope, is ${headers['content-type'] ?? '(no content type)'}${body.length ? '' : ' with no body'}` }];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return [{ pointer: '/body', message: `is not valid JSON: ${(e as Error).message}` }];
  }
  if (isStandinEnvelope(parsed)) return [];
  return ENVELOPES[api].problems(parsed, { status, operationId: op?.operationId });
}

/** The 'envelope' check: undefined when the answer is no error or carries the whole envelope. */
export function checkEnvelope(input: EnvelopeInput): CheckFailure | undefined {
  const problems = envelopeProblems(input.api, input.response, input.op);
  if (problems.length === 0) return undefined;
  const excerpt = input.response.body.toString('utf8').slice(0, 300);
  return {
    check: 'envelope',
    api: input.api,
    operationId: input.op?.operationId ?? NO_OPERATION,
    message: `the ${input.response.status} answer breaks the ${input.api} error envelope at ${problems.map((p) => p.pointer).join(', ')}`,
    received: `${input.response.status} ${excerpt || '(empty)'}`,
    documented: ENVELOPES[input.api].documented,
    pointers: problems,
    curl: input.curl,
  };
}
