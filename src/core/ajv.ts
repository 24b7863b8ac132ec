import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema, Spec } from './spec';
import type { ParamLocation, Problem } from './types';

// One pair of Ajv instances per spec, built once at start-up. Parameters arrive as strings, so
// their instance coerces ('1' -> 1, 'a' -> ['a']); bodies and responses must be exactly right, so
// theirs does not.

const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];

export function componentsId(spec: Spec): string {
  return `urn:standin:${encodeURIComponent(spec.title)}`;
}

/** Rewrites '#/components/schemas/X' so the ref points into the schema Ajv knows the components by. */
export function rewriteRefs(schema: unknown, baseId: string): any {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(s, baseId));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      out[key] = `${baseId}#/$defs/${value.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(value, baseId);
    }
  }
  return out;
}

function makeAjv(spec: Spec, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
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
  const id = componentsId(spec);
  ajv.addSchema({ $id: id, $defs: rewriteRefs(spec.schemas, id) });
  return ajv;
}

export interface SpecAjv {
  params: Ajv2020;
  exact: Ajv2020;
  prepare(schema: JsonSchema | undefined): JsonSchema;
}

export function createSpecAjv(spec: Spec): SpecAjv {
  const id = componentsId(spec);
  return {
    params: makeAjv(spec, true),
    exact: makeAjv(spec, false),
    prepare: (schema) => (schema === undefined ? {} : rewriteRefs(schema, id)),
  };
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
  for (const e of errors ?? []) {
    let pointer = e.instancePath;
    if (e.keyword === 'required') pointer += `/${escapePointer((e.params as any).missingProperty)}`;
    if (e.keyword === 'additionalProperties') pointer += `/${escapePointer((e.params as any).additionalProperty)}`;
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
  if (e.keyword === 'additionalProperties') return `must not have property '${(e.params as any).additionalProperty}'`;
  if (e.keyword === 'enum') return `must be one of ${(e.params as any).allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}
