import type { ApiModule } from '../module';
import type { SpecOperation } from '../spec';
import type { EngineError, EngineRequest, Problem } from '../types';
import { INTERNAL_RULES } from './refuse';
import { isJsonMedia, mediaTypeOf, type OperationValidators } from '../validators';

type Parsed = { ok: true; body: unknown; mediaType?: string } | { ok: false; error: EngineError };
export type BodyRead = { ok: true; body: unknown; mediaType?: string; problems: Problem[] } | { ok: false; error: EngineError };

function parseBody(op: SpecOperation, request: EngineRequest, validators: OperationValidators): Parsed {
  const hasBody = request.body !== undefined && request.body.length > 0;
  if (!op.requestBody) return { ok: true, body: undefined }; // a body the spec does not define is ignored
  if (!hasBody) {
    if (!op.requestBody.required) return { ok: true, body: undefined };
    return { ok: false, error: { kind: 'validation', problems: [{ in: 'body', field: '', pointer: '', keyword: 'required', message: 'is required' }] } };
  }
  const contentType = request.headers['content-type'];
  const mediaType = validators.requestMedia(contentType ?? '');
  if (!mediaType) {
    return {
      ok: false,
      error: {
        kind: 'unsupportedMediaType',
        contentType: contentType ?? '',
        expected: validators.requestMediaTypes,
        requiredFields: validators.requiredBodyFields,
      },
    };
  }
  const actual = mediaTypeOf(contentType);
  // A JSON body the spec takes only as bytes (a `*/*` or binary media type) is kept as sent, not parsed.
  if (!isJsonMedia(actual) || !isJsonMedia(mediaType)) return { ok: true, body: request.body, mediaType };
  try {
    return { ok: true, body: JSON.parse(request.body!.toString('utf8')), mediaType };
  } catch (e) {
    return { ok: false, error: { kind: 'malformedBody', message: `request body is not valid JSON: ${(e as Error).message}` } };
  }
}

/** What an operation without a request body reads (a body sent anyway is ignored); shared, so never written to. */
const NO_BODY: BodyRead = Object.freeze({ ok: true, body: undefined, problems: Object.freeze([]) as unknown as Problem[] });

/** The body the handler gets, with what breaks its schema; or an error that ends the request. */
export function readBody(module: ApiModule, op: SpecOperation, request: EngineRequest, validators: OperationValidators): BodyRead {
  if (!op.requestBody) return NO_BODY;
  if (module.decodeBody && op.requestBody) {
    // The vendor reads the bytes its own way; the spec's body schema then documents rather than checks.
    try {
      return { ok: true, body: module.decodeBody({ request, operation: op }), problems: [] };
    } catch (e) {
      return {
        ok: false,
        error: {
          kind: 'internal',
          rule: INTERNAL_RULES.handlerFailed,
          message: `unexpected error reading the body of ${op.operationId}: ${(e as Error).message}`,
        },
      };
    }
  }
  const parsed = parseBody(op, request, validators);
  if (parsed.ok) return { ...parsed, problems: validators.body(parsed.mediaType ?? '', parsed.body) };
  return parsed.error.kind === 'validation' ? { ok: true, body: undefined, problems: parsed.error.problems } : parsed;
}
