import type { ApiModule, HandlerContext } from '../../core/module';
import { type PhpArray, type PhpValue, decodePhpJson } from './phpJson';

// How ncanode's router (perfumer/framework 0.9.6 DefaultRouter, data_type json) reads a request:
// the body is json_decoded whatever its Content-Type and dropped unless it decodes to an array;
// it is merged over the query string (a body field wins); then every string, nested ones too, is
// trimmed of " \t\n\r\0\x0B" (auto_trim) and "" becomes null (auto_null). A controller's
// $this->f(name) then answers null for a field that is absent or null (isset).

const EMPTY: PhpArray = new Map();
const TRIMMED = new Set([' ', '\t', '\n', '\r', '\0', '\x0B']);

/** The module's `decodeBody`: the body's top-level array, or an empty one for anything else. */
export const readBody: NonNullable<ApiModule['decodeBody']> = ({ request }) => {
  if (!request.body?.length) return EMPTY;
  const value = decodePhpJson(request.body);
  return value instanceof Map ? value : EMPTY;
};

function phpTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && TRIMMED.has(s[start])) start++;
  while (end > start && TRIMMED.has(s[end - 1])) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** auto_trim then auto_null, recursively. */
function normalized(value: PhpValue): PhpValue {
  if (typeof value === 'string') {
    const trimmed = phpTrim(value);
    return trimmed === '' ? null : trimmed;
  }
  if (value instanceof Map) {
    const out: PhpArray = new Map();
    for (const [key, item] of value) out.set(key, normalized(item));
    return out;
  }
  return value;
}

/** A query value as the adapter parsed it (a string, or a list for a repeated or `name[]` key). */
function fromQuery(value: unknown): PhpValue {
  if (Array.isArray(value)) return new Map(value.map((item, i) => [String(i), fromQuery(item)]));
  if (typeof value === 'string') return value;
  // Only strings and lists reach here from a query string; anything else the engine coerced stays as is.
  return typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** The fields a controller reads with $this->f(): query and body merged, trimmed, blanks null. */
export class RequestFields {
  private readonly fields: PhpArray = new Map();

  constructor(ctx: Pick<HandlerContext<unknown>, 'query' | 'body'>) {
    for (const [name, value] of Object.entries(ctx.query)) this.fields.set(name, normalized(fromQuery(value)));
    const body: PhpArray = ctx.body instanceof Map ? ctx.body : EMPTY;
    for (const [name, value] of body) this.fields.set(name, normalized(value));
  }

  /** $this->f(name): undefined when the field is absent or null. */
  get(name: string): PhpValue | undefined {
    const value = this.fields.get(name);
    return value === null ? undefined : value;
  }
}
