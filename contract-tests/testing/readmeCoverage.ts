import type { Scenario } from '../../src/contract/scenario';
import { type ParsedReadme, ruleScope } from './readmeRules';

// Both directions between the README's rules and the scenarios: a rule no scenario checks, a
// scenario that names no rule (or no basis), and a rule id the README does not hold.

export interface ReadmeCoverage {
  /** Scenarios without `basis` or without at least one `readme` id ("api: name"). */
  unannotated: string[];
  /** README rule ids no scenario names. */
  uncovered: string[];
  /** Ids scenarios name that the README lacks ("api: name -> id"). */
  unknown: string[];
  /** Ids of another API than the scenario's, or malformed ("api: name -> id"). */
  misScoped: string[];
}

export function readmeCoverage(readme: ParsedReadme, scenarios: Scenario[]): ReadmeCoverage {
  const ids = new Set(readme.rules.map((r) => r.id));
  const named = new Set<string>();
  const out: ReadmeCoverage = { unannotated: [], uncovered: [], unknown: [], misScoped: [] };
  for (const s of scenarios) {
    const label = `${s.api}: ${s.name}`;
    if (!s.basis || !s.readme?.length) out.unannotated.push(label);
    for (const id of s.readme ?? []) {
      named.add(id);
      const scope = ruleScope(id);
      if (scope !== s.api && scope !== 'generic') out.misScoped.push(`${label} -> ${id}`);
      else if (!ids.has(id)) out.unknown.push(`${label} -> ${id}`);
    }
  }
  out.uncovered = readme.rules.filter((r) => !named.has(r.id)).map((r) => r.id);
  return out;
}
