import { matches } from './filter';
import { parseFilter } from './parseFilter';

const env = {
  id: 'E1',
  ecosystemId: 'C1',
  alias: 'hall',
  meta: { $label: 'Production Hub', floor: 2, on: true, off: false, gone: null, tags: ['a', 'b'], nested: { x: 1 } },
  createdAt: '2024-05-01T12:00:00.000Z',
};
const bare = { id: 'E2', ecosystemId: 'C1', meta: {}, createdAt: '2017-06-16T03:08:44.404Z' };

function check(text: string, record: object = env): boolean {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(`did not parse: ${text} (${JSON.stringify(parsed.error)})`);
  return matches(parsed.filter, record);
}

describe('filter matching', () => {
  it('equals / eq compares a dotted field with a JSON literal', () => {
    expect(check('equals(meta.$label, "Production Hub")')).toBe(true);
    expect(check('eq(meta.$label, "production hub")')).toBe(false);
    expect(check('eq(meta.floor, 2)')).toBe(true);
    expect(check('eq(meta.on, true)')).toBe(true);
    expect(check('eq(alias, "hall")')).toBe(true);
    expect(check('eq(meta.nested.x, 1)')).toBe(true);
    expect(check('eq(meta.floor.x, 1)')).toBe(false);
  });

  it('equals null matches null and missing fields', () => {
    expect(check('eq(meta.gone, null)')).toBe(true);
    expect(check('eq(alias, null)', bare)).toBe(true);
    expect(check('eq(alias, null)')).toBe(false);
  });

  it('arrays and objects never equal a literal', () => {
    expect(check('eq(meta.tags, "a")')).toBe(false);
    expect(check('eq(meta.nested, null)')).toBe(false);
  });

  it('notequals / ne is the negation of equals', () => {
    expect(check('notequals(alias, "hall")')).toBe(false);
    expect(check('ne(alias, "hall")', bare)).toBe(true);
    expect(check('ne(alias, null)', bare)).toBe(false);
    expect(check('ne(meta.gone, null)')).toBe(false);
  });

  it('exists / notexists: present (even as null) / absent', () => {
    expect(check('exists(alias)')).toBe(true);
    expect(check('exists(alias)', bare)).toBe(false);
    expect(check('exists(meta.gone)')).toBe(true);
    expect(check('notexists(meta.$label)', bare)).toBe(true);
    expect(check('notexists(meta.$label)')).toBe(false);
  });

  it('contains / ncontains: substring of a string field', () => {
    expect(check('contains(meta.$label, "Hub")')).toBe(true);
    expect(check('contains(meta.floor, "2")')).toBe(false);
    expect(check('ncontains(meta.$label, "Hub")')).toBe(false);
    expect(check('ncontains(meta.$label, "Test")')).toBe(true);
  });

  it('lessthan / lt compares numbers, strings and booleans of the literal type only', () => {
    expect(check('lessthan(meta.floor, 3)')).toBe(true);
    expect(check('lt(meta.floor, 2)')).toBe(false);
    expect(check('lt(meta.floor, "3")')).toBe(false);
    expect(check('lt(meta.$label, "Q")')).toBe(true);
    expect(check('lt(meta.off, true)')).toBe(true);
    expect(check('lt(meta.missing, 3)')).toBe(false);
    expect(check('lt(meta.gone, null)')).toBe(false);
  });

  it('lessthanorequal / lte includes equality; with null it means "is null or missing"', () => {
    expect(check('lessthanorequal(meta.floor, 2)')).toBe(true);
    expect(check('lte(meta.floor, 1)')).toBe(false);
    expect(check('lte(meta.gone, null)')).toBe(true);
    expect(check('lte(meta.missing, null)')).toBe(true);
    expect(check('lte(meta.floor, null)')).toBe(false);
  });

  it('greaterthan / gt, and ISO createdAt values compare by time', () => {
    expect(check('greaterthan(meta.floor, 1)')).toBe(true);
    expect(check('gt(meta.floor, 2)')).toBe(false);
    expect(check('gt(createdAt, "2020-01-01T00:00:00.000Z")')).toBe(true);
    expect(check('gt(createdAt, "2020-01-01T00:00:00.000Z")', bare)).toBe(false);
    expect(check('gt(meta.nested, 0)')).toBe(false);
    expect(check('gt(meta.gone, null)')).toBe(false);
  });

  it('greaterthanorequal / gte includes equality', () => {
    expect(check('greaterthanorequal(meta.floor, 2)')).toBe(true);
    expect(check('gte(meta.floor, 3)')).toBe(false);
    expect(check('gte(meta.gone, null)')).toBe(true);
  });

  it('in matches when the field equals one of the listed literals', () => {
    expect(check('in(alias, ["den", "hall"])')).toBe(true);
    expect(check('in(alias, ["den"])')).toBe(false);
    expect(check('in(alias, [])')).toBe(false);
    expect(check('in(meta.floor, [1, 2, 3])')).toBe(true);
    expect(check('in(alias, [null, "x"])', bare)).toBe(true);
  });

  it('notin / nin is the negation of in, so it matches a missing field', () => {
    expect(check('notin(alias, ["den", "hall"])')).toBe(false);
    expect(check('nin(alias, ["den"])')).toBe(true);
    expect(check('nin(alias, ["den"])', bare)).toBe(true);
    expect(check('nin(alias, [])')).toBe(true);
  });

  it('type matches the JSON type of the field; a missing field has none', () => {
    expect(check('type(meta.$label, string)')).toBe(true);
    expect(check('type(meta.floor, "number")')).toBe(true);
    expect(check('type(meta.on, boolean)')).toBe(true);
    expect(check('type(meta.nested, object)')).toBe(true);
    expect(check('type(meta.tags, array)')).toBe(true);
    expect(check('type(meta.tags, object)')).toBe(false);
    expect(check('type(meta.gone, null)')).toBe(true);
    expect(check('type(meta.missing, null)')).toBe(false);
    expect(check('TYPE(meta.floor, string)')).toBe(false);
  });

  it('and, or, nor, not combine filters', () => {
    expect(check('and(eq(alias, "hall"), exists(meta.$label))')).toBe(true);
    expect(check('and(eq(alias, "hall"), notexists(meta.$label))')).toBe(false);
    expect(check('or(eq(alias, "x"), eq(meta.floor, 2), eq(alias, "y"))')).toBe(true);
    expect(check('nor(eq(alias, "x"), eq(meta.floor, 3))')).toBe(true);
    expect(check('nor(eq(alias, "x"), eq(meta.floor, 2))')).toBe(false);
    expect(check('not(eq(alias, "hall"))')).toBe(false);
  });

  it('does not reach into the object prototype', () => {
    expect(check('exists(meta.constructor)')).toBe(false);
    expect(check('exists(meta.__proto__)')).toBe(false);
    expect(check('type(meta.toString, object)')).toBe(false);
  });
});
