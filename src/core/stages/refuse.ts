import { withContentType } from '../contentType';
import type { SpecOperation } from '../spec';
import type { Clock, EngineError, EngineResponse } from '../types';
import { responseValidationFailed } from './checkResponse';
import type { EngineParts, Outcome } from './parts';

/** An engine error in the vendor's envelope, itself checked against the spec's Error component. */
export function renderError(parts: EngineParts, error: EngineError, operation?: SpecOperation, clock: Clock = parts.clock): EngineResponse {
  const response = withContentType(parts.module.renderError(error, { clock, operation }));
  const check = parts.validators.error;
  if (parts.responseValidation !== 'off' && check && !check(response.body)) {
    const problems = (check.errors ?? []).map((e) => ({ pointer: `/body${e.instancePath}`, message: e.message ?? e.keyword }));
    if (parts.responseValidation === 'strict') return responseValidationFailed(parts, undefined, response.status, problems);
    parts.onViolation?.('(engine error)', problems);
  }
  return response;
}

/** Ends a matched request with an engine error, in the clock of its namespace. */
export function refuse(parts: EngineParts, op: SpecOperation, namespace: string, error: EngineError): Outcome {
  return {
    response: renderError(parts, error, op, parts.clockFor(namespace)),
    operationId: op.operationId,
    requestProblems: error.kind === 'validation' ? error.problems : undefined,
  };
}
