import type { EngineError, EngineResponse } from '../../core/types';
import { problemsText } from '../../core/problems';

// Losant's envelope: {type, message}; the client throws Error(message) and copies `type` onto it.

export function losantError(status: number, type: string, message: string): EngineResponse {
  return { status, body: { type, message } };
}

export function renderLosantError(error: EngineError): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return losantError(404, 'NotFound', `${error.method} ${error.path} does not exist`);
    case 'methodNotAllowed':
      return losantError(405, 'MethodNotAllowed', `${error.method} is not allowed on ${error.path}`);
    case 'validation':
      return losantError(400, 'Validation', problemsText(error.problems));
    case 'malformedBody':
      return losantError(400, 'Validation', error.message);
    case 'unsupportedMediaType':
      return losantError(400, 'Validation', `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return losantError(413, 'PayloadTooLarge', `Request body is larger than ${error.limit} bytes`);
    case 'internal':
      return losantError(500, 'InternalError', error.message);
  }
}
