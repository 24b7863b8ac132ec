import { createHash } from 'node:crypto';
import Ajv2020, { type CodeOptions, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { decimalIntegers, isDecimalGuard } from './decimalIntegers';
import type { JsonSchema } from './openApiDocument';
import type { Spec } from './spec';
import type { ParamLocation, Problem } from './types';

// One pair of Ajv instances for the process, shared by every spec (each spec's components live under
// their own $id), built once: an instance compiles the JSON Schema meta-schema when it is made, and
// ten of them were a third of the start-up time. Parameters arrive as strings, so their instance
// coerces ('1' -> 1, 'a' -> ['a']); bodies and responses must be exactly right, so theirs does not.

const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

/** Named after the spec and its components' content, so two specs (or two versions of one) never collide. */
export function componentsId(spec: Spec): string {
  const digest = createHash('sha1').update(JSON.stringify(spec.schemas)).digest('hex').slice(0, 16);
  return `urn:standin:${encodeURIComponent(spec.title)}:${digest}`;
}

/** Rewrites '#/components/schemas/X' so the ref points into the schema Ajv knows the components by. */
function rewriteRefs<T>(schema: T, baseId: string): T {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(s, baseId)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out[key] = `${baseId}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(value, baseId);
    }
  }
  return out as T;
}

/**
 * Ajv's string length (code points, a surrogate pair counts once), with a fast path: a string with no
 * high surrogate, nearly every one, is its UTF-16 length. Ajv's own walks every character, which was
 * 3 % of a Losant GET (a 2 KB certificate under maxLength). Self-contained: the build inlines its source.
 */
export function ucs2length(str: string): number {
  const len = str.length;
  if (!/[\uD800-\uDBFF]/.test(str)) return len;
  let length = 0;
  let pos = 0;
  while (pos < len) {
    length++;
    const value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len && (str.charCodeAt(pos) & 0xfc00) === 0xdc00) pos++;
  }
  return length;
}

export function makeAjv(coerce: boolean, code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020({
    code,
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: coerce,
  });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

let shared: { params: Ajv2020; exact: Ajv2020 } | undefined;

export function withComponents(ajv: Ajv2020, spec: Spec, id: string): Ajv2020 {
  if (!ajv.getSchema(id)) ajv.addSchema({ $id: id, $defs: decimalIntegers(rewriteRefs(spec.schemas, id)) });
  return ajv;
}

export type SchemaKind = 'params' | 'exact';

/**
 * Turns a spec schema into a validator. `key` names it within the spec (e.g. 'putData:params'), so a
 * build step can emit every validator as code once and start-up can load it instead of compiling.
 */
export interface SchemaCompiler {
  compile(kind: SchemaKind, key: string, schema: JsonSchema): ValidateFunction;
}

/**
 * Rewrites the spec's component refs so either Ajv instance resolves them, and guards integers so a
 * coerced parameter must be written in decimal (decimalIntegers.ts); to an exact body the guard is moot.
 */
export function prepareSchema(spec: Spec, schema: JsonSchema | undefined): JsonSchema {
  return schema === undefined ? {} : decimalIntegers(rewriteRefs(schema, componentsId(spec)));
}

/** Compiles with the process's shared Ajv pair (tests, and a start-up without a build). */
export function ajvCompiler(spec: Spec): SchemaCompiler {
  const id = componentsId(spec);
  shared ??= { params: makeAjv(true), exact: makeAjv(false) };
  const instances = { params: withComponents(shared.params, spec, id), exact: withComponents(shared.exact, spec, id) };
  return { compile: (kind, _key, schema) => instances[kind].compile(prepareSchema(spec, schema)) };
}

function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Turns Ajv errors into Problems. `split` says whether the instance was the {path,query,headers}
 * envelope (its first pointer segment names the location) or a body.
 */
export function toProblems(errors: ErrorObject[] | null | undefined, location: ParamLocation | 'split'): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const raw of errors ?? []) {
    // The decimal guard fails exactly where the integer type does: one problem, the type's.
    const e: ErrorObject = isDecimalGuard(raw) ? { ...raw, keyword: 'type', params: { type: 'integer' }, message: 'must be integer' } : raw;
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${escapePointer((e.params as { missingProperty: string }).missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${escapePointer((e.params as { additionalProperty: string }).additionalProperty)}`;
    let where: ParamLocation = location === 'split' ? 'body' : location;
    if (location === 'split') {
      const [, head, ...rest] = pointer.split('/');
      where = head === 'headers' ? 'header' : (head as ParamLocation);
      pointer = rest.length ? `/${rest.join('/')}` : '';
    }
    const key = `${where}${pointer}${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ in: where, field: fieldOf(pointer), pointer, keyword: e.keyword, message: describe(e) });
  }
  return problems;
}

function escapePointer(segment: string): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties') return `must not have property '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'enum') return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}
