// How deep `meta` may nest. The vendor publishes only a 16 MB record limit; its filter language is a
// document store's, and document stores commonly refuse records nested more than 100 levels. The
// environment record is level 1, so `meta` itself is level 2 and its contents may go 99 levels deep.
// Without a cap, a deeply nested `meta` overflowed the stack when it was copied into the store.

export const MAX_META_DEPTH = 99;

/** Whether `meta` (level 1) holds objects or arrays deeper than MAX_META_DEPTH. Iterative: no input can exhaust the stack. */
export function metaTooDeep(meta: unknown): boolean {
  if (meta === null || typeof meta !== 'object') return false;
  // Only objects and arrays are pushed; indexed loops and for-in (JSON objects have no inherited
  // enumerable keys) keep this at about a tenth of the structuredClone the store does next.
  const values: object[] = [meta];
  const depths: number[] = [1];
  const visit = (child: unknown, depth: number) => {
    if (child !== null && typeof child === 'object') {
      values.push(child);
      depths.push(depth);
    }
  };
  while (values.length) {
    const value = values.pop() as Record<string, unknown> | unknown[];
    const depth = depths.pop()!;
    if (depth > MAX_META_DEPTH) return true;
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visit(value[i], depth + 1);
    else for (const key in value) visit(value[key], depth + 1);
  }
  return false;
}
