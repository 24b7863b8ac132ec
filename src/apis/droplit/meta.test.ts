import { metaIn, metaOut, systemPrefix } from './meta';

describe('system metadata prefix', () => {
  it('defaults to passing keys through ($. and $ alike)', () => {
    expect(systemPrefix({})).toBeUndefined();
    expect(systemPrefix({ 'x-system-metadata-prefix': '$.' })).toBeUndefined();
    expect(systemPrefix({ 'x-system-meta-prefix': '$' })).toBeUndefined();
  });

  it('x-system-metadata-prefix wins over x-system-meta-prefix', () => {
    expect(systemPrefix({ 'x-system-metadata-prefix': 'sys_', 'x-system-meta-prefix': 'other_' })).toBe('sys_');
    expect(systemPrefix({ 'x-system-meta-prefix': 'other_' })).toBe('other_');
  });

  it('translates top-level keys in and out', () => {
    expect(metaIn({ sys_label: 'L', name: 'n', nested: { sys_x: 1 } }, 'sys_')).toEqual({ $label: 'L', name: 'n', nested: { sys_x: 1 } });
    expect(metaOut({ $label: 'L', name: 'n' }, 'sys_')).toEqual({ sys_label: 'L', name: 'n' });
  });

  it('keeps a __proto__ key as a plain key', () => {
    const meta = JSON.parse('{"__proto__": {"polluted": true}, "sys_a": 1}');
    const out = metaIn(meta, 'sys_');
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', '$a']);
  });
});
