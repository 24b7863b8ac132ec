import type { ValidateFunction } from 'ajv';
import { createSpecAjv, toProblems, type SpecAjv } from './ajv';
import type { JsonSchema, Spec, SpecMedia, SpecOperation, SpecResponse } from './spec';
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

export function findResponse(op: SpecOperation, status: number): SpecResponse | undefined {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

function paramsSchema(ajv: SpecAjv, op: SpecOperation): JsonSchema {
  const part = (where: 'path' | 'query' | 'header') => {
    const params = op.parameters.filter((p) => p.in === where);
    const name = (n: string) => (where === 'header' ? n.toLowerCase() : n);
    return {
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [name(p.name), ajv.prepare(p.schema)])),
      required: params.filter((p) => p.required).map((p) => name(p.name)),
    };
  };
  return {
    type: 'object',
    properties: { path: part('path'), query: part('query'), headers: part('header') },
  };
}

function compileMedia(ajv: SpecAjv, content: Record<string, SpecMedia>): Map<string, ValidateFunction | null> {
  const out = new Map<string, ValidateFunction | null>();
  for (const [type, media] of Object.entries(content)) {
    // Only JSON bodies are checked against their schema; bytes and text are opaque to the spec.
    out.set(type, isJsonMedia(type) && media.schema !== undefined ? ajv.exact.compile(ajv.prepare(media.schema)) : null);
  }
  return out;
}

export function compileOperation(ajv: SpecAjv, op: SpecOperation): OperationValidators {
  const validateParams = ajv.params.compile(paramsSchema(ajv, op));
  const bodies = compileMedia(ajv, op.requestBody?.content ?? {});
  const responses = new Map<SpecResponse, Map<string, ValidateFunction | null>>();
  for (const response of Object.values(op.responses)) responses.set(response, compileMedia(ajv, response.content));
  const documented = Object.keys(op.responses).join(', ');
  const jsonType = [...bodies.keys()].find(isJsonMedia);
  const jsonValidate = jsonType ? bodies.get(jsonType) : undefined;
  const requiredBodyFields =
    jsonValidate && !jsonValidate({}) ? toProblems(jsonValidate.errors, 'body').filter((p) => p.keyword === 'required').map((p) => p.field) : [];

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
    response(status, contentType, body, headers) {
      const spec = findResponse(op, status);
      if (!spec) return [{ pointer: '/status', message: `status ${status} is not documented for ${op.operationId} (documented: ${documented})` }];
      const problems: ResponseProblem[] = [];
      for (const [name, header] of Object.entries(spec.headers)) {
        if (header.required && headers[name] === undefined) problems.push({ pointer: `/headers/${name}`, message: `required header ${name} is missing` });
      }
      const media = responses.get(spec)!;
      if (body === undefined) {
        if (media.size > 0 && !Object.keys(spec.content).some((t) => t === '*/*')) {
          problems.push({ pointer: '/body', message: `a body is documented (${[...media.keys()].join(', ')}) but none was sent` });
        }
        return problems;
      }
      const type = findMedia(spec.content, mediaTypeOf(contentType));
      if (!type) {
        const expected = [...media.keys()].join(', ') || 'no body';
        problems.push({ pointer: '/headers/content-type', message: `content type ${contentType ?? '(none)'} is not documented for ${status} (documented: ${expected})` });
        return problems;
      }
      const validate = media.get(type);
      if (validate && !validate(body)) {
        for (const p of toProblems(validate.errors, 'body')) problems.push({ pointer: `/body${p.pointer}`, message: p.message });
      }
      return problems;
    },
  };
}

export interface SpecValidators {
  operations: Map<string, OperationValidators>;
  /** The vendor's error component, used to check envelopes the engine builds itself. */
  error?: ValidateFunction;
}

export function compileSpec(spec: Spec): SpecValidators {
  const ajv = createSpecAjv(spec);
  const operations = new Map<string, OperationValidators>();
  for (const op of spec.operations) operations.set(op.operationId, compileOperation(ajv, op));
  const error = spec.schemas.Error === undefined ? undefined : ajv.exact.compile(ajv.prepare({ $ref: '#/components/schemas/Error' }));
  return { operations, error };
}
