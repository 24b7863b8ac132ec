import { refusedBecause } from '../../core/module';
import type { EngineError, EngineResponse, Problem } from '../../core/types';
import { problemText } from '../../core/problems';

// ALTR's envelope: {success:false, response:{error_type, error_message}}. Its docs answer an
// internal failure with 503, so standin does too.

export function altrError(status: number, errorType: string, message: string): EngineResponse {
  return { status, body: { success: false, response: { error_type: errorType, error_message: message } } };
}

export const unauthorized = (message: string) => altrError(401, 'unauthorized', message);
export const forbidden = (permission: string) => altrError(403, 'forbidden', `API key does not have ${permission} permission.`);
export const tokenNotFound = (token: string) =>
  refusedBecause(altrError(404, 'resource_not_found', 'Reference token not found.'), 'rule-altr-404', `no record ${token} in the key's organization`);
export const dataCapExceeded = (organizationId: string, cap: { usedBytes: number; dataCapBytes: number; size: number }) =>
  refusedBecause(
    altrError(400, 'bad_request', 'Organization data cap exceeded'),
    'rule-altr-data-cap',
    `organization ${organizationId} holds ${cap.usedBytes} of its ${cap.dataCapBytes} bytes; ${cap.size} more would pass the cap`,
  );

/** The engine's generic sentence, except where ALTR's users deserve a plainer one. */
function problemMessage(p: Problem): string {
  if (p.in === 'body' && p.field === '' && p.keyword === 'required') return 'A request body (the data to store, application/octet-stream) is required.';
  if (p.in === 'path' && p.field === 'referenceToken') return 'referenceToken is not a valid reference token.';
  return problemText(p);
}

export function renderAltrError(error: EngineError): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return altrError(404, 'resource_not_found', `No resource at ${error.method} ${error.path}.`);
    case 'methodNotAllowed':
      return altrError(405, 'method_not_allowed', `${error.method} is not allowed on ${error.path}.`);
    case 'validation':
      return altrError(400, 'bad_request', error.problems.map(problemMessage).join('; '));
    case 'malformedBody':
      return altrError(400, 'bad_request', error.message);
    case 'unsupportedMediaType':
      return altrError(400, 'bad_request', `Content-Type must be ${error.expected.join(' or ')}.`);
    case 'bodyTooLarge':
      return altrError(413, 'bad_request', `Request body is larger than ${error.limit} bytes.`);
    case 'internal':
      return altrError(503, 'internal_error', 'Unable to process request at this time.');
    case 'unavailable':
      return altrError(503, 'service_unavailable', error.message);
  }
}
