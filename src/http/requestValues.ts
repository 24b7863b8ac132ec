import type { IncomingMessage } from 'node:http';
import type { Query } from '../core/types';

/**
 * The pairs of a query as a URL's searchParams reads them. Without '%' or '+' there is nothing to decode,
 * and splitting on '&' and the first '=' (empty pieces skipped) is the whole of the WHATWG algorithm.
 */
function pairs(raw: string): Iterable<[string, string]> {
  // Given a string, URLSearchParams drops one leading '?', which a URL's own query keeps ('/x??a=1' has
  // the key '?a', as PHP and Express read it too): doubled, the one dropped is the one added.
  if (raw.includes('%') || raw.includes('+')) return new URLSearchParams(raw.startsWith('?') ? `?${raw}` : raw);
  const out: [string, string][] = [];
  for (const piece of raw.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    out.push(eq === -1 ? [piece, ''] : [piece.slice(0, eq), piece.slice(eq + 1)]);
  }
  return out;
}

export function parseQuery(raw: string): Query {
  const query: Query = {};
  if (!raw) return query;
  for (const [rawKey, value] of pairs(raw)) {
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
  const headers = req.headers;
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
