import type { EngineError, EngineResponse } from '../../core/types';

// ncanode (perfumer framework) answers errors as {status:false, message}.

function signaturesError(status: number, message: string): EngineResponse {
  return { status, body: { status: false, message } };
}

export const signatureNotFound = () => signaturesError(404, 'Signature was not found');
/** GET/DELETE: the vendor only refuses when both are missing (its check is `!thread && !document`). */
export const keyNotSet = () => signaturesError(400, '"Thread" and "document" parameters must be set');
export const parameterNotSet = (name: string) => signaturesError(400, `"${name}" parameter must be set`);
export const versionNotSet = () => signaturesError(400, 'Version must be set');
export const versionNotEqual = () => signaturesError(400, 'Version provided is not equal to actual signature version');
/** The wording of a spec violation, for a value the handler refuses itself (an array where PHP wants a scalar). */
export const parameterInvalid = (name: string, detail: string) => signaturesError(400, `"${name}" parameter is invalid: ${detail}`);

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
    // ncanode reads its bodies itself (input.ts), so the engine never raises these two for it.
    case 'malformedBody':
      return signaturesError(400, error.message);
    case 'unsupportedMediaType':
      return signaturesError(400, `Content-Type '${error.contentType}' is not supported; send ${error.expected.join(' or ')}`);
    case 'bodyTooLarge':
      return signaturesError(413, `Request body is larger than ${error.limit} bytes`);
    case 'internal':
      return signaturesError(500, error.message);
    case 'unavailable':
      return signaturesError(503, error.message);
  }
}
