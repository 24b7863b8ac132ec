import type { SpecOperation } from '../core/spec';
import { readBody } from '../core/stages/readBody';
import type { EngineRequest } from '../core/types';
import { isJsonMedia, mediaTypeOf, type OperationValidators } from '../core/validators';
import type { Upstream } from './upstream';

// Both sides of a proxied exchange checked with the validators the mock uses, compiled once.

export interface Violation {
  in: 'request' | 'response';
  pointer: string;
  message: string;
}

export interface RequestCheck {
  operation?: SpecOperation;
  params: Record<string, string>;
  violations: Violation[];
}

/** Not a violation, but said where violations are, so nobody reads "no problems" into an unread body. */
const notChecked = (where: 'request' | 'response', cap: number): Violation => ({
  in: where,
  pointer: '/body',
  message: `not checked: body over ${cap} bytes`,
});

export const isNotChecked = (v: Violation) => v.message.startsWith('not checked:');

/** The operation a request names, with what breaks the spec in its parameters and body. */
export function checkRequest(up: Upstream, request: EngineRequest, cap: number, truncated: boolean): RequestCheck {
  const path = up.module.rewritePath ? up.module.rewritePath(request.path) : request.path;
  const match = up.router.match(request.method, path);
  if (match.kind !== 'found') {
    const message =
      match.kind === 'notFound'
        ? `no operation of ${up.api}'s spec has the path ${path}`
        : `${request.method} is not documented for ${path} (documented: ${match.allow.join(', ')})`;
    return { params: {}, violations: [{ in: 'request', pointer: '', message }] };
  }
  const op = match.operation;
  const v = up.validators.operations.get(op.operationId)!;
  const input = {
    path: { ...match.params },
    query: { ...request.query } as Record<string, unknown>,
    headers: { ...request.headers } as Record<string, unknown>,
  };
  const problems = v.params(input).map((p) => ({ in: 'request' as const, pointer: `/${p.in}${p.pointer}`, message: `${p.field || p.in} ${p.message}` }));
  if (truncated) return { operation: op, params: match.params, violations: [...problems, notChecked('request', cap)] };
  const body = readBody(up.module, op, request, v);
  if (!body.ok) {
    const error = body.error;
    const message =
      'message' in error
        ? error.message
        : error.kind === 'unsupportedMediaType'
          ? `content type ${error.contentType || '(none)'} is not documented (documented: ${error.expected.join(', ')})`
          : error.kind;
    problems.push({ in: 'request', pointer: '/body', message });
  } else for (const p of body.problems) problems.push({ in: 'request', pointer: `/body${p.pointer}`, message: `${p.field || 'body'} ${p.message}` });
  return { operation: op, params: match.params, violations: problems };
}

/** A response body as the validators read it: parsed JSON for a JSON media type, else the bytes. */
function responseValue(contentType: string | undefined, body: Buffer | undefined): { ok: true; value: unknown } | { ok: false; message: string } {
  if (body === undefined || body.length === 0) return { ok: true, value: undefined };
  if (!isJsonMedia(mediaTypeOf(contentType))) return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch (e) {
    return { ok: false, message: `the body is not valid JSON: ${(e as Error).message}` };
  }
}

/** The vendor's answer against the operation's documented responses; the body only when it was kept whole. */
export function checkResponse(
  v: OperationValidators,
  status: number,
  headers: Record<string, string>,
  body: Buffer | undefined,
  cap: number,
  truncated: boolean,
): Violation[] {
  const contentType = headers['content-type'];
  const toViolation = (p: { pointer: string; message: string }): Violation => ({ in: 'response', pointer: p.pointer, message: p.message });
  if (truncated) {
    const status_ = v.responseStatus(status);
    if (status_.length) return [...status_.map(toViolation), notChecked('response', cap)];
    return [...v.responseHeaders(status, headers), ...v.responseContentType(status, contentType, true)].map(toViolation).concat(notChecked('response', cap));
  }
  const parsed = responseValue(contentType, body);
  if (!parsed.ok) {
    const early = v.responseStatus(status);
    return (early.length ? early : [{ pointer: '/body', message: parsed.message }]).map(toViolation);
  }
  return v.response(status, contentType, parsed.value, headers).map(toViolation);
}
