import { compileCondition, MAX_LIST_ITEMS } from './queryCondition';
import { QUERY_FIELDS } from './queryFields';
import type { Certificate } from './certificate';

// The list's `query` parameter: the JSON text of an advancedApplicationCertQuery, as the newest
// losant-rest sends it (JSON.stringify of the object, in the query string), which overrides
// filterField/filter. Parsed and compiled once per request into one predicate; anything the schema
// (specs/losant.yaml, AdvancedApplicationCertQuery) does not allow is refused, never ignored.
// User text stays bounded: its length by the spec's maxLength, and here how deep $and/$or/$nor nest
// and how many conditions there are, so checking and matching cost is linear in the text.

export const QUERY_LIMITS = {
  /** Levels of objects, the query itself being level 1 [standin choice]. */
  depth: 10,
  /** Field conditions plus $and/$or/$nor operators, at every level [standin choice]. */
  conditions: 200,
} as const;

export type CertificatePredicate = (c: Certificate) => boolean;
export type QueryOutcome = { ok: true; matches: CertificatePredicate } | { ok: false; message: string };

const LOGICAL = new Set(['$and', '$or', '$nor']);

class QueryProblem extends Error {}

function fail(at: string, problem: string): never {
  throw new QueryProblem(at ? `query parameter 'query': '${at}' ${problem}` : `query parameter 'query' ${problem}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Losant's docs (references/advanced-queries): with no queries, "match ALL" and "match ANY" return
 * every item and "match NONE" returns none.
 */
function logical(operator: string, parts: CertificatePredicate[]): CertificatePredicate {
  if (parts.length === 0) return operator === '$nor' ? () => false : () => true;
  if (operator === '$and') return (c) => parts.every((p) => p(c));
  if (operator === '$or') return (c) => parts.some((p) => p(c));
  return (c) => !parts.some((p) => p(c));
}

class Compiler {
  private conditions = 0;

  query(node: unknown, depth: number, at: string): CertificatePredicate {
    if (!isObject(node)) fail(at, 'must be a JSON object');
    const parts: CertificatePredicate[] = [];
    for (const key of Object.keys(node)) {
      if (++this.conditions > QUERY_LIMITS.conditions) fail('', `holds more than ${QUERY_LIMITS.conditions} conditions`);
      const where = at ? `${at}.${key}` : key;
      if (LOGICAL.has(key)) parts.push(this.logical(key, node[key], depth, where));
      else if (Object.hasOwn(QUERY_FIELDS, key)) {
        const field = QUERY_FIELDS[key];
        const outcome = compileCondition(field, node[key], where);
        if (!outcome.ok) fail(outcome.at, outcome.problem);
        const { test } = outcome;
        parts.push((c) => test(field.read(c)));
      } else fail(where, 'is not allowed');
    }
    return parts.length === 1 ? parts[0] : logical('$and', parts);
  }

  private logical(operator: string, items: unknown, depth: number, at: string): CertificatePredicate {
    if (!Array.isArray(items) || items.length > MAX_LIST_ITEMS) fail(at, `must be an array of at most ${MAX_LIST_ITEMS} queries`);
    if (items.length > 0 && depth + 1 > QUERY_LIMITS.depth) fail('', `nests $and/$or/$nor deeper than ${QUERY_LIMITS.depth} levels`);
    return logical(
      operator,
      items.map((item, i) => this.query(item, depth + 1, `${at}[${i}]`)),
    );
  }
}

/** `text` (the decoded parameter) as a predicate over certificates, or the Validation message refusing it. */
export function parseAdvancedQuery(text: string): QueryOutcome {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: "query parameter 'query' is not valid JSON" };
  }
  try {
    return { ok: true, matches: new Compiler().query(parsed, 1, '') };
  } catch (e) {
    if (e instanceof QueryProblem) return { ok: false, message: e.message };
    throw e;
  }
}
