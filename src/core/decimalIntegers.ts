// A coercing Ajv turns any string that Number() reads into a number, so '0x1', '1e3', ' 1' and '0b1'
// pass an integer parameter as 1, 1000, 1, 1. The vendors read their integer parameters as decimal
// digits, so before the integer schema coerces, the string form must be decimal. Numbers (bodies,
// defaults) are untouched: the `pattern` keyword only applies to strings.

/** The string form of an integer parameter: optional sign, decimal digits. */
const DECIMAL_INTEGER = '^[+-]?[0-9]+$';

const GUARD_PATH = '/allOf/0/pattern';

/** The guard's failure, which toProblems reports as the integer type error it stands for. */
export function isDecimalGuard(e: { keyword: string; schemaPath: string; params: Record<string, unknown> }): boolean {
  return e.keyword === 'pattern' && e.params.pattern === DECIMAL_INTEGER && e.schemaPath.endsWith(GUARD_PATH);
}

function isIntegerOnly(type: unknown): boolean {
  if (type === 'integer') return true;
  // A union that admits strings (or the empty string as null) keeps every string it admits.
  return Array.isArray(type) && type.includes('integer') && !type.includes('string') && !type.includes('null');
}

/**
 * Rewrites every integer schema into "decimal when a string, then the schema", keeping its default
 * where Ajv looks for it. What comes back is what went in, rewritten: a schema, a list, a value.
 */
export function decimalIntegers<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(decimalIntegers) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema))
    out[key] = key === 'enum' || key === 'const' || key === 'default' || key === 'example' || key === 'examples' ? value : decimalIntegers(value);
  if (!isIntegerOnly(out.type)) return out as T;
  const { default: fallback, ...inner } = out;
  return {
    ...(fallback === undefined ? {} : { default: fallback }),
    allOf: [{ pattern: DECIMAL_INTEGER }, inner],
  } as T;
}
