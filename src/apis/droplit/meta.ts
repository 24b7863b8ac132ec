import type { Headers } from '../../core/types';
import type { Meta } from './store';

// The system metadata prefix: system keys are stored as `$key`; a client may name them with its own prefix
// for one request. `$.` (the documented default) and `$` both mean "as stored".

const STORED_PREFIX = '$';
const DEFAULT_PREFIXES = new Set(['$.', '$']);

/** The effective prefix from the raw request headers, or undefined when keys pass through unchanged. */
export function systemPrefix(headers: Headers): string | undefined {
  // The raw headers, not the validated ones: the validator fills in the spec's default for both names,
  // which would hide which one the client really sent.
  const prefix = headers['x-system-metadata-prefix'] ?? headers['x-system-meta-prefix'];
  return prefix === undefined || DEFAULT_PREFIXES.has(prefix) ? undefined : prefix;
}

function renameTopLevel(meta: Meta, from: string, to: string): Meta {
  // fromEntries defines own properties, so a `__proto__` key stays a plain key.
  return Object.fromEntries(Object.entries(meta).map(([key, value]) => [key.startsWith(from) ? to + key.slice(from.length) : key, value]));
}

export function metaIn(meta: Meta, prefix: string | undefined): Meta {
  return prefix === undefined ? meta : renameTopLevel(meta, prefix, STORED_PREFIX);
}

export function metaOut(meta: Meta, prefix: string | undefined): Meta {
  return prefix === undefined ? meta : renameTopLevel(meta, STORED_PREFIX, prefix);
}
