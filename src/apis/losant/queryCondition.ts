import { foldCase } from './foldCase';
import type { FieldValue, QueryField } from './queryFields';
import { substringFinder } from './substringFinder';

// One field's condition in an advanced query: `"field": value` (short for `$eq`) or an object of
// operators, all of which must hold. Checked against the spec's QueryCondition / QueryIdCondition
// (queryCondition.test.ts runs both on the same inputs) and compiled once per request into a test.
// Comparisons follow MongoDB, which Losant's queries are modelled on: a value of another type never
// compares (a string field is never `$gt` a number), a missing field equals only null, and an
// array field matches when one of its elements does (`$ne`/`$nin`: when none does).

export const OPERATORS: ReadonlySet<string> = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$lt',
  '$gte',
  '$lte',
  '$startsWith',
  '$endsWith',
  '$contains',
  '$ci',
  '$in',
  '$nin',
]);
/** The id fields take comparisons and lists only, and exactly one operator per object. */
export const ID_OPERATORS: ReadonlySet<string> = new Set(['$eq', '$ne', '$gt', '$lt', '$gte', '$lte', '$in', '$nin']);
/** The most items `$in`/`$nin` (and each of `$and`/`$or`/`$nor`) may hold, as in Losant's schema. */
export const MAX_LIST_ITEMS = 100;

const OBJECT_ID = /^[A-Fa-f0-9]{24}$/;
/** ISO 8601 dates and date-times, the text forms a date field compares with [standin choice]. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

type Scalar = string | number | boolean | null;
/** A value reduced to what its field compares: text, lowercase text (ids) or milliseconds (dates). */
type Key = string | number;
export type ConditionTest = (value: FieldValue) => boolean;
export type ConditionOutcome = { ok: true; test: ConditionTest } | { ok: false; at: string; problem: string };

const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value's key: stored dates always parse. */
function keyOf(field: QueryField, value: string): Key {
  if (field.type === 'id') return value.toLowerCase();
  if (field.type === 'date') return Date.parse(value);
  return value;
}

/** An operand's key, or undefined when it is of a type the field never equals (or null). */
function operandKey(field: QueryField, operand: Scalar): Key | undefined {
  if (field.type === 'date') {
    if (typeof operand === 'number') return operand; // milliseconds since the epoch, as in Losant's guide
    if (typeof operand === 'string' && ISO_DATE.test(operand)) {
      const time = Date.parse(operand);
      return Number.isNaN(time) ? undefined : time;
    }
    return undefined;
  }
  if (typeof operand !== 'string') return undefined;
  return field.type === 'id' ? operand.toLowerCase() : operand;
}

/** An operator as a test of one present value, whether the whole condition negates it, and its answer for an absent field. */
interface Step {
  positive: (value: string) => boolean;
  negated: boolean;
  whenAbsent: boolean;
}

function run(step: Step, value: FieldValue): boolean {
  if (value === undefined) return step.whenAbsent;
  const any = typeof value === 'string' ? step.positive(value) : value.some(step.positive);
  return step.negated ? !any : any;
}

const NEVER = () => false;

function equality(field: QueryField, operand: Scalar, negated: boolean): Step {
  const key = operandKey(field, operand);
  const positive = key === undefined ? NEVER : (value: string) => keyOf(field, value) === key;
  return { positive, negated, whenAbsent: (operand === null) !== negated };
}

function ordering(field: QueryField, operand: Scalar, holds: (order: number) => boolean, orEqual: boolean): Step {
  const key = operandKey(field, operand);
  const positive =
    key === undefined
      ? NEVER
      : (value: string) => {
          const k = keyOf(field, value);
          return holds(k < key ? -1 : k > key ? 1 : 0);
        };
  // {$gte: null} and {$lte: null} match what {$eq: null} matches: an absent field.
  return { positive, negated: false, whenAbsent: orEqual && operand === null };
}

function membership(field: QueryField, operands: readonly Scalar[], negated: boolean): Step {
  const keys = new Set<Key>();
  for (const operand of operands) {
    const key = operandKey(field, operand);
    if (key !== undefined) keys.add(key);
  }
  return { positive: (value) => keys.has(keyOf(field, value)), negated, whenAbsent: negated };
}

/** Builds a test of a value against the (already case-folded, when asked) needle. */
type TextTest = (needle: string) => (value: string) => boolean;

function text(field: QueryField, needle: string, caseInsensitive: boolean, makeTest: TextTest): Step {
  // Dates are times, not text: the string operators never match them [standin choice].
  if (field.type === 'date') return { positive: NEVER, negated: false, whenAbsent: false };
  const test = makeTest(caseInsensitive ? foldCase(needle) : needle);
  return { positive: caseInsensitive ? (value) => test(foldCase(value)) : test, negated: false, whenAbsent: false };
}

const TEXT_TESTS: Record<string, TextTest> = {
  $startsWith: (needle) => (value) => value.startsWith(needle),
  $endsWith: (needle) => (value) => value.endsWith(needle),
  $contains: (needle) => {
    const find = substringFinder(needle);
    return (value) => find(value, 0, value.length) >= 0;
  },
};

const ORDER: Record<string, [(order: number) => boolean, boolean]> = {
  $gt: [(o) => o > 0, false],
  $gte: [(o) => o >= 0, true],
  $lt: [(o) => o < 0, false],
  $lte: [(o) => o <= 0, true],
};

/** What the operand of `operator` must be, or undefined when `operand` is one. */
function operandProblem(field: QueryField, operator: string, operand: unknown): string | undefined {
  const id = field.type === 'id';
  switch (operator) {
    case '$in':
    case '$nin': {
      const item = id ? (v: unknown) => typeof v === 'string' && OBJECT_ID.test(v) : (v: unknown) => isScalar(v) && v !== null;
      if (Array.isArray(operand) && operand.length <= MAX_LIST_ITEMS && operand.every(item)) return undefined;
      return `must be an array of at most ${MAX_LIST_ITEMS} ${id ? '24-hex ObjectIds' : 'strings, numbers or booleans'}`;
    }
    case '$startsWith':
    case '$endsWith':
    case '$contains':
      return typeof operand === 'string' && operand.length > 0 ? undefined : 'must be a non-empty string';
    case '$ci':
      return typeof operand === 'boolean' ? undefined : 'must be a boolean';
    default:
      return valueProblem(field, operand);
  }
}

function valueProblem(field: QueryField, value: unknown): string | undefined {
  if (field.type === 'id') return value === null || (typeof value === 'string' && OBJECT_ID.test(value)) ? undefined : 'must be a 24-hex ObjectId or null';
  return isScalar(value) ? undefined : 'must be a string, number, boolean or null';
}

function allOf(steps: Step[]): ConditionTest {
  if (steps.length === 0) return () => true; // only `$ci`, or `{}`: nothing to hold [standin choice]
  if (steps.length === 1) return (value) => run(steps[0], value);
  return (value) => steps.every((step) => run(step, value));
}

/** Checks and compiles `condition` for `field`; `at` names the field in error messages (e.g. `$or[1].name`). */
export function compileCondition(field: QueryField, condition: unknown, at: string): ConditionOutcome {
  if (!isObject(condition)) {
    const problem = valueProblem(field, condition);
    if (problem) return { ok: false, at, problem: field.type === 'id' ? `${problem}, or an object of one operator` : `${problem}, or an object of operators` };
    return { ok: true, test: allOf([equality(field, condition as Scalar, false)]) };
  }
  const allowed = field.type === 'id' ? ID_OPERATORS : OPERATORS;
  const operators = Object.keys(condition);
  if (field.type === 'id' && operators.length !== 1) return { ok: false, at, problem: 'must hold exactly one operator' };
  for (const operator of operators) {
    if (!allowed.has(operator)) return { ok: false, at: `${at}.${operator}`, problem: 'is not allowed' };
    const problem = operandProblem(field, operator, condition[operator]);
    if (problem) return { ok: false, at: `${at}.${operator}`, problem };
  }
  const caseInsensitive = condition.$ci === true;
  const steps: Step[] = [];
  for (const operator of operators) {
    const operand = condition[operator];
    if (operator === '$eq' || operator === '$ne') steps.push(equality(field, operand as Scalar, operator === '$ne'));
    else if (operator === '$in' || operator === '$nin') steps.push(membership(field, operand as Scalar[], operator === '$nin'));
    else if (Object.hasOwn(ORDER, operator)) steps.push(ordering(field, operand as Scalar, ...ORDER[operator]));
    else if (Object.hasOwn(TEXT_TESTS, operator)) steps.push(text(field, operand as string, caseInsensitive, TEXT_TESTS[operator]));
  }
  return { ok: true, test: allOf(steps) };
}
