import type { ResponseProblem } from '../core/validators';

// The parts a vendor's error envelope is described with: small field checks and `fields`, which
// applies them to an object. Each vendor's contract folder composes its envelope from these.

export interface EnvelopeContext {
  status: number;
  /** The operation the request was meant for; undefined for a path no operation matches. */
  operationId?: string;
}

export interface Envelope {
  /** What the vendor documents, as a failure shows it. */
  documented: string;
  problems(body: unknown, ctx: EnvelopeContext): ResponseProblem[];
}

/** A field's check: a message saying what is wrong, or undefined when the value is fine. */
export type FieldCheck = (value: unknown, ctx: EnvelopeContext) => string | undefined;

export function kind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const string: FieldCheck = (v) => (typeof v === 'string' ? undefined : `must be a string, is ${kind(v)}`);
export const nonEmptyString: FieldCheck = (v) =>
  typeof v === 'string' && v.length > 0 ? undefined : `must be a non-empty string, is ${v === '' ? 'empty' : kind(v)}`;
export const isFalse: FieldCheck = (v) => (v === false ? undefined : `must be false, is ${v === true ? 'true' : kind(v)}`);
export const object: FieldCheck = (v) => (isObject(v) ? undefined : `must be an object, is ${kind(v)}`);
export const optional =
  (check: FieldCheck): FieldCheck =>
  (v, ctx) =>
    v === undefined ? undefined : check(v, ctx);

export const equalsHttpStatus: FieldCheck = (v, ctx) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) return `must be an integer, is ${kind(v)}`;
  return v === ctx.status ? undefined : `must equal the HTTP status ${ctx.status}, is ${v}`;
};

/** Checks the named fields of an object at `pointer`; a body that is no object is one problem. */
export function fields(value: unknown, pointer: string, checks: Record<string, FieldCheck>, ctx: EnvelopeContext): ResponseProblem[] {
  if (!isObject(value)) return [{ pointer: pointer || '/', message: `must be a JSON object, is ${kind(value)}` }];
  const out: ResponseProblem[] = [];
  for (const [name, check] of Object.entries(checks)) {
    const message = check(value[name], ctx);
    if (message) out.push({ pointer: `${pointer}/${name}`, message });
  }
  return out;
}
