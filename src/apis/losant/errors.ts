import { refusedBecause } from '../../core/module';
import type { EngineError, EngineResponse, Problem } from '../../core/types';

// Losant's envelope: {type, message}; the client throws Error(message) and copies `type` onto it.

function losantError(status: number, type: string, message: string): EngineResponse {
  return { status, body: { type, message } };
}

/** The message losant-cli tests for before telling its user to log in again. */
export const unauthorized = (why: string) =>
  refusedBecause(losantError(401, 'Unauthorized', 'Invalid access token'), 'rule-losant-token', `losant.token: ${why}`);
export const forbidden = (scopes: string[]) =>
  refusedBecause(
    losantError(403, 'Forbidden', 'Access token does not have any of the scopes required for this action'),
    'rule-losant-scopes',
    `losant.scopes: the token holds none of ${scopes.join(', ')}`,
  );
export const applicationNotFound = () =>
  refusedBecause(losantError(404, 'NotFound', 'Application was not found'), 'rule-losant-not-found', 'losant.application: no application with this id');
export const certificateNotFound = () =>
  refusedBecause(
    losantError(404, 'NotFound', 'Application Certificate was not found'),
    'rule-losant-not-found',
    'losant.certificate: no such certificate in this application (unknown, deleted, or of another application)',
  );
export const invalidCertificate = () =>
  refusedBecause(
    losantError(400, 'Validation', 'certificate is not a valid PEM encoded X.509 certificate'),
    'rule-losant-create',
    'losant.certificate: node:crypto cannot parse the PEM as an X.509 certificate',
  );
export const invalidQuery = (message: string) => refusedBecause(losantError(400, 'Validation', message), 'rule-losant-list-query', `losant.query: ${message}`);

const WHERE: Record<Problem['in'], string> = { path: 'path parameter', query: 'query parameter', header: 'header', body: 'body field' };

function problemText(p: Problem): string {
  if (p.in === 'body' && p.field === '') return `request body ${p.message}`;
  // Ajv words an unknown property as a failure of its parent; Losant users think of the property itself.
  if (p.keyword === 'additionalProperties') return `${WHERE[p.in]} '${p.field}' is not allowed`;
  return `${WHERE[p.in]} '${p.field}' ${p.message}`;
}

export function renderLosantError(error: EngineError): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return losantError(404, 'NotFound', `${error.method} ${error.path} does not exist`);
    case 'methodNotAllowed':
      return losantError(405, 'MethodNotAllowed', `${error.method} is not allowed on ${error.path}`);
    case 'validation':
      return losantError(400, 'Validation', error.problems.map(problemText).join('; '));
    case 'malformedBody':
      return losantError(400, 'Validation', error.message);
    case 'unsupportedMediaType':
      return losantError(400, 'Validation', `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return losantError(413, 'PayloadTooLarge', `Request body is larger than ${error.limit} bytes`);
    case 'internal':
      return losantError(500, 'InternalError', error.message);
    case 'unavailable':
      return losantError(503, 'ServiceUnavailable', error.message);
  }
}
