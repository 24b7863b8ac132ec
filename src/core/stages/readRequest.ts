import type { SpecOperation } from '../spec';
import type { EngineError, EngineRequest, Headers } from '../types';
import { readBody } from './readBody';
import type { EngineParts } from './parts';

/** Parameters coerced to their schema types and the body as read: what the handler is given. */
export interface RequestValues {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Headers;
  body: unknown;
  mediaType?: string;
}

/**
 * Validates path, query, headers and body against the operation; every problem found is one 400.
 * Coercion writes into what it validates, so the query and headers are copied first, and only for an
 * operation that declares some (the journal keeps the request's own); the path params are the router's, made per request.
 */
export function readRequest(parts: EngineParts, op: SpecOperation, request: EngineRequest, params: Record<string, string>): RequestValues | EngineError {
  const v = parts.validators.operations.get(op.operationId)!;
  const input = {
    path: params as Record<string, unknown> as Record<string, string>,
    query: (v.declares.query ? { ...request.query } : request.query) as Record<string, unknown>,
    headers: (v.declares.header ? { ...request.headers } : request.headers) as Record<string, unknown>,
  };
  const paramProblems = v.params(input);
  const body = readBody(parts.module, op, request, v);
  if (!body.ok) return body.error;
  if (paramProblems.length || body.problems.length) return { kind: 'validation', problems: [...paramProblems, ...body.problems] };
  return { params: input.path, query: input.query, headers: input.headers as Headers, body: body.body, mediaType: body.mediaType };
}
