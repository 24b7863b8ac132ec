import { frozenMeta } from './frozenMeta';
import { DroplitStore } from './store';

const ECO = 'C1';

function store(): DroplitStore {
  return new DroplitStore({ tokens: [], ecosystems: [{ id: ECO }], environments: [] });
}

function deepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

describe('frozenMeta', () => {
  it('is a deep copy equal to structuredClone, key order included', () => {
    const meta = JSON.parse('{"b":1,"a":{"x":[1,"two",null,true,{"y":[[]]}]},"2":"n","1":false}');
    const copy = frozenMeta(meta);
    expect(copy).toStrictEqual(structuredClone(meta));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(meta));
    expect(copy).not.toBe(meta);
    expect((copy.a as { x: unknown[] }).x).not.toBe((meta.a as { x: unknown[] }).x);
    expect(deepFrozen(copy)).toBe(true);
    expect(Object.isFrozen(meta)).toBe(false);
  });

  it('keeps a parsed __proto__ key as a plain own key', () => {
    const meta = JSON.parse('{"__proto__":{"polluted":1},"k":{"__proto__":[1]}}');
    const copy = frozenMeta(meta);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'k']);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":1},"k":{"__proto__":[1]}}');
  });
});

describe('DroplitStore meta', () => {
  it('keeps its own frozen copy on create and update: neither the input nor an answer can change stored state', () => {
    const s = store();
    const input = { k: { n: [1] } } as Record<string, unknown>;
    const created = s.create({ ecosystemId: ECO, meta: input }, () => 'E1', '2024-05-01T12:00:00.000Z');
    if (!created.ok) throw new Error('create refused');
    (input.k as { n: number[] }).n.push(2);
    input.extra = true;
    expect(s.get('E1')!.meta).toEqual({ k: { n: [1] } });
    expect(deepFrozen(s.get('E1')!.meta)).toBe(true);
    // An answer shares the stored meta: a write through it throws (strict mode) and changes nothing.
    expect(() => ((created.environment.meta.k as { n: number[] }).n[0] = 9)).toThrow(TypeError);
    expect(s.get('E1')!.meta).toEqual({ k: { n: [1] } });

    const patch = { a: [{ b: 1 }] };
    s.update('E1', { meta: patch });
    patch.a[0].b = 2;
    expect(s.get('E1')!.meta).toEqual({ a: [{ b: 1 }] });
    expect(deepFrozen(s.get('E1')!.meta)).toBe(true);
    s.update('E1', { meta: null });
    expect(s.get('E1')!.meta).toEqual({});
    expect(Object.isFrozen(s.get('E1')!.meta)).toBe(true);
  });

  it('hands out mutable copies in the state dump', () => {
    const s = store();
    s.create({ ecosystemId: ECO, meta: { k: 'v' } }, () => 'E1', '2024-05-01T12:00:00.000Z');
    const dump = s.dump() as { ecosystems: Array<{ environments: Array<{ meta: Record<string, unknown> }> }> };
    const meta = dump.ecosystems[0].environments[0].meta;
    meta.k = 'changed';
    expect(s.get('E1')!.meta).toEqual({ k: 'v' });
  });
});
