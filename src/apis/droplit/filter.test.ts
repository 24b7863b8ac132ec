import { matches, parseFilter } from './filter';

const env = { id: 'E1', ecosystemId: 'C1', alias: 'hall', meta: { $label: 'Production Hub', floor: 2, on: true, gone: null }, createdAt: 'x' };
const bare = { id: 'E2', ecosystemId: 'C1', meta: {}, createdAt: 'x' };

function check(text: string, record: object = env): boolean {
  const filter = parseFilter(text);
  if (!filter) throw new Error(`did not parse: ${text}`);
  return matches(filter, record);
}

describe('filter', () => {
  it('eq compares a dotted field with a JSON literal', () => {
    expect(check('eq(meta.$label, "Production Hub")')).toBe(true);
    expect(check('eq(meta.$label, "production hub")')).toBe(false);
    expect(check('eq(meta.floor, 2)')).toBe(true);
    expect(check('eq(meta.on, true)')).toBe(true);
    expect(check('eq(alias, "hall")')).toBe(true);
  });

  it('eq with null matches null and missing fields', () => {
    expect(check('eq(meta.gone, null)')).toBe(true);
    expect(check('eq(alias, null)', bare)).toBe(true);
    expect(check('eq(alias, null)')).toBe(false);
  });

  it('ne, exists, notexists, contains', () => {
    expect(check('ne(alias, "hall")')).toBe(false);
    expect(check('ne(alias, "hall")', bare)).toBe(true);
    expect(check('exists(alias)')).toBe(true);
    expect(check('exists(alias)', bare)).toBe(false);
    expect(check('notexists(meta.$label)', bare)).toBe(true);
    expect(check('contains(meta.$label, "Hub")')).toBe(true);
    expect(check('contains(meta.floor, "2")')).toBe(false);
  });

  it('and, or, not combine filters', () => {
    expect(check('and(eq(alias, "hall"), exists(meta.$label))')).toBe(true);
    expect(check('and(eq(alias, "hall"), notexists(meta.$label))')).toBe(false);
    expect(check('or(eq(alias, "x"), eq(meta.floor, 2), eq(alias, "y"))')).toBe(true);
    expect(check('not(eq(alias, "hall"))')).toBe(false);
  });

  it('operator names are case-insensitive and the vendor long names work', () => {
    expect(check('EQ(alias, "hall")')).toBe(true);
    expect(check('Equals(alias, "hall")')).toBe(true);
    expect(check('NOTEQUALS(alias, "hall")')).toBe(false);
    expect(check('NContains(meta.$label, "Hub")')).toBe(false);
  });

  it('string literals use JSON escapes', () => {
    expect(check('eq(meta.q, "a \\"b\\" \\u0063")', { meta: { q: 'a "b" c' } })).toBe(true);
  });

  it('does not reach into the object prototype', () => {
    expect(check('exists(meta.constructor)')).toBe(false);
    expect(check('exists(meta.__proto__)')).toBe(false);
  });

  it.each([
    'invalid',
    'eq(alias)',
    'eq(alias, hall)',
    'eq(alias, "hall"',
    'eq(alias, "hall")x',
    'lessthan(meta.floor, 3)',
    'in(alias, "a")',
    'and()',
    'not(eq(alias, "a"), eq(alias, "b"))',
    'eq(, "a")',
    'eq(alias, 01)',
    'eq(alias, truex)',
    `${'not('.repeat(40)}exists(alias)${')'.repeat(40)}`,
  ])('refuses %s', (text) => {
    expect(parseFilter(text)).toBeUndefined();
  });

  it('a deeply nested filter within the limit parses', () => {
    expect(parseFilter(`${'not('.repeat(30)}exists(alias)${')'.repeat(30)}`)).toBeDefined();
  });
});
