import { type Envelope, fields, isFalse, isObject, nonEmptyString, object, string } from '../../../contract/envelopeFields';

// The ALTR error envelope every error answer carries, wrapped as the reference pages show it.

const DETAIL = { error_type: nonEmptyString, error_message: string };
// The GetMetadata reference page shows the error unwrapped; every other page shows it wrapped.
const UNWRAPPED_OPERATIONS = new Set(['getMetadata']);

export const altrEnvelope: Envelope = {
  documented: '{success: false, response: {error_type: string, error_message: string}} (GetMetadata also {error_type, error_message})',
  problems(body, ctx) {
    if (UNWRAPPED_OPERATIONS.has(ctx.operationId ?? '') && isObject(body) && !('success' in body) && !('response' in body)) {
      return fields(body, '/body', DETAIL, ctx);
    }
    const outer = fields(body, '/body', { success: isFalse, response: object }, ctx);
    return isObject(body) && isObject(body.response) ? [...outer, ...fields(body.response, '/body/response', DETAIL, ctx)] : outer;
  },
};
