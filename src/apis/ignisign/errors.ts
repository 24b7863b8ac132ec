import type { Clock, EngineError, EngineResponse, Problem } from '../../core/types';
import { problemsText } from '../../core/problems';

// Ignisign's envelope: {message, timestamp, status, code, context}. The docs describe the timestamp
// as 'YYYY-MM-DD HH:mm:ss ZZ' but their example is ISO 8601; standin sends ISO 8601 UTC.

export function ignisignError(clock: Clock, status: number, code: string, message: string, context: Record<string, unknown> = {}): EngineResponse {
  return { status, body: { message, timestamp: clock.now().toISOString(), status, code, context } };
}

function validationCode(problems: Problem[]): string {
  if (problems.some((p) => p.in === 'path')) return 'PARAMS_VALIDATION_FAILED';
  if (problems.some((p) => p.in === 'query')) return 'QUERY_VALIDATION_FAILED';
  return 'BODY_VALIDATION_FAILED';
}

export function renderIgnisignError(error: EngineError, env: { clock: Clock }): EngineResponse {
  const { clock } = env;
  switch (error.kind) {
    case 'routeNotFound':
      return ignisignError(clock, 404, 'NOT_FOUND', `Cannot ${error.method} ${error.path}`);
    case 'methodNotAllowed':
      return ignisignError(clock, 405, 'METHOD_NOT_ALLOWED', `${error.method} is not allowed on ${error.path}`, { allow: error.allow });
    case 'validation':
      return ignisignError(clock, 400, validationCode(error.problems), problemsText(error.problems), { field: error.problems[0]?.field, problems: error.problems });
    case 'malformedBody':
      return ignisignError(clock, 400, 'BODY_VALIDATION_FAILED', error.message);
    case 'unsupportedMediaType':
      return ignisignError(clock, 400, 'BODY_VALIDATION_FAILED', `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return ignisignError(clock, 413, 'BAD_REQUEST', `request body is larger than ${error.limit} bytes`);
    case 'internal':
      return ignisignError(clock, 500, 'INTERNAL_ERROR', error.message);
  }
}
