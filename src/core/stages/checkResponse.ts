import { withContentType } from '../contentType';
import type { SpecOperation } from '../spec';
import { markedStandinError, standinError } from '../standinErrors';
import type { EngineResponse } from '../types';
import type { ResponseProblem } from '../validators';
import { type EngineParts, type Outcome, specLabel } from './parts';

/** The mock's own answer broke its spec: in strict mode a 500 listing the problems, since this is standin's bug. */
export function responseValidationFailed(parts: EngineParts, operationId: string | undefined, status: number, problems: ResponseProblem[]): EngineResponse {
  const { module } = parts;
  const message = `standin's ${module.name} mock produced a response that breaks ${specLabel(module)}; this is a bug in standin`;
  const response = withContentType(standinError('ResponseValidationFailed', message, { operationId, status, problems }));
  return markedStandinError(response, 'response-validation');
}

/** Last stage: the answer checked against the operation's documented responses (strict, warn or off). */
export function checkResponse(parts: EngineParts, op: SpecOperation, response: EngineResponse): Outcome {
  const finalResponse = withContentType(response);
  if (parts.responseValidation === 'off') return { response: finalResponse, operationId: op.operationId };
  const v = parts.validators.operations.get(op.operationId)!;
  const problems = v.response(finalResponse.status, finalResponse.headers?.['content-type'], finalResponse.body, finalResponse.headers ?? {});
  if (problems.length === 0) return { response: finalResponse, operationId: op.operationId };
  if (parts.responseValidation === 'strict') {
    return {
      response: responseValidationFailed(parts, op.operationId, finalResponse.status, problems),
      operationId: op.operationId,
      responseProblems: problems,
    };
  }
  parts.onViolation?.(op.operationId, problems);
  return {
    response: { ...finalResponse, headers: { ...finalResponse.headers, 'x-standin-violations': String(problems.length) } },
    operationId: op.operationId,
    responseProblems: problems,
  };
}
