import { refusedBecause } from '../../core/module';
import type { EngineError, EngineResponse } from '../../core/types';

// ncanode (perfumer framework) answers errors as {status:false, message}.

function signaturesError(status: number, message: string): EngineResponse {
  return { status, body: { status: false, message } };
}

export const signatureNotFound = () =>
  refusedBecause(signaturesError(404, 'Signature was not found'), 'rule-signatures-get', 'signatures.lookup: no signature for this document and thread');
/** GET/DELETE: the vendor only refuses when both are missing (its check is `!thread && !document`). */
export const keyNotSet = () =>
  refusedBecause(
    signaturesError(400, '"Thread" and "document" parameters must be set'),
    'rule-signatures-get',
    'signatures.lookup: neither document nor thread is set',
  );
export const parameterNotSet = (name: string) =>
  refusedBecause(
    signaturesError(400, `"${name}" parameter must be set`),
    'rule-signatures-post-required',
    `signatures.required: "${name}" is missing or empty`,
  );
export const versionNotSet = () =>
  refusedBecause(
    signaturesError(400, 'Version must be set'),
    'rule-signatures-version',
    'signatures.version: the signature exists; a later POST must send its version',
  );
export const versionNotEqual = (stored: number, sent: number) =>
  refusedBecause(
    signaturesError(400, 'Version provided is not equal to actual signature version'),
    'rule-signatures-version',
    `signatures.version: version ${sent} was sent, the signature is at version ${stored}`,
  );
/** The wording of a spec violation, for a value the handler refuses itself (an array where PHP wants a scalar). */
export const parameterInvalid = (name: string, detail: string) =>
  refusedBecause(signaturesError(400, `"${name}" parameter is invalid: ${detail}`), 'rule-signatures-not-string', `signatures.cast: "${name}" ${detail}`);

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
