import { type Filter, type Literal, TYPE_NAMES, type TypeName } from './filter';

// The vendor's filter text into a Filter, in one left-to-right pass: each token is matched at the current
// position by a sticky pattern that cannot backtrack across tokens, and nesting is capped, so the cost is
// linear in the (capped) length and no filter can exhaust the stack. A refusal says where and what was
// expected there, which is what the vendor's "Filter Invalid" message reports.

export const MAX_FILTER_LENGTH = 4096;
export const MAX_FILTER_DEPTH = 32;

/** The vendor's operator names, in the order its "Filter Invalid" message lists them. */
export const OPERATOR_NAMES = [
  'AND',
  'OR',
  'NOR',
  'NOT',
  'EQUALS',
  'NOTEQUALS',
  'LESSTHAN',
  'LESSTHANOREQUAL',
  'GREATERTHAN',
  'GREATERTHANOREQUAL',
  'IN',
  'NOTIN',
  'TYPE',
  'EXISTS',
  'NOTEXISTS',
  'CONTAINS',
  'NCONTAINS',
] as const;

export type FilterError =
  | { kind: 'syntax'; input: string; consumed: string; expected: readonly string[] }
  | { kind: 'tooDeep'; input: string; consumed: string; limit: number }
  | { kind: 'tooLong'; limit: number };

export type FilterParse = { ok: true; filter: Filter } | { ok: false; error: FilterError };

type Kind =
  'and' | 'or' | 'nor' | 'not' | 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin' | 'type' | 'exists' | 'notexists' | 'contains' | 'ncontains';

// Case-insensitive. The vendor's own example writes `eq(...)`, a short name its list does not show, so each
// operator with a document-store short name takes it too (eq, ne, lt, lte, gt, gte, nin).
const OPERATORS = new Map<string, Kind>([
  ['and', 'and'],
  ['or', 'or'],
  ['nor', 'nor'],
  ['not', 'not'],
  ['equals', 'eq'],
  ['eq', 'eq'],
  ['notequals', 'ne'],
  ['ne', 'ne'],
  ['lessthan', 'lt'],
  ['lt', 'lt'],
  ['lessthanorequal', 'lte'],
  ['lte', 'lte'],
  ['greaterthan', 'gt'],
  ['gt', 'gt'],
  ['greaterthanorequal', 'gte'],
  ['gte', 'gte'],
  ['in', 'in'],
  ['notin', 'nin'],
  ['nin', 'nin'],
  ['type', 'type'],
  ['exists', 'exists'],
  ['notexists', 'notexists'],
  ['contains', 'contains'],
  ['ncontains', 'ncontains'],
]);

const EXPECTED = {
  operator: OPERATOR_NAMES,
  field: ['FIELD'],
  value: ['VALUE'],
  firstItem: ['VALUE', ']'],
  nextItem: [',', ']'],
  nextArg: [',', ')'],
  type: TYPE_NAMES,
  end: ['END OF FILTER'],
} as const;

const SPACE = /\s*/y;
const WORD = /[A-Za-z0-9_]+/y;
const FIELD = /[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+)*/y;
// eslint-disable-next-line no-control-regex -- a JSON string holds no raw control character (RFC 8259)
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_])/y;
const KEYWORD = /(?:true|false|null)(?![A-Za-z0-9_])/y;
/** What a refusal quotes as the offending input: the run up to the next delimiter. */
const TOKEN = /[^\s(),[\]]+/y;

class Refusal {
  constructor(readonly error: FilterError) {}
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Filter {
    const filter = this.expression(1);
    this.skipSpace();
    if (this.pos !== this.text.length) this.fail(EXPECTED.end);
    return filter;
  }

  private expression(depth: number): Filter {
    this.skipSpace();
    const start = this.pos;
    const kind = OPERATORS.get(this.tryTake(WORD)?.toLowerCase() ?? '');
    if (!kind) this.fail(EXPECTED.operator, start);
    if (depth > MAX_FILTER_DEPTH) {
      throw new Refusal({ kind: 'tooDeep', input: this.tokenAt(start), consumed: this.consumedBefore(start), limit: MAX_FILTER_DEPTH });
    }
    this.expect('(');
    const filter = this.operands(kind, depth);
    this.expect(')');
    return filter;
  }

  private operands(kind: Kind, depth: number): Filter {
    switch (kind) {
      case 'and':
      case 'or':
      case 'nor':
        return { op: kind, args: this.filters(depth + 1) };
      case 'not':
        return { op: 'not', arg: this.expression(depth + 1) };
      case 'exists':
      case 'notexists':
        return { op: kind, field: this.field() };
      case 'in':
      case 'nin': {
        const field = this.fieldThenComma();
        return { op: kind, field, values: this.list() };
      }
      case 'type': {
        const field = this.fieldThenComma();
        return { op: 'type', field, type: this.typeName() };
      }
      case 'ncontains': {
        const field = this.fieldThenComma();
        return { op: 'not', arg: { op: 'contains', field, value: this.literal(EXPECTED.value) } };
      }
      default: {
        const field = this.fieldThenComma();
        return { op: kind, field, value: this.literal(EXPECTED.value) };
      }
    }
  }

  private filters(depth: number): Filter[] {
    const items = [this.expression(depth)];
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ')') return items;
      if (this.text[this.pos] !== ',') this.fail(EXPECTED.nextArg);
      this.pos++;
      items.push(this.expression(depth));
    }
  }

  private list(): Literal[] {
    this.expect('[');
    const values: Literal[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return values;
    }
    values.push(this.literal(EXPECTED.firstItem));
    for (;;) {
      this.skipSpace();
      const char = this.text[this.pos];
      this.pos++;
      if (char === ']') return values;
      if (char !== ',') this.fail(EXPECTED.nextItem, this.pos - 1);
      values.push(this.literal(EXPECTED.value));
    }
  }

  private field(): string[] {
    this.skipSpace();
    const text = this.tryTake(FIELD);
    if (text === undefined) this.fail(EXPECTED.field);
    return text.split('.');
  }

  private fieldThenComma(): string[] {
    const field = this.field();
    this.expect(',');
    return field;
  }

  private literal(expected: readonly string[]): Literal {
    this.skipSpace();
    const text = this.tryTake(STRING) ?? this.tryTake(NUMBER) ?? this.tryTake(KEYWORD);
    if (text === undefined) this.fail(expected);
    return JSON.parse(text) as Literal;
  }

  /** A type name, bare (`number`) or quoted (`"number"`). */
  private typeName(): TypeName {
    this.skipSpace();
    const start = this.pos;
    const quoted = this.tryTake(STRING);
    const name = quoted === undefined ? this.tryTake(WORD) : (JSON.parse(quoted) as string);
    const type = TYPE_NAMES.find((t) => t === name);
    if (!type) this.fail(EXPECTED.type, start);
    return type;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail([char]);
    this.pos++;
  }

  private tryTake(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.pos;
    SPACE.exec(this.text);
    this.pos = SPACE.lastIndex;
  }

  private tokenAt(at: number): string {
    TOKEN.lastIndex = at;
    return TOKEN.exec(this.text)?.[0] ?? this.text.charAt(at);
  }

  private consumedBefore(at: number): string {
    return this.text.slice(0, at).trimEnd();
  }

  private fail(expected: readonly string[], at = this.pos): never {
    throw new Refusal({ kind: 'syntax', input: this.tokenAt(at), consumed: this.consumedBefore(at), expected });
  }
}

export function parseFilter(text: string): FilterParse {
  if (text.length > MAX_FILTER_LENGTH) return { ok: false, error: { kind: 'tooLong', limit: MAX_FILTER_LENGTH } };
  try {
    return { ok: true, filter: new Parser(text).parse() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    throw e;
  }
}
