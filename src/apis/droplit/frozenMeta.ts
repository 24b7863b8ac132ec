/** An environment's free-form `meta` object. */
export type Meta = Record<string, unknown>;

// The store keeps its own copy of every `meta` it is given, so that the request (or a caller of the
// store) keeps no handle on stored state; answers then share that copy, so it is frozen all the way
// down and no caller can change stored state through an answer either. `meta` is JSON (parsed bodies
// and fixtures): a walk over plain objects and arrays costs a fraction of structuredClone's
// serialise-and-rebuild, which dominated a create. Depth is capped before this runs (metaDepth.ts).

function frozenCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = frozenCopy(value[i]);
    return Object.freeze(items);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Not JSON (no parsed body holds one): keep structuredClone's meaning for it.
  if (proto !== Object.prototype && proto !== null) return Object.freeze(structuredClone(value));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = frozenCopy((value as Record<string, unknown>)[key]);
    // A parsed `__proto__` key is an own property: define it, never assign it (which would set the prototype).
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return Object.freeze(copy);
}

/** A deep, frozen copy of `meta` for the store to keep. */
export function frozenMeta(meta: Meta): Meta {
  return frozenCopy(meta) as Meta;
}
