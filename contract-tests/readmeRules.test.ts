import { API_NAMES, VENDORS } from '../src/apis';
import { scenariosFor, specFor } from '../src/contract/runner';
import type { Scenario } from '../src/contract/scenario';
import { readmeCoverage } from './testing/readmeCoverage';
import { parseReadmeRules, readmeRules } from './testing/readmeRules';

// Every rule the README states is checked by a scenario, and every scenario says which rules it
// checks and whether each is the vendor's or a [standin choice]. The README is the one list.

/**
 * README rules no HTTP scenario can observe, each with the test that checks it instead: the status
 * line's reason phrase never reaches a scenario, and a signature's chain is visible only in /__admin.
 */
const CHECKED_ELSEWHERE: Record<string, string> = {
  'rule-altr-status-lines': 'src/apis/altr/wire.test.ts "status lines"',
  'rule-signatures-chain': 'src/apis/signatures/store.test.ts (the chain kept per version)',
};

const all: Scenario[] = API_NAMES.flatMap((api) => scenariosFor(api, VENDORS[api].contract, specFor(VENDORS[api]).spec));
const handWritten = new Set<Scenario>(API_NAMES.flatMap((api): Scenario[] => VENDORS[api].contract.scenarios));
const coverage = () => readmeCoverage(readmeRules(), all);

describe('README rules and scenarios', () => {
  it("the README's rule anchors are well-formed, unique and sit in their API's section", () => {
    expect(readmeRules().problems).toEqual([]);
  });

  it('a rule id a scenario names is of its own API or generic', () => {
    expect(coverage().misScoped).toEqual([]);
  });

  it('every generated scenario (generic rules, generated negative cases, faults) states its basis and README rules', () => {
    const generated = all.filter((s) => !handWritten.has(s));
    expect(generated.length).toBeGreaterThan(0);
    expect(readmeCoverage({ rules: [], unanchored: [], problems: [] }, generated).unannotated).toEqual([]);
  });

  it('every scenario states its basis and the README rules it checks', () => {
    expect(coverage().unannotated).toEqual([]);
  });

  it('every README rule is checked by at least one scenario', () => {
    expect(coverage().uncovered.filter((id) => !(id in CHECKED_ELSEWHERE))).toEqual([]);
  });

  it('every rule said to be checked elsewhere is a README rule no scenario covers', () => {
    const uncovered = new Set(coverage().uncovered);
    expect(Object.keys(CHECKED_ELSEWHERE).filter((id) => !uncovered.has(id))).toEqual([]);
  });

  it('every rule id a scenario names is in the README', () => {
    expect(coverage().unknown).toEqual([]);
  });

  it('every bullet of a **Rules** list carries a rule anchor', () => {
    expect(readmeRules().unanchored).toEqual([]);
  });
});

describe('readmeCoverage', () => {
  const readme = parseReadmeRules(
    '## Serving\n\n**Rules**\n- <a id="rule-generic-404"></a>404.\n- <a id="rule-generic-413"></a>413.\n\n### Droplit (`/droplit`)\n\n**Rules**\n- <a id="rule-droplit-alias"></a>Alias.\n',
  );
  const s = (name: string, extra: Partial<Scenario>): Scenario => ({ api: 'droplit', name, run: async () => undefined, ...extra });

  it('lists unannotated scenarios, uncovered rules, unknown and mis-scoped ids', () => {
    expect(
      readmeCoverage(readme, [
        s('annotated', { basis: 'vendor', readme: ['rule-droplit-alias'] }),
        s('no basis', { readme: ['rule-generic-404'] }),
        s('no rules', { basis: 'choice', readme: [] }),
        s('nothing', {}),
        s('a rule the README lacks', { basis: 'vendor', readme: ['rule-droplit-gone'] }),
        s("another API's rule", { basis: 'vendor', readme: ['rule-losant-token', 'rule-nope'] }),
      ]),
    ).toEqual({
      unannotated: ['droplit: no basis', 'droplit: no rules', 'droplit: nothing'],
      uncovered: ['rule-generic-413'],
      unknown: ['droplit: a rule the README lacks -> rule-droplit-gone'],
      misScoped: ["droplit: another API's rule -> rule-losant-token", "droplit: another API's rule -> rule-nope"],
    });
  });

  it('is empty when both sides agree', () => {
    expect(readmeCoverage(readme, [s('a', { basis: 'vendor', readme: ['rule-droplit-alias', 'rule-generic-404', 'rule-generic-413'] })])).toEqual({
      unannotated: [],
      uncovered: [],
      unknown: [],
      misScoped: [],
    });
  });
});
