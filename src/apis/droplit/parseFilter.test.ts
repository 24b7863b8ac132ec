import { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, OPERATOR_NAMES, parseFilter } from './parseFilter';

function refusal(text: string) {
  const parsed = parseFilter(text);
  if (parsed.ok) throw new Error(`parsed: ${text}`);
  return parsed.error;
}

const nested = (levels: number) => `${'not('.repeat(levels - 1)}exists(alias)${')'.repeat(levels - 1)}`;

describe('parseFilter', () => {
  it('builds each of the 17 vendor operators, names case-insensitive', () => {
    const cases: Array<[string, unknown]> = [
      [
        'AND(exists(a), exists(b))',
        {
          op: 'and',
          args: [
            { op: 'exists', field: ['a'] },
            { op: 'exists', field: ['b'] },
          ],
        },
      ],
      ['Or(exists(a))', { op: 'or', args: [{ op: 'exists', field: ['a'] }] }],
      [
        'nor(exists(a), exists(b))',
        {
          op: 'nor',
          args: [
            { op: 'exists', field: ['a'] },
            { op: 'exists', field: ['b'] },
          ],
        },
      ],
      ['not(exists(a))', { op: 'not', arg: { op: 'exists', field: ['a'] } }],
      ['equals(meta.$label, "x")', { op: 'eq', field: ['meta', '$label'], value: 'x' }],
      ['notequals(a, 1)', { op: 'ne', field: ['a'], value: 1 }],
      ['lessthan(a, 1.5)', { op: 'lt', field: ['a'], value: 1.5 }],
      ['lessthanorequal(a, -2)', { op: 'lte', field: ['a'], value: -2 }],
      ['greaterthan(a, 1e3)', { op: 'gt', field: ['a'], value: 1000 }],
      ['GreaterThanOrEqual(a, "b")', { op: 'gte', field: ['a'], value: 'b' }],
      ['in(a, ["x", 1, true, null])', { op: 'in', field: ['a'], values: ['x', 1, true, null] }],
      ['notin(a, [])', { op: 'nin', field: ['a'], values: [] }],
      ['type(a, "array")', { op: 'type', field: ['a'], type: 'array' }],
      ['exists(a)', { op: 'exists', field: ['a'] }],
      ['notexists(a)', { op: 'notexists', field: ['a'] }],
      ['contains(a, "x")', { op: 'contains', field: ['a'], value: 'x' }],
      ['ncontains(a, "x")', { op: 'not', arg: { op: 'contains', field: ['a'], value: 'x' } }],
    ];
    expect(cases.map(([text]) => text.slice(0, text.indexOf('(')).toUpperCase())).toEqual(OPERATOR_NAMES);
    for (const [text, filter] of cases) expect(parseFilter(text)).toEqual({ ok: true, filter });
  });

  it('takes the short names eq, ne, lt, lte, gt, gte and nin', () => {
    const ops = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'].map((name) => {
      const parsed = parseFilter(`${name}(a, 1)`);
      return parsed.ok ? parsed.filter.op : undefined;
    });
    expect(ops).toEqual(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);
    expect(parseFilter('NIN(a, [1])')).toEqual({ ok: true, filter: { op: 'nin', field: ['a'], values: [1] } });
  });

  it('allows whitespace around every token and JSON escapes in strings', () => {
    expect(parseFilter(' in ( a , [ "x" , 2 ] ) ')).toEqual({ ok: true, filter: { op: 'in', field: ['a'], values: ['x', 2] } });
    expect(parseFilter('eq(q, "a \\"b\\" \\u0063")')).toEqual({ ok: true, filter: { op: 'eq', field: ['q'], value: 'a "b" c' } });
  });

  it('refuses an unknown operator where one is expected, listing the vendor 17', () => {
    expect(refusal('invalid')).toEqual({ kind: 'syntax', input: 'invalid', consumed: '', expected: OPERATOR_NAMES });
    expect(refusal('and(exists(a), gtx(b, 1))')).toEqual({ kind: 'syntax', input: 'gtx', consumed: 'and(exists(a),', expected: OPERATOR_NAMES });
    expect(refusal('')).toEqual({ kind: 'syntax', input: '', consumed: '', expected: OPERATOR_NAMES });
  });

  it.each<[string, string, string, readonly string[]]>([
    ['eq(alias)', ')', 'eq(alias', [',']],
    ['eq(alias, hall)', 'hall', 'eq(alias,', ['VALUE']],
    ['eq(alias, "hall"', '', 'eq(alias, "hall"', [')']],
    ['eq(alias, "hall")x', 'x', 'eq(alias, "hall")', ['END OF FILTER']],
    ['eq(, "a")', ',', 'eq(', ['FIELD']],
    ['eq(alias, 01)', '01', 'eq(alias,', ['VALUE']],
    ['eq(alias, truex)', 'truex', 'eq(alias,', ['VALUE']],
    ['exists alias', 'alias', 'exists', ['(']],
    ['and()', ')', 'and(', OPERATOR_NAMES],
    ['and(exists(a) exists(b))', 'exists', 'and(exists(a)', [',', ')']],
    ['not(exists(a), exists(b))', ',', 'not(exists(a)', [')']],
    ['in(alias, "a")', '"a"', 'in(alias,', ['[']],
    ['in(alias, [x])', 'x', 'in(alias, [', ['VALUE', ']']],
    ['in(alias, ["a" "b"])', '"b"', 'in(alias, ["a"', [',', ']']],
    ['in(alias, ["a",])', ']', 'in(alias, ["a",', ['VALUE']],
    ['type(a, integer)', 'integer', 'type(a,', ['string', 'number', 'boolean', 'object', 'array', 'null']],
  ])('refuses %s at %p after %p, expecting %p', (text, input, consumed, expected) => {
    expect(refusal(text)).toEqual({ kind: 'syntax', input, consumed, expected });
  });

  it(`nests at most ${MAX_FILTER_DEPTH} operators deep`, () => {
    expect(parseFilter(nested(MAX_FILTER_DEPTH)).ok).toBe(true);
    const consumed = 'not('.repeat(MAX_FILTER_DEPTH).trimEnd();
    expect(refusal(nested(MAX_FILTER_DEPTH + 1))).toEqual({ kind: 'tooDeep', input: 'exists', consumed, limit: MAX_FILTER_DEPTH });
    expect(refusal(`and(${nested(MAX_FILTER_DEPTH)})`).kind).toBe('tooDeep');
  });

  it(`is at most ${MAX_FILTER_LENGTH} characters long`, () => {
    const padded = (length: number) => `eq(alias, "${'x'.repeat(length - 'eq(alias, "")'.length)}")`;
    expect(parseFilter(padded(MAX_FILTER_LENGTH)).ok).toBe(true);
    expect(refusal(padded(MAX_FILTER_LENGTH + 1))).toEqual({ kind: 'tooLong', limit: MAX_FILTER_LENGTH });
  });

  it('a 1000-level nesting (as long as the limit allows) is refused without exhausting the stack', () => {
    expect(refusal('not('.repeat(1000)).kind).toBe('tooDeep');
  });

  it('stays linear on the inputs that are slowest for a backtracking parser', () => {
    const worst = [
      `eq(a, "${'\\\\'.repeat(2000)}`,
      `eq(a, ${'1'.repeat(4000)}x)`,
      `in(a, [${'1,'.repeat(2000)}`,
      `${'or(exists(a),'.repeat(31)}`,
      `eq(${'a.'.repeat(2000)}`,
    ].map((t) => t.slice(0, MAX_FILTER_LENGTH));
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) for (const text of worst) parseFilter(text);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
