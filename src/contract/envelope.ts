import type { SpecOperation } from '../core/spec';
import { findResponse, isJsonMedia, mediaTypeOf, type ResponseProblem } from '../core/validators';
import { type CheckFailure, NO_OPERATION, type Received } from './checkFailure';
import { type Envelope, isObject } from './envelopeFields';

// Every error answer (status >= 400) of every API must carry each field of that vendor's documented
// error envelope, in its documented format: more than the spec's Error schema requires, because
// clients read those fields. The vendor's contract descriptor says what its envelope is.

/** standin's own answers (an unknown API prefix, /__admin) use its envelope, not a vendor's. */
function isStandinEnvelope(body: unknown): boolean {
  return (
    isObject(body) &&
    Object.keys(body).length === 1 &&
    isObject(body.standin) &&
    typeof body.standin.error === 'string' &&
    typeof body.standin.message === 'string'
  );
}

/** A non-JSON error body is fine only where the spec documents that media type for the status. */
function documentsMedia(op: SpecOperation | undefined, status: number, mediaType: string): boolean {
  const response = op && findResponse(op, status);
  return Boolean(response && mediaType && mediaType in response.content);
}

export interface EnvelopeInput {
  api: string;
  envelope: Envelope;
  response: Received;
  op?: SpecOperation;
  curl: string;
}

export function envelopeProblems(envelope: Envelope, response: Received, op?: SpecOperation): ResponseProblem[] {
  const { status, headers, body } = response;
  if (status < 400) return [];
  const mediaType = mediaTypeOf(headers['content-type']);
  if (!isJsonMedia(mediaType)) {
    if (documentsMedia(op, status, mediaType)) return [];
    return [
      {
        pointer: '/headers/content-type',
        message: `an error answer must be JSON in the vendor's envelope, is ${headers['content-type'] ?? '(no content type)'}${body.length ? '' : ' with no body'}`,
      },
    ];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (e) {
    return [{ pointer: '/body', message: `is not valid JSON: ${(e as Error).message}` }];
  }
  if (isStandinEnvelope(parsed)) return [];
  return envelope.problems(parsed, { status, operationId: op?.operationId });
}

/** The 'envelope' check: undefined when the answer is no error or carries the whole envelope. */
export function checkEnvelope(input: EnvelopeInput): CheckFailure | undefined {
  const problems = envelopeProblems(input.envelope, input.response, input.op);
  if (problems.length === 0) return undefined;
  const excerpt = input.response.body.toString('utf8').slice(0, 300);
  return {
    check: 'envelope',
    api: input.api,
    operationId: input.op?.operationId ?? NO_OPERATION,
    message: `the ${input.response.status} answer breaks the ${input.api} error envelope at ${problems.map((p) => p.pointer).join(', ')}`,
    received: `${input.response.status} ${excerpt || '(empty)'}`,
    documented: input.envelope.documented,
    pointers: problems,
    curl: input.curl,
  };
}
