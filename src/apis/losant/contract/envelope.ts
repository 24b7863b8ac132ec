import { type Envelope, fields, nonEmptyString, string } from '../../../contract/envelopeFields';

/** The Losant error envelope every error answer carries (Losant's client copies `type`). */
export const losantEnvelope: Envelope = {
  documented: '{type: string, message: string}',
  problems: (body, ctx) => fields(body, '/body', { type: nonEmptyString, message: string }, ctx),
};
