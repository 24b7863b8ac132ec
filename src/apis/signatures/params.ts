import type { HandlerContext } from '../../core/module';

// ncanode reads every parameter through one accessor over the query string and the JSON body, on
// every method. The engine has already validated (and coerced) both against the spec.

/** Query and body merged; a field in the body wins over the same field in the query [standin choice]. */
export function mergedInput(ctx: Pick<HandlerContext<unknown>, 'query' | 'body'>): Record<string, unknown> {
  const body = ctx.body;
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body) ? (body as Record<string, unknown>) : {};
  return { ...ctx.query, ...fromBody };
}

/** A non-empty string, or undefined: the vendor treats '' like a missing parameter. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** PHP's (bool) cast, which the vendor applies to `count`: false, 0, '0', '' and absent are false. */
export function phpTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '' && value !== '0';
  return true;
}
