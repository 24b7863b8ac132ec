import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

// Every command checks its flag values through these, so a bad value is one line naming the flag,
// what was given and what would do; the top-level CLI prints `standin: <message>` and exits 2.

/** A flag or argument the user got wrong: the message is one line, fit to print after `standin: `. */
export class FlagError extends Error {
  override name = 'FlagError';
}

export interface IntRange {
  min: number;
  max?: number;
  /** Printed after the range ("bytes", "requests"). */
  unit?: string;
}

function shown(raw: string): string {
  return `'${raw.length > 40 ? `${raw.slice(0, 40)}...` : raw}'`;
}

function rangeText({ min, max, unit }: IntRange): string {
  const span = max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`;
  return unit ? `${span} ${unit}` : span;
}

/** A decimal integer within range; '', '1.5', '12abc', '0x10', '1e3' and out-of-range values are refused. */
export function intFlag(flag: string, raw: string | undefined, range: IntRange): number {
  const given = raw === undefined ? 'no value' : shown(raw);
  if (raw === undefined || !/^-?\d{1,16}$/.test(raw.trim())) throw new FlagError(`${flag} must be ${rangeText(range)} (got ${given})`);
  const n = Number(raw.trim());
  if (n < range.min || (range.max !== undefined && n > range.max)) throw new FlagError(`${flag} must be ${rangeText(range)} (got ${given})`);
  return n;
}

/** A TCP port, 0 (pick a free one) to 65535. */
export function portFlag(flag: string, raw: string | undefined): number {
  return intFlag(flag, raw, { min: 0, max: 65535 });
}

/** One of a fixed set of words (an enum flag), compared exactly. */
export function choiceFlag<T extends string>(flag: string, raw: string | undefined, choices: readonly T[]): T {
  if (raw !== undefined && (choices as readonly string[]).includes(raw)) return raw as T;
  throw new FlagError(`${flag} must be one of ${choices.join(', ')} (got ${raw === undefined ? 'no value' : shown(raw)})`);
}

/** An API name from the registry. */
export function apiNameFlag(flag: string, raw: string | undefined, known: readonly string[]): string {
  if (raw !== undefined && known.includes(raw)) return raw;
  if (raw === undefined || raw === '') throw new FlagError(`${flag} needs an API name: expected one of ${known.join(', ')}`);
  throw new FlagError(`unknown API ${shown(raw)} for ${flag}: expected one of ${known.join(', ')}`);
}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/** `--port -1` as `--port=-1`: parseArgs calls a value starting with '-' ambiguous, and the range check is the better answer. */
function withNegativeValues(args: string[], options: FlagOptions): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith('--') ? args[i].slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && /^-\d/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
    if (args[i] === '--') return out.concat(args.slice(i + 1));
  }
  return out;
}

/**
 * node:util parseArgs (strict) with its refusals turned into a FlagError naming the command, so
 * `--nope` or `--port` without a value exits 2 with one line like any bad value.
 */
export function parseFlags<const O extends FlagOptions>(command: string, args: string[], options: O, allowPositionals = false): Parsed<O> {
  try {
    return parseArgs({ args: withNegativeValues(args, options), options, strict: true, allowPositionals });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      const message = (err as Error).message.split('\n')[0].split('. ')[0];
      throw new FlagError(`${command}: ${message} (${command} --help lists the flags)`);
    }
    throw err;
  }
}

/** `-h`/`--help` anywhere before a `--`: help wins over every other flag, valid or not. */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

/**
 * Where the first syntax error of a JSON text is, as an offset, or -1 when none is found. V8's own
 * message gives no position for an unexpected token and quotes the text around it instead, which
 * for a config file means its credentials.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    for (; i < text.length && text[i] !== '"'; i++) {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === close) return void i++;
        if (text[i] !== ',') fail();
        i++;
      }
    }
    if (c === '"') return string();
    if (c === 't') return void literal('true');
    if (c === 'f') return void literal('false');
    if (c === 'n') return void literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

/** A JSON file named by a flag; a missing or broken file is a FlagError naming it (and the line and column). */
export function readJsonFile(flag: string, file: string): unknown {
  const text = readTextFile(flag, file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const offset = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    if (offset < 0) throw new FlagError(`${flag} ${file}: not valid JSON`);
    const before = text
      .replace(/^\uFEFF/, '')
      .slice(0, offset)
      .split('\n');
    const where = offset >= text.length ? 'ends early' : `at line ${before.length} column ${before.at(-1)!.length + 1}`;
    throw new FlagError(`${flag} ${file}: not valid JSON, ${where}`);
  }
}

/** A text file named by a flag (a PEM, a CA); a missing one is a FlagError naming it. */
export function readTextFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FlagError(`${flag} ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : (err as Error).message}`);
  }
}
