import { STANDIN_ERROR_HEADER, statusOf } from '../core/standinErrors';
import type { Upstream } from './upstream';

/**
 * The vendor's own envelope for "cannot be reached", at 502: the module renders its unavailable
 * error, and an envelope that repeats the status in its body repeats 502.
 */
export function unreachableAnswer(up: Upstream, message: string): { status: number; headers: Record<string, string>; body: string } {
  const rendered = up.module.renderError({ kind: 'unavailable', message }, { clock: { now: () => new Date() } });
  let body = rendered.body as Record<string, unknown> | string | undefined;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body) && body.status === rendered.status)
    body = { ...body, status: statusOf('UpstreamUnreachable') };
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', [STANDIN_ERROR_HEADER]: 'UpstreamUnreachable' };
  for (const [name, value] of Object.entries(rendered.headers ?? {})) if (name.toLowerCase() !== 'content-length') headers[name.toLowerCase()] = value;
  return { status: statusOf('UpstreamUnreachable'), headers, body: text };
}
