import type { ValidateFunction } from 'ajv';
import { ajvCompiler, type SchemaCompiler, toProblems } from './ajv';
import type { JsonSchema } from './openApiDocument';
import type { Spec, SpecMedia, SpecOperation, SpecResponse } from './spec';
import type { Problem } from './types';

// Every validator an operation needs, compiled once when the engine starts.

export interface ResponseProblem {
  pointer: string; // into the response: /status, /headers/<name>, /body/...
  message: string;
}

export interface OperationValidators {
  /** Whether the operation declares query and header parameters (only then are they coerced, so copied first). */
  declares: { query: boolean; header: boolean };
  /** Validates (and coerces in place) path, query and header values. */
  params(input: { path: Record<string, string>; query: Record<string, unknown>; headers: Record<string, unknown> }): Problem[];
  /** The request media type the spec accepts for this content type, or undefined. */
  requestMedia(contentType: string): string | undefined;
  requestMediaTypes: string[];
  /** Top-level body fields the JSON schema requires (derived once, by validating {}). */
  requiredBodyFields: string[];
  body(mediaType: string, value: unknown): Problem[];
  /** Each step of response checking apart, so the contract suite can report them as separate checks. */
  responseStatus(status: number): ResponseProblem[];
  responseHeaders(status: number, headers: Record<string, string>): ResponseProblem[];
  responseContentType(status: number, contentType: string | undefined, hasBody: boolean): ResponseProblem[];
  /** Validates a JSON body against the documented schema (bytes and text are not schema-checked). */
  responseBody(status: number, contentType: string | undefined, body: unknown): ResponseProblem[];
  response(status: number, contentType: string | undefined, body: unknown, headers: Record<string, string>): ResponseProblem[];
}

/** Content types seen, by the few values a process meets; bounded, since a client may send any. */
const MEDIA_TYPES = new Map<string, string>();
const MAX_MEDIA_TYPES = 256;

export function mediaTypeOf(contentType: string | undefined): string {
  const raw = contentType ?? '';
  let media = MEDIA_TYPES.get(raw);
  if (media === undefined) {
    media = raw.split(';')[0].trim().toLowerCase();
    if (MEDIA_TYPES.size < MAX_MEDIA_TYPES) MEDIA_TYPES.set(raw, media);
  }
  return media;
}

export function isJsonMedia(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

function findMedia(content: Record<string, unknown>, mediaType: string): string | undefined {
  if (mediaType in content) return mediaType;
  const wildcard = `${mediaType.split('/')[0]}/*`;
  if (wildcard in content) return wildcard;
  return '*/*' in content ? '*/*' : undefined;
}

/**
 * Whether a response carries `lowerName`, whatever the case of the handler's key: handlers may use
 * a vendor's documented casing (node keeps it on the wire), while the spec's names are lowered once.
 */
function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  if (headers[lowerName] !== undefined) return true;
  for (const name in headers) if (headers[name] !== undefined && name.toLowerCase() === lowerName) return true;
  return false;
}

export function findResponse(op: SpecOperation, status: number): SpecResponse | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

function paramsSchema(op: SpecOperation): JsonSchema {
  const part = (where: 'path' | 'query' | 'header') => {
    const params = op.parameters.filter((p) => p.in === where);
    const name = (n: string) => (where === 'header' ? n.toLowerCase() : n);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [name(p.name), p.schema])),
      required: params.filter((p) => p.required).map((p) => name(p.name)),
    };
  };
  return {
    type: 'object',
    properties: { path: part('path'), query: part('query'), headers: part('header') },
  };
}

function compileMedia(compiler: SchemaCompiler, key: string, content: Record<string, SpecMedia>): Map<string, ValidateFunction | null> {
  const out = new Map<string, ValidateFunction | null>();
  for (const [type, media] of Object.entries(content)) {
    // Only JSON bodies are checked against their schema; bytes and text are opaque to the spec.
    out.set(type, isJsonMedia(type) && media.schema !== undefined ? compiler.compile('exact', `${key}:${type}`, media.schema) : null);
  }
  return out;
}

function compileOperation(compiler: SchemaCompiler, op: SpecOperation): OperationValidators {
  const id = op.operationId;
  const validateParams = compiler.compile('params', `${id}:params`, paramsSchema(op));
  const bodies = compileMedia(compiler, `${id}:request`, op.requestBody?.content ?? {});
  const responses = new Map<SpecResponse, Map<string, ValidateFunction | null>>();
  for (const [status, response] of Object.entries(op.responses)) responses.set(response, compileMedia(compiler, `${id}:${status}`, response.content));
  const documented = Object.keys(op.responses).join(', ');
  const requestContent = Object.fromEntries(bodies);
  // Per status, what checking an answer needs, found once: a handler answers with a handful of statuses.
  const plans = new Map<number, ResponsePlan>();
  const planFor = (status: number): ResponsePlan | undefined => {
    let plan = plans.get(status);
    if (plan) return plan;
    const spec = findResponse(op, status);
    if (!spec) return undefined;
    const required = Object.entries(spec.headers)
      .filter(([, header]) => header.required)
      .map(([name]) => name);
    plan = { spec, media: responses.get(spec)!, required, bodyOptional: '*/*' in spec.content };
    if (Number.isInteger(status) && status >= 100 && status <= 599) plans.set(status, plan);
    return plan;
  };
  const jsonType = [...bodies.keys()].find(isJsonMedia);
  const jsonValidate = jsonType ? bodies.get(jsonType) : undefined;
  const requiredBodyFields =
    jsonValidate && !jsonValidate({})
      ? toProblems(jsonValidate.errors, 'body')
          .filter((p) => p.keyword === 'required')
          .map((p) => p.field)
      : [];

  return {
    declares: { query: op.parameters.some((p) => p.in === 'query'), header: op.parameters.some((p) => p.in === 'header') },
    params(input) {
      return validateParams(input) ? [] : toProblems(validateParams.errors, 'split');
    },
    requestMediaTypes: [...bodies.keys()],
    requiredBodyFields,
    requestMedia: (contentType) => findMedia(requestContent, mediaTypeOf(contentType)),
    body(mediaType, value) {
      const validate = bodies.get(mediaType);
      return !validate || validate(value) ? [] : toProblems(validate.errors, 'body');
    },
    responseStatus(status) {
      return findResponse(op, status)
        ? []
        : [{ pointer: '/status', message: `status ${status} is not documented for ${op.operationId} (documented: ${documented})` }];
    },
    responseHeaders(status, headers) {
      const spec = findResponse(op, status);
      if (!spec) return [];
      return Object.entries(spec.headers)
        .filter(([name, header]) => header.required && !hasHeader(headers, name))
        .map(([name]) => ({ pointer: `/headers/${name}`, message: `required header ${name} is missing` }));
    },
    responseContentType(status, contentType, hasBody) {
      const spec = findResponse(op, status);
      if (!spec) return [];
      const media = responses.get(spec)!;
      if (!hasBody) {
        return media.size > 0 && !('*/*' in spec.content)
          ? [{ pointer: '/body', message: `a body is documented (${[...media.keys()].join(', ')}) but none was sent` }]
          : [];
      }
      if (findMedia(spec.content, mediaTypeOf(contentType))) return [];
      const expected = [...media.keys()].join(', ') || 'no body';
      return [
        { pointer: '/headers/content-type', message: `content type ${contentType ?? '(none)'} is not documented for ${status} (documented: ${expected})` },
      ];
    },
    responseBody(status, contentType, body) {
      const spec = findResponse(op, status);
      const type = spec && findMedia(spec.content, mediaTypeOf(contentType));
      const validate = type ? responses.get(spec)!.get(type) : undefined;
      if (!validate || validate(body)) return [];
      return toProblems(validate.errors, 'body').map((p) => ({ pointer: `/body${p.pointer}`, message: p.message }));
    },
    // The four checks above in one pass over a plan found once per status, in the order they report:
    // missing headers, then the content type, then (only when the type is right) the body's schema.
    response(status, contentType, body, headers) {
      const plan = planFor(status);
      if (!plan) return this.responseStatus(status);
      const problems: ResponseProblem[] = [];
      for (const name of plan.required)
        if (!hasHeader(headers, name)) problems.push({ pointer: `/headers/${name}`, message: `required header ${name} is missing` });
      if (body === undefined) {
        if (plan.media.size > 0 && !plan.bodyOptional) problems.push(...this.responseContentType(status, contentType, false));
        return problems;
      }
      const type = findMedia(plan.spec.content, mediaTypeOf(contentType));
      if (!type) {
        problems.push(...this.responseContentType(status, contentType, true));
        return problems;
      }
      const validate = plan.media.get(type);
      if (validate && !validate(body)) problems.push(...this.responseBody(status, contentType, body));
      return problems;
    },
  };
}

interface ResponsePlan {
  spec: SpecResponse;
  media: Map<string, ValidateFunction | null>;
  /** Lower-case names of the headers the spec requires. */
  required: string[];
  /** A response documented with a wildcard (star/star) media type may come without a body. */
  bodyOptional: boolean;
}

export interface SpecValidators {
  operations: Map<string, OperationValidators>;
  /** The vendor's error component, used to check envelopes the engine builds itself. */
  error?: ValidateFunction;
}

export function compileSpec(spec: Spec, compiler: SchemaCompiler = ajvCompiler(spec)): SpecValidators {
  const operations = new Map<string, OperationValidators>();
  for (const op of spec.operations) operations.set(op.operationId, compileOperation(compiler, op));
  const error = spec.schemas.Error === undefined ? undefined : compiler.compile('exact', 'Error', { $ref: '#/components/schemas/Error' });
  return { operations, error };
}
