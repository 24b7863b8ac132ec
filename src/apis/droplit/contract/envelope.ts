import { type Envelope, fields, isObject, kind, nonEmptyString, optional, string } from '../../../contract/envelopeFields';

// The Droplit error envelope every error answer carries: an errorType and at least one entry.

const ITEM = { in: optional(string), path: string, message: nonEmptyString };

export const droplitEnvelope: Envelope = {
  documented: '{errorType: string, errors: [{in?: string, path: string, message: string}, ...] (at least one)}',
  problems(body, ctx) {
    const out = fields(
      body,
      '/body',
      {
        errorType: nonEmptyString,
        errors: (v) => (Array.isArray(v) ? (v.length ? undefined : 'must list at least one error') : `must be an array, is ${kind(v)}`),
      },
      ctx,
    );
    if (isObject(body) && Array.isArray(body.errors)) body.errors.forEach((item, i) => out.push(...fields(item, `/body/errors/${i}`, ITEM, ctx)));
    return out;
  },
};
