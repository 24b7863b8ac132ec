import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// A loaded OpenAPI document reduced to what the engine needs. Non-schema component refs
// (parameters, requestBodies, responses, headers) are resolved here once; schema refs are kept
// and handed to Ajv, which resolves them itself (and copes with recursion).

export type JsonSchema = Record<string, unknown> | boolean;

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
  document: Record<string, any>;
  schemas: Record<string, JsonSchema>;
  operations: SpecOperation[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function pointerGet(doc: any, ref: string): any {
  if (!ref.startsWith('#/')) throw new Error(`only local refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => {
      if (node == null || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
      return node[key];
    }, doc);
}

/** Follows a component ref (not a schema ref) until a real object is reached. */
function deref<T>(doc: any, value: any): T {
  let current = value;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${value.$ref}`);
    current = pointerGet(doc, current.$ref);
  }
  return current as T;
}

function readParameters(doc: any, list: any[] | undefined): SpecParameter[] {
  return (list ?? []).map((raw) => {
    const p = deref<any>(doc, raw);
    const schema = p.schema ?? {};
    const example = p.example ?? firstExample(doc, p.examples) ?? schema.examples?.[0] ?? schema.default ?? schema.enum?.[0];
    return { name: p.name, in: p.in, required: p.in === 'path' ? true : Boolean(p.required), schema, example };
  });
}

function readContent(doc: any, content: any): Record<string, SpecMedia> {
  const out: Record<string, SpecMedia> = {};
  for (const [type, media] of Object.entries<any>(content ?? {})) {
    const example = media.example !== undefined ? media.example : firstExample(doc, media.examples);
    out[type] = { schema: media.schema, example };
  }
  return out;
}

function firstExample(doc: any, examples: any): unknown {
  if (!examples) return undefined;
  const first = Object.values(examples)[0];
  return first === undefined ? undefined : deref<any>(doc, first).value;
}

function readResponses(doc: any, responses: any): Record<string, SpecResponse> {
  const out: Record<string, SpecResponse> = {};
  for (const [code, raw] of Object.entries<any>(responses ?? {})) {
    const r = deref<any>(doc, raw);
    const headers: SpecResponse['headers'] = {};
    for (const [name, h] of Object.entries<any>(r.headers ?? {})) {
      const header = deref<any>(doc, h);
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

export function parseSpec(document: Record<string, any>): Spec {
  const operations: SpecOperation[] = [];
  for (const [pathTemplate, rawItem] of Object.entries<any>(document.paths ?? {})) {
    const item = deref<any>(document, rawItem);
    const shared = readParameters(document, item.parameters);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
      const body = op.requestBody ? deref<any>(document, op.requestBody) : undefined;
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
