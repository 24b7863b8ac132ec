import { MAX_META_DEPTH, metaTooDeep } from './metaDepth';

/** `meta` whose objects (or arrays) go `levels` deep, counting meta itself as level 1. */
function nestedMeta(levels: number, wrap: (inner: unknown) => unknown = (inner) => ({ a: inner })): Record<string, unknown> {
  let value: unknown = {};
  for (let i = 1; i < levels; i++) value = wrap(value);
  return value as Record<string, unknown>;
}

describe('metaTooDeep', () => {
  it(`accepts ${MAX_META_DEPTH} levels and refuses one more, for objects and arrays`, () => {
    expect(metaTooDeep(nestedMeta(MAX_META_DEPTH))).toBe(false);
    expect(metaTooDeep(nestedMeta(MAX_META_DEPTH + 1))).toBe(true);
    expect(metaTooDeep({ list: nestedMeta(MAX_META_DEPTH - 1, (inner) => [inner]) })).toBe(false);
    expect(metaTooDeep({ list: nestedMeta(MAX_META_DEPTH, (inner) => [1, inner]) })).toBe(true);
  });

  it('finds the deep branch among shallow siblings', () => {
    expect(metaTooDeep({ a: 1, b: { c: 'x' }, d: nestedMeta(MAX_META_DEPTH) })).toBe(true);
  });

  it('scalars and flat objects are not deep', () => {
    expect(metaTooDeep(undefined)).toBe(false);
    expect(metaTooDeep(null)).toBe(false);
    expect(metaTooDeep({ $label: 'x', n: 1, on: true, none: null })).toBe(false);
  });

  it('walks 100 000 levels without exhausting the stack', () => {
    expect(metaTooDeep(nestedMeta(100_000))).toBe(true);
  });
});
