// PHP 7.4's json_decode($text, true) at its default depth, which is how ncanode's router reads every
// request body: ints stay apart from floats (bigint vs number) so that a later (string) cast renders
// them as PHP does, and whatever PHP refuses (bad UTF-8, a lone UTF-16 surrogate escape, nesting
// deeper than 512, a non-JSON literal) decodes to undefined, as PHP's null. Linear, no backtracking.

/** A PHP value as json_decode(..., true) yields it: integers are bigint, floats number. */
export type PhpValue = null | boolean | bigint | number | string | PhpArray;
/** A PHP array, JSON objects and lists alike: keys in insertion order (a list's are '0', '1', ...). */
export type PhpArray = Map<string, PhpValue>;

const MAX_DEPTH = 512;
// An integer literal with more digits than this (or as many and above PHP_INT_MAX) becomes a float.
const LONG_MIN_DIGITS = '9223372036854775808';
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;
// The characters a string can hold as they are; one character class, so the match is linear.
// eslint-disable-next-line no-control-regex -- a JSON string holds no raw control character (RFC 8259)
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;
const HEX4 = /^[0-9A-Fa-f]{4}$/;

class Invalid extends Error {}

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  document(): PhpValue {
    const value = this.value(0);
    this.ws();
    if (this.i !== this.s.length) throw new Invalid();
    return value;
  }

  private ws(): void {
    const s = this.s;
    while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t' || s[this.i] === '\n' || s[this.i] === '\r')) this.i++;
  }

  private value(depth: number): PhpValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) throw new Invalid();
      return c === '{' ? this.object(depth + 1) : this.list(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of LITERALS) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    throw new Invalid();
  }

  private object(depth: number): PhpArray {
    const out: PhpArray = new Map();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw new Invalid();
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') throw new Invalid();
      out.set(key, this.value(depth)); // a repeated key keeps its first place and takes the last value
      this.ws();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') throw new Invalid();
    }
  }

  private list(depth: number): PhpArray {
    const out: PhpArray = new Map();
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.set(String(out.size), this.value(depth));
      this.ws();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') throw new Invalid();
    }
  }

  private digits(): number {
    const start = this.i;
    while (this.s[this.i] >= '0' && this.s[this.i] <= '9') this.i++;
    return this.i - start;
  }

  private number(): bigint | number {
    const start = this.i;
    const negative = this.s[this.i] === '-';
    if (negative) this.i++;
    if (this.s[this.i] === '0') this.i++;
    else if (!this.digits()) throw new Invalid();
    const intDigits = this.i - start - (negative ? 1 : 0);
    let float = false;
    if (this.s[this.i] === '.') {
      this.i++;
      if (!this.digits()) throw new Invalid();
      float = true;
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      if (!this.digits()) throw new Invalid();
      float = true;
    }
    const text = this.s.slice(start, this.i);
    if (float) return Number(text);
    const magnitude = text.slice(negative ? 1 : 0);
    const fits = intDigits < 19 || (intDigits === 19 && (magnitude < LONG_MIN_DIGITS || (magnitude === LONG_MIN_DIGITS && negative)));
    return fits ? BigInt(text) : Number(text);
  }

  private hex4(at: number): number {
    const h = this.s.slice(at, at + 4);
    if (!HEX4.test(h)) throw new Invalid();
    return parseInt(h, 16);
  }

  /** Checks a string token as PHP's scanner does; JSON.parse then builds it (the two agree once it passed). */
  private string(): string {
    const s = this.s;
    const start = this.i++;
    let escaped = false;
    for (;;) {
      PLAIN_RUN.lastIndex = this.i;
      PLAIN_RUN.test(s);
      this.i = PLAIN_RUN.lastIndex;
      if (this.i >= s.length) throw new Invalid();
      const code = s.charCodeAt(this.i);
      if (code === 0x22) break;
      if (code < 0x20) throw new Invalid(); // PHP: JSON_ERROR_CTRL_CHAR
      escaped = true;
      const e = s[this.i + 1];
      if (e !== 'u') {
        if (!ESCAPES.has(e)) throw new Invalid();
        this.i += 2;
        continue;
      }
      const unit = this.hex4(this.i + 2);
      this.i += 6;
      if (unit >= 0xdc00 && unit <= 0xdfff) throw new Invalid(); // PHP: JSON_ERROR_UTF16
      if (unit >= 0xd800 && unit <= 0xdbff) {
        if (s[this.i] !== '\\' || s[this.i + 1] !== 'u') throw new Invalid();
        const low = this.hex4(this.i + 2);
        if (low < 0xdc00 || low > 0xdfff) throw new Invalid();
        this.i += 6;
      }
    }
    this.i++;
    return escaped ? (JSON.parse(s.slice(start, this.i)) as string) : s.slice(start + 1, this.i - 1);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** json_decode($bytes, true); undefined where PHP returns null for an error (a JSON null is null). */
export function decodePhpJson(bytes: Uint8Array): PhpValue | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes); // PHP refuses malformed UTF-8; a BOM stays and is refused below
  } catch {
    return undefined;
  }
  try {
    return new Parser(text).document();
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}
