import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type JsonSchema, METHODS, type OpenApiDocument, type OrRef, type RawMedia, type RawParameter, type RawResponse, type Ref } from './openApiDocument';

// A loaded OpenAPI document reduced to what the engine needs. Non-schema component refs
// (parameters, requestBodies, responses, headers) are resolved here once; schema refs are kept
// and handed to Ajv, which resolves them itself (and copes with recursion).

export interface SpecParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
  /** The parameter's example (or its schema's first example, default or enum value), for sample requests. */
  example?: unknown;
}

export interface SpecMedia {
  schema?: JsonSchema;
  example?: unknown;
}

export interface SpecResponse {
  description: string;
  content: Record<string, SpecMedia>;
  headers: Record<string, { required: boolean; schema?: JsonSchema }>;
}

export interface SpecOperation {
  operationId: string;
  method: string; // upper case
  pathTemplate: string;
  summary?: string;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; content: Record<string, SpecMedia> };
  responses: Record<string, SpecResponse>; // keys as written: '200', '4XX', 'default'
  security: Array<Record<string, string[]>>;
}

export interface Spec {
  title: string;
  document: OpenApiDocument;
  schemas: Record<string, JsonSchema>;
  operations: SpecOperation[];
}

function pointerGet(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      if (node == null || !(key in (node as object))) throw new Error(`unresolvable $ref ${ref}`);
      return (node as Record<string, unknown>)[key];
    }, doc);
}

const isRef = (value: unknown): value is Ref => Boolean(value) && typeof (value as Ref).$ref === 'string';

/** Follows a component ref (not a schema ref) until a real object is reached. */
function deref<T>(doc: OpenApiDocument, value: OrRef<T>): T {
  let current: unknown = value;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${(value as Ref).$ref}`);
    current = pointerGet(doc, current.$ref);
  }
  // A component ref names the kind of object found where it stands; the spec lint holds the specs to that.
  return current as T;
}

/** A schema's first example, default or enum value; a boolean schema has none. */
function schemaExample(schema: JsonSchema): unknown {
  const { examples, default: fallback, enum: values } = schema as { examples?: unknown[]; default?: unknown; enum?: unknown[] };
  return examples?.[0] ?? fallback ?? values?.[0];
}

function readParameters(doc: OpenApiDocument, list: OrRef<RawParameter>[] | undefined): SpecParameter[] {
  return (list ?? []).map((raw) => {
    const p = deref(doc, raw);
    const schema = p.schema ?? {};
    const example = p.example ?? firstExample(doc, p.examples) ?? schemaExample(schema);
    return { name: p.name, in: p.in as SpecParameter['in'], required: p.in === 'path' ? true : Boolean(p.required), schema, example };
  });
}

function readContent(doc: OpenApiDocument, content: Record<string, RawMedia> | undefined): Record<string, SpecMedia> {
  const out: Record<string, SpecMedia> = {};
  for (const [type, media] of Object.entries(content ?? {})) {
    const example = media.example !== undefined ? media.example : firstExample(doc, media.examples);
    out[type] = { schema: media.schema, example };
  }
  return out;
}

function firstExample(doc: OpenApiDocument, examples: RawMedia['examples']): unknown {
  if (!examples) return undefined;
  const first = Object.values(examples)[0];
  return first === undefined ? undefined : deref(doc, first).value;
}

function readResponses(doc: OpenApiDocument, responses: Record<string, OrRef<RawResponse>> | undefined): Record<string, SpecResponse> {
  const out: Record<string, SpecResponse> = {};
  for (const [code, raw] of Object.entries(responses ?? {})) {
    const r = deref(doc, raw);
    const headers: SpecResponse['headers'] = {};
    for (const [name, h] of Object.entries(r.headers ?? {})) {
      const header = deref(doc, h);
      headers[name.toLowerCase()] = { required: Boolean(header.required), schema: header.schema };
    }
    out[code] = { description: r.description ?? '', content: readContent(doc, r.content), headers };
  }
  return out;
}

/** Merges path-level and operation-level parameters; the operation's win (same name and location). */
function mergeParameters(pathLevel: SpecParameter[], opLevel: SpecParameter[]): SpecParameter[] {
  const key = (p: SpecParameter) => `${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`;
  const merged = new Map(pathLevel.map((p) => [key(p), p]));
  for (const p of opLevel) merged.set(key(p), p);
  return [...merged.values()];
}

export function parseSpec(document: OpenApiDocument): Spec {
  const operations: SpecOperation[] = [];
  for (const [pathTemplate, rawItem] of Object.entries(document.paths ?? {})) {
    const item = deref(document, rawItem);
    const shared = readParameters(document, item.parameters);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
      const body = op.requestBody ? deref(document, op.requestBody) : undefined;
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        summary: op.summary,
        parameters: mergeParameters(shared, readParameters(document, op.parameters)),
        requestBody: body ? { required: Boolean(body.required), content: readContent(document, body.content) } : undefined,
        responses: readResponses(document, op.responses),
        security: op.security ?? document.security ?? [],
      });
    }
  }
  return {
    title: document.info?.title ?? 'untitled',
    document,
    schemas: document.components?.schemas ?? {},
    operations,
  };
}

export function loadSpec(file: string): Spec {
  return parseSpec(parse(readFileSync(file, 'utf8')));
}
