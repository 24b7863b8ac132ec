import type { Clock, EngineError, EngineResponse, Problem } from '../../core/types';
import { problemsText } from '../../core/problems';

// Ignisign's envelope: {message, timestamp, status, code, context}. The docs describe the timestamp
// as 'YYYY-MM-DD HH:mm:ss ZZ' but their example is ISO 8601; standin sends ISO 8601 UTC.
//
// The SDK turns an error body into an `IGNISIGN SDK EXCEPTION: <code>` only when `code` is one of
// the vendor's IGNISIGN_ERROR_CODES; any other code reaches the caller as a raw axios error. So the
// mock sends vendor codes only, and this list (checked against the vendor's in a test) is the only
// place a code can come from.
export const IGNISIGN_CODES_SENT = [
  'AUTH_HEADER_NOT_FOUND',
  'AUTH_HEADER_NOT_BEARER',
  'AUTH_HEADER_NO_TOKEN',
  'INVALID_TOKEN',
  'INVALID_CONTEXT_RIGHT_NOT_ALLOWED',
  'PARAMS_VALIDATION_FAILED',
  'QUERY_VALIDATION_FAILED',
  'BODY_VALIDATION_FAILED',
  'APP_NOT_FOUND',
  'NOT_YET_IMPLEMENTED',
  'BAD_REQUEST',
  'INTERNAL_ERROR',
] as const;
export type IgnisignErrorCode = (typeof IGNISIGN_CODES_SENT)[number];

export function ignisignError(clock: Clock, status: number, code: IgnisignErrorCode, message: string, context: Record<string, unknown> = {}): EngineResponse {
  return { status, body: { message, timestamp: clock.now().toISOString(), status, code, context } };
}

function validationCode(problems: Problem[]): IgnisignErrorCode {
  if (problems.some((p) => p.in === 'path')) return 'PARAMS_VALIDATION_FAILED';
  if (problems.some((p) => p.in === 'query')) return 'QUERY_VALIDATION_FAILED';
  return 'BODY_VALIDATION_FAILED';
}

export function renderIgnisignError(error: EngineError, env: { clock: Clock }): EngineResponse {
  const { clock } = env;
  switch (error.kind) {
    // The vendor's list has no route-level code. Every path an SDK call takes is a real vendor route,
    // so a route standin lacks is one it has not implemented; a wrong method is a bad request.
    case 'routeNotFound':
      return ignisignError(clock, 404, 'NOT_YET_IMPLEMENTED', `standin does not serve ${error.method} ${error.path} (no such route in specs/ignisign.yaml)`, {
        method: error.method,
        path: error.path,
      });
    case 'methodNotAllowed':
      return ignisignError(clock, 405, 'BAD_REQUEST', `${error.method} is not allowed on ${error.path}`, { allow: error.allow });
    case 'validation':
      return ignisignError(clock, 400, validationCode(error.problems), problemsText(error.problems), {
        field: error.problems[0]?.field,
        problems: error.problems,
      });
    case 'malformedBody':
      return ignisignError(clock, 400, 'BODY_VALIDATION_FAILED', error.message);
    case 'unsupportedMediaType':
      return ignisignError(clock, 400, 'BODY_VALIDATION_FAILED', `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return ignisignError(clock, 413, 'BAD_REQUEST', `request body is larger than ${error.limit} bytes`);
    case 'internal':
      return ignisignError(clock, 500, 'INTERNAL_ERROR', error.message);
    // The vendor's list has no code for a passing outage; the SDK still raises INTERNAL_ERROR as its own.
    case 'unavailable':
      return ignisignError(clock, 503, 'INTERNAL_ERROR', error.message);
  }
}
