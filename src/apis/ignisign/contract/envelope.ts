import { type Envelope, equalsHttpStatus, type FieldCheck, fields, kind, nonEmptyString, object, string } from '../../../contract/envelopeFields';

// The Ignisign error envelope every error answer carries: clients read these fields (the SDK reads
// `code`), so the check asks for each, in its documented format, beyond what the spec requires.

const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;
const upperSnake: FieldCheck = (v, ctx) =>
  nonEmptyString(v, ctx) ?? (UPPER_SNAKE.test(v as string) ? undefined : `must be an IGNISIGN_ERROR_CODES name (UPPER_SNAKE_CASE), is ${JSON.stringify(v)}`);

// ISO 8601 in UTC, as the Ignisign docs' examples show, and the docs' prose form 'YYYY-MM-DD HH:mm:ss ZZ'
// with the UTC offset; both are fixed-width, so the patterns cannot backtrack.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|\+00:00)$/;
const DOCS_UTC = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) \+00:?00$/;

function realDateTime(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === s
  );
}

const utcTimestamp: FieldCheck = (v) => {
  if (typeof v !== 'string') return `must be a UTC timestamp string, is ${kind(v)}`;
  const m = ISO_UTC.exec(v) ?? DOCS_UTC.exec(v);
  if (!m) return `must be ISO 8601 in UTC (e.g. 2024-07-29T15:51:28.071Z) or 'YYYY-MM-DD HH:mm:ss +00:00', is ${JSON.stringify(v)}`;
  return realDateTime(m) ? undefined : `is not a real date and time: ${JSON.stringify(v)}`;
};

export const ignisignEnvelope: Envelope = {
  documented:
    "{message: string, timestamp: UTC (ISO 8601, or the docs' YYYY-MM-DD HH:mm:ss ZZ), status: integer = HTTP status, code: IGNISIGN_ERROR_CODES name, context: object}",
  problems: (body, ctx) =>
    fields(body, '/body', { message: string, timestamp: utcTimestamp, status: equalsHttpStatus, code: upperSnake, context: object }, ctx),
};
