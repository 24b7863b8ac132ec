// The subset of Droplit's function-call filter language standin evaluates, e.g.
// `and(eq(meta.$label, "Hall"), exists(alias))`. Operator names are case-insensitive; `equals`,
// `notequals` and `ncontains` are the vendor's long names for eq, ne and not(contains(...)).

export type Literal = string | number | boolean | null;

export type Filter =
  | { op: 'eq' | 'ne' | 'contains'; field: string[]; value: Literal }
  | { op: 'exists' | 'notexists'; field: string[] }
  | { op: 'and' | 'or'; args: Filter[] }
  | { op: 'not'; arg: Filter };

/** Deep enough for any real filter, shallow enough that a hostile one cannot exhaust the stack. */
const MAX_DEPTH = 32;

const WORD = /[A-Za-z]+/y;
const FIELD = /[A-Za-z0-9_$]+(?:\.[A-Za-z0-9_$]+)*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_])/y;
const KEYWORD = /(?:true|false|null)(?![A-Za-z0-9_])/y;

class Invalid extends Error {}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): Filter {
    const filter = this.expression(0);
    this.skipSpace();
    if (this.pos !== this.text.length) throw new Invalid();
    return filter;
  }

  private expression(depth: number): Filter {
    if (depth > MAX_DEPTH) throw new Invalid();
    const name = this.take(WORD).toLowerCase();
    this.expect('(');
    let filter: Filter;
    switch (name) {
      case 'and':
      case 'or':
        filter = { op: name, args: this.list(() => this.expression(depth + 1)) };
        break;
      case 'not':
        filter = { op: 'not', arg: this.expression(depth + 1) };
        break;
      case 'exists':
      case 'notexists':
        filter = { op: name, field: this.field() };
        break;
      case 'eq':
      case 'equals':
      case 'ne':
      case 'notequals':
      case 'contains':
      case 'ncontains': {
        const field = this.field();
        this.expect(',');
        const value = this.literal();
        const op = name === 'equals' ? 'eq' : name === 'notequals' ? 'ne' : name === 'ncontains' ? 'contains' : name;
        filter = { op, field, value };
        if (name === 'ncontains') filter = { op: 'not', arg: filter };
        break;
      }
      default:
        throw new Invalid();
    }
    this.expect(')');
    return filter;
  }

  private list(item: () => Filter): Filter[] {
    const items = [item()];
    for (this.skipSpace(); this.text[this.pos] === ','; this.skipSpace()) {
      this.pos++;
      items.push(item());
    }
    return items;
  }

  private field(): string[] {
    return this.take(FIELD).split('.');
  }

  private literal(): Literal {
    this.skipSpace();
    for (const pattern of [STRING, NUMBER, KEYWORD]) {
      const text = this.tryTake(pattern);
      if (text !== undefined) return JSON.parse(text) as Literal;
    }
    throw new Invalid();
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) throw new Invalid();
    this.pos++;
  }

  private take(pattern: RegExp): string {
    this.skipSpace();
    const text = this.tryTake(pattern);
    if (text === undefined) throw new Invalid();
    return text;
  }

  private tryTake(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.pos;
    const m = pattern.exec(this.text);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
}

/** The parsed filter, or undefined when the text is not in the evaluated subset. */
export function parseFilter(text: string): Filter | undefined {
  try {
    return new Parser(text).parse();
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}

function lookup(record: unknown, field: string[]): unknown {
  let value = record;
  for (const key of field) {
    // Own properties only: `constructor` or `__proto__` must not reach into Object.prototype.
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A null literal also matches a missing field, as in the document stores Droplit's syntax comes from. */
function equals(actual: unknown, expected: Literal): boolean {
  return expected === null ? actual === null || actual === undefined : actual === expected;
}

export function matches(filter: Filter, record: unknown): boolean {
  switch (filter.op) {
    case 'and':
      return filter.args.every((f) => matches(f, record));
    case 'or':
      return filter.args.some((f) => matches(f, record));
    case 'not':
      return !matches(filter.arg, record);
    case 'exists':
      return lookup(record, filter.field) !== undefined;
    case 'notexists':
      return lookup(record, filter.field) === undefined;
    case 'eq':
      return equals(lookup(record, filter.field), filter.value);
    case 'ne':
      return !equals(lookup(record, filter.field), filter.value);
    case 'contains': {
      const actual = lookup(record, filter.field);
      return typeof actual === 'string' && typeof filter.value === 'string' && actual.includes(filter.value);
    }
  }
}
