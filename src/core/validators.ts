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

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
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
  const jsonType = [...bodies.keys()].find(isJsonMedia);
  const jsonValidate = jsonType ? bodies.get(jsonType) : undefined;
  const requiredBodyFields =
    jsonValidate && !jsonValidate({})
      ? toProblems(jsonValidate.errors, 'body')
          .filter((p) => p.keyword === 'required')
          .map((p) => p.field)
      : [];

  return {
    params(input) {
      return validateParams(input) ? [] : toProblems(validateParams.errors, 'split');
    },
    requestMediaTypes: [...bodies.keys()],
    requiredBodyFields,
    requestMedia: (contentType) => findMedia(Object.fromEntries(bodies), mediaTypeOf(contentType)),
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
    response(status, contentType, body, headers) {
      const statusProblems = this.responseStatus(status);
      if (statusProblems.length) return statusProblems;
      const typeProblems = this.responseContentType(status, contentType, body !== undefined);
      return [
        ...this.responseHeaders(status, headers),
        ...typeProblems,
        ...(typeProblems.length || body === undefined ? [] : this.responseBody(status, contentType, body)),
      ];
    },
  };
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
