import type { IncomingMessage } from 'node:http';
import type { Query } from '../core/types';

export function parseQuery(raw: string): Query {
  const query: Query = {};
  if (!raw) return query;
  for (const [rawKey, value] of new URLSearchParams(raw)) {
    // PHP-style clients send tags[]=a&tags[]=b; both forms mean the same list.
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const existing = query[key];
    if (existing === undefined) query[key] = rawKey.endsWith('[]') ? [value] : value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

/** Header values as one string each (a repeated header joined by ', '), under node's lower-case names. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
