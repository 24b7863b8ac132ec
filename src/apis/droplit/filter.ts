// Droplit's list filter as a value, and how it matches one environment. The language is the vendor's
// function-call syntax, e.g. `and(eq(meta.$label, "Hall"), gt(meta.floor, 1))`; parseFilter builds it.

export type Literal = string | number | boolean | null;

/** What `type(field, name)` can ask for: the JSON types a stored value can have. */
export const TYPE_NAMES = ['string', 'number', 'boolean', 'object', 'array', 'null'] as const;
export type TypeName = (typeof TYPE_NAMES)[number];

export type Comparison = 'lt' | 'lte' | 'gt' | 'gte';

export type Filter =
  | { op: 'eq' | 'ne' | 'contains' | Comparison; field: string[]; value: Literal }
  | { op: 'in' | 'nin'; field: string[]; values: Literal[] }
  | { op: 'type'; field: string[]; type: TypeName }
  | { op: 'exists' | 'notexists'; field: string[] }
  | { op: 'and' | 'or' | 'nor'; args: Filter[] }
  | { op: 'not'; arg: Filter };

function lookup(record: unknown, field: string[]): unknown {
  let value = record;
  for (const key of field) {
    // Own properties only: `constructor` or `__proto__` must not reach into Object.prototype.
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A null literal also matches a missing field, as in the document stores Droplit's syntax comes from. */
function equals(actual: unknown, expected: Literal): boolean {
  return expected === null ? actual === null || actual === undefined : actual === expected;
}

/**
 * Order is only defined between two values of the same scalar type (numbers, strings by code unit,
 * false < true); across types nothing matches. With null, `lte`/`gte` mean "is null", `lt`/`gt` never match.
 */
function compares(op: Comparison, actual: unknown, expected: Literal): boolean {
  if (expected === null) return (op === 'lte' || op === 'gte') && equals(actual, null);
  if (typeof actual !== typeof expected) return false;
  const a = actual as string | number | boolean;
  switch (op) {
    case 'lt':
      return a < expected;
    case 'lte':
      return a <= expected;
    case 'gt':
      return a > expected;
    case 'gte':
      return a >= expected;
  }
}

function typeOf(value: unknown): TypeName | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : undefined;
}

/** Recursion here is bounded by the parser's nesting limit. */
export function matches(filter: Filter, record: unknown): boolean {
  switch (filter.op) {
    case 'and':
      return filter.args.every((f) => matches(f, record));
    case 'or':
      return filter.args.some((f) => matches(f, record));
    case 'nor':
      return !filter.args.some((f) => matches(f, record));
    case 'not':
      return !matches(filter.arg, record);
    case 'exists':
      return lookup(record, filter.field) !== undefined;
    case 'notexists':
      return lookup(record, filter.field) === undefined;
    case 'eq':
      return equals(lookup(record, filter.field), filter.value);
    case 'ne':
      return !equals(lookup(record, filter.field), filter.value);
    case 'in': {
      const actual = lookup(record, filter.field);
      return filter.values.some((v) => equals(actual, v));
    }
    case 'nin': {
      const actual = lookup(record, filter.field);
      return !filter.values.some((v) => equals(actual, v));
    }
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return compares(filter.op, lookup(record, filter.field), filter.value);
    case 'type':
      return typeOf(lookup(record, filter.field)) === filter.type;
    case 'contains': {
      const actual = lookup(record, filter.field);
      return typeof actual === 'string' && typeof filter.value === 'string' && actual.includes(filter.value);
    }
  }
}
