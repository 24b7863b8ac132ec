import { type Envelope, fields, isFalse, string } from '../../../contract/envelopeFields';

/** The ncanode error envelope every error answer carries. */
export const signaturesEnvelope: Envelope = {
  documented: '{status: false, message: string}',
  problems: (body, ctx) => fields(body, '/body', { status: isFalse, message: string }, ctx),
};
