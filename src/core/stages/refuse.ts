import { withContentType } from '../contentType';
import type { SpecOperation } from '../spec';
import type { Clock, EngineError, EngineResponse, Problem, Reason } from '../types';
import { responseValidationFailed } from './checkResponse';
import type { EngineParts, Outcome } from './parts';

/** `schema: body /alias: must match pattern …`: where the request broke its schema, as the journal shows it. */
export function schemaReason(problems: readonly Problem[]): string {
  return problems.map((p) => `schema: ${p.in} ${p.pointer || '/'}: ${p.message}`).join('; ');
}

/** The rules the engine's own internal failures apply, named by the stage that raises each one. */
export const INTERNAL_RULES = {
  fault: 'rule-generic-faults',
  namespaceCap: 'standin.namespace-cap',
  handlerFailed: 'standin.handler-failed',
} as const;

/** The README rule an engine error applies, with what failed; the vendor's envelope says it in its own words. */
function engineReason(error: EngineError): Reason {
  switch (error.kind) {
    case 'routeNotFound':
      return { rule: 'rule-generic-404', message: `the spec has no path matching ${error.method} ${error.path}` };
    case 'methodNotAllowed':
      return { rule: 'rule-generic-405', message: `${error.method} is not documented for ${error.path}; the spec allows ${error.allow.join(', ')}` };
    case 'validation':
      return { rule: 'rule-generic-400', message: schemaReason(error.problems) };
    case 'malformedBody':
      return { rule: 'rule-generic-malformed-json', message: error.message };
    case 'unsupportedMediaType':
      return {
        rule: 'rule-generic-content-type',
        message: `content type '${error.contentType}' is not documented for this operation (it takes ${error.expected.join(', ')})`,
      };
    case 'bodyTooLarge':
      return { rule: 'rule-generic-413', message: `the body is over --body-limit (${error.limit} bytes)` };
    case 'internal':
      // An internal error raised without a rule (a vendor module's own) is a failure of the code that handled it.
      return { rule: error.rule ?? INTERNAL_RULES.handlerFailed, message: error.message };
    case 'unavailable':
      return { rule: 'standin.StateUnavailable', message: error.message };
  }
}

/** An engine error in the vendor's envelope, itself checked against the spec's Error component. */
export function renderError(parts: EngineParts, error: EngineError, operation?: SpecOperation, clock: Clock = parts.clock): EngineResponse {
  const rendered = parts.module.renderError(error, { clock, operation });
  const response = withContentType(rendered.reason ? rendered : { ...rendered, reason: engineReason(error) });
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
