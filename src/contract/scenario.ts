import { isDeepStrictEqual } from 'node:util';
import type { CheckFailure } from './checkFailure';
import type { ApiClient, Exchange } from './client';
import type { SomeCreds } from './someCreds';

// One behaviour rule = one scenario. Scenarios speak HTTP through the client and state what the
// vendor's rule demands; a broken rule throws a typed 'behaviour' failure with a reproduction.

/** What a scenario may need of its target, whatever the vendor. */
export type CoreNeed =
  | 'writes' // creates, changes or deletes data (live runs need --allow-writes)
  | 'standin' // needs /__admin (faults) or standin's documented demo data
  | 'standin-itself'; // checks standin's own configuration (e.g. its --body-limit): not through Prism, not live

/**
 * A scenario's need: a core one, an optional credential field (e.g. 'creds:serverToken'), or one
 * of the vendor's own `N`, which its contract descriptor defines (e.g. a second, read-only key).
 */
export type Need<C = SomeCreds, N extends string = string> = CoreNeed | `creds:${Extract<keyof C, string>}` | N;

/**
 * What a scenario checks: a rule the vendor documents (or its code shows), or a rule standin chose
 * where the vendor is silent (marked [standin choice] in the spec). Against a target that is not
 * standin, a failing choice is reported apart and does not fail the run unless --strict-choices.
 */
export type Basis = 'vendor' | 'choice';

/** What a scenario may know of its target, so a rule of standin's own configuration can be checked. */
export interface TargetFacts {
  /** The target is standin itself (in-process or --base-url), not Prism or the vendor. */
  standin: boolean;
  /** The request body limit of a standin target (its --body-limit), when known. */
  bodyLimit?: number;
}

export interface ScenarioContext<C = SomeCreds> {
  api: string;
  target: TargetFacts;
  client: ApiClient<C>;
  creds: C;
  /** A value unique to this run and scenario, safe for names and aliases ([A-Za-z0-9_], no vowels after the prefix, at most 24 characters). */
  unique(prefix?: string): string;
  /** Makes the next call to `operationId` fail with the vendor's 5xx (standin targets only). */
  fault(operationId: string): Promise<void>;
  expect: Expectations;
}

export interface Scenario<C = SomeCreds, N extends string = string> {
  api: string;
  name: string;
  needs?: Array<Need<C, N>>;
  /** Optional until every scenario file is annotated; an unannotated scenario counts as 'vendor'. */
  basis?: Basis;
  /** The README rule ids (anchors `rule-<api>-<slug>`, `rule-generic-<slug>`) this scenario checks. */
  readme?: string[];
  run(t: ScenarioContext<C>): Promise<void>;
}

export class BehaviourFailure extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.message);
  }
}

function excerpt(ex: Exchange): string {
  const text = ex.json !== undefined ? JSON.stringify(ex.json) : ex.body.length ? `${ex.body.length} bytes` : '(empty)';
  return `${ex.status} ${text.length > 400 ? `${text.slice(0, 400)}...` : text}`;
}

/** Deep partial match: every key in `expected` must be present and equal (recursively). */
export function matches(actual: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (expected === null || typeof expected !== 'object') return isDeepStrictEqual(actual, expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
  if (actual === null || typeof actual !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}

function show(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v instanceof RegExp ? `/${v.source}/` : v));
}

export class Expectations {
  constructor(private readonly api: string) {}

  fail(ex: Exchange | undefined, message: string, documented: string): never {
    throw new BehaviourFailure({
      check: 'behaviour',
      api: this.api,
      operationId: ex?.operationId ?? '-',
      message,
      received: ex ? excerpt(ex) : '-',
      documented,
      pointers: [],
      curl: ex?.curl ?? '-',
    });
  }

  /** The status and, when given, a deep partial match of the JSON body. */
  answer(ex: Exchange, status: number, body?: unknown, rule?: string): void {
    if (ex.status !== status)
      this.fail(ex, `${rule ? `${rule}: ` : ''}expected status ${status}, got ${ex.status}`, `${status}${body === undefined ? '' : ` ${show(body)}`}`);
    if (body !== undefined && !matches(ex.json, body)) this.fail(ex, `${rule ? `${rule}: ` : ''}the body does not match`, show(body));
  }

  that(ex: Exchange | undefined, condition: boolean, message: string, documented = 'see message'): void {
    if (!condition) this.fail(ex, message, documented);
  }

  equal(ex: Exchange | undefined, actual: unknown, expected: unknown, what: string): void {
    if (!isDeepStrictEqual(actual, expected)) this.fail(ex, `${what}: expected ${show(expected)}, got ${show(actual)}`, show(expected));
  }
}
