import type { SpecOperation } from '../core/spec';
import { findResponse, isJsonMedia, mediaTypeOf, type OperationValidators, type ResponseProblem } from '../core/validators';
import type { CheckFailure, CheckName, Received } from './checkFailure';
import { checkEnvelope } from './envelope';
import type { Envelope } from './envelopeFields';

// The generic checks, run on every response the suite receives. Each is a small named function
// returning a typed failure (or nothing), in the manner of Schemathesis' checks.

export interface CheckInput {
  api: string;
  /** The vendor's error envelope, which every error answer must carry. */
  envelope: Envelope;
  op: SpecOperation;
  validators: OperationValidators;
  response: Received;
  curl: string;
}

type Check = (input: CheckInput) => CheckFailure | undefined;

function failure(input: CheckInput, check: CheckName, message: string, received: string, documented: string, pointers: ResponseProblem[] = []): CheckFailure {
  return { check, api: input.api, operationId: input.op.operationId, message, received, documented, pointers, curl: input.curl };
}

function documentedStatuses(op: SpecOperation): string {
  return Object.keys(op.responses).join(', ');
}

function documentedTypes(op: SpecOperation, status: number): string {
  const r = findResponse(op, status);
  return r ? Object.keys(r.content).join(', ') || '(no body)' : '(status not documented)';
}

const statusDocumented: Check = (input) => {
  const { status } = input.response;
  if (input.validators.responseStatus(status).length === 0) return undefined;
  return failure(input, 'status-documented', `status ${status} is not documented`, String(status), documentedStatuses(input.op));
};

const contentTypeDocumented: Check = (input) => {
  const { status, headers, body } = input.response;
  if (!findResponse(input.op, status)) return undefined;
  const problems = input.validators.responseContentType(status, headers['content-type'], body.length > 0);
  if (problems.length === 0) return undefined;
  return failure(input, 'content-type-documented', problems[0].message, headers['content-type'] ?? '(none)', documentedTypes(input.op, status), problems);
};

const requiredHeaders: Check = (input) => {
  const problems = input.validators.responseHeaders(input.response.status, input.response.headers);
  if (problems.length === 0) return undefined;
  const names = problems.map((p) => p.pointer.slice('/headers/'.length));
  return failure(
    input,
    'required-headers',
    `missing required header(s) ${names.join(', ')}`,
    Object.keys(input.response.headers).join(', '),
    names.join(', '),
    problems,
  );
};

/** Parses a JSON body when the response says it is JSON; undefined when it is not JSON at all. */
export function parseJsonBody(response: Received): { ok: true; value: unknown } | { ok: false; error: string } | undefined {
  if (!isJsonMedia(mediaTypeOf(response.headers['content-type']))) return undefined;
  try {
    return { ok: true, value: JSON.parse(response.body.toString('utf8')) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

const bodyMatchesSchema: Check = (input) => {
  const { status, headers, body } = input.response;
  if (!findResponse(input.op, status) || body.length === 0) return undefined;
  const parsed = parseJsonBody(input.response);
  const excerpt = body.toString('utf8').slice(0, 300);
  if (!parsed) return undefined; // bytes and text are not schema-checked
  if (!parsed.ok) return failure(input, 'body-schema', `body is not valid JSON: ${parsed.error}`, excerpt, 'application/json');
  const problems = input.validators.responseBody(status, headers['content-type'], parsed.value);
  if (problems.length === 0) return undefined;
  return failure(
    input,
    'body-schema',
    `body does not match the schema documented for ${status}`,
    excerpt,
    `the ${status} schema of ${input.op.operationId}`,
    problems,
  );
};

/** Every error answer carries each field of the vendor's documented envelope, in its format (the vendor's envelope). */
const envelopeDocumented: Check = (input) =>
  checkEnvelope({ api: input.api, envelope: input.envelope, response: input.response, op: input.op, curl: input.curl });

const GENERIC_CHECKS: Array<[string, Check]> = [
  ['status-documented', statusDocumented],
  ['content-type-documented', contentTypeDocumented],
  ['required-headers', requiredHeaders],
  ['body-schema', bodyMatchesSchema],
  ['envelope', envelopeDocumented],
];

export function runGenericChecks(input: CheckInput): CheckFailure[] {
  return GENERIC_CHECKS.map(([, check]) => check(input)).filter((f): f is CheckFailure => f !== undefined);
}
