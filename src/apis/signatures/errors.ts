import type { EngineError, EngineResponse } from '../../core/types';

// ncanode (perfumer framework) answers errors as {status:false, message}.

export function signaturesError(status: number, message: string): EngineResponse {
  return { status, body: { status: false, message } };
}

export function renderSignaturesError(error: EngineError): EngineResponse {
  switch (error.kind) {
    case 'routeNotFound':
      return signaturesError(404, `Route ${error.method} ${error.path} was not found`);
    case 'methodNotAllowed':
      return signaturesError(405, `Method ${error.method} is not allowed on ${error.path}`);
    case 'validation': {
      const p = error.problems[0];
      const rest = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more)` : '';
      const name = p.field.split('.')[0] || 'body';
      return signaturesError(400, `"${name}" parameter is invalid: ${p.field.includes('.') ? `${p.field} ` : ''}${p.message}${rest}`);
    }
    case 'malformedBody':
      return signaturesError(400, error.message);
    case 'unsupportedMediaType':
      return signaturesError(400, `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return signaturesError(413, `Request body is larger than ${error.limit} bytes`);
    case 'internal':
      return signaturesError(500, error.message);
  }
}
