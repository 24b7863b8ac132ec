import { VENDORS } from '../src/apis';
import { junitReport } from '../src/contract/junit';
import { consoleReport } from '../src/contract/report';
import { type ContractReport, passed, runScenarios } from '../src/contract/runner';
import type { Scenario } from '../src/contract/scenario';
import { resolveTarget, type TargetSpec } from '../src/contract/target';
import { createApp } from '../src/server';

// A scenario that checks a [standin choice] fails as always on standin; on any other target (Prism,
// the live vendor) its failure is reported apart as 'choice-differs' and does not fail the run,
// unless strictChoices. Vendor rules fail everywhere. JUnit shows a differing choice without a <failure>.

const scenario = (name: string, basis: Scenario['basis'], fails: boolean, readme: string[] = []): Scenario => ({
  api: 'signatures',
  name,
  basis,
  readme,
  async run(t) {
    if (fails) t.expect.fail(undefined, `${name} does not hold here`, 'what the rule states');
  },
});

const SCENARIOS = [
  scenario('a vendor rule that fails', 'vendor', true, ['rule-signatures-version']),
  scenario('a standin choice that fails', 'choice', true, ['rule-generic-405']),
  scenario('a standin choice that holds', 'choice', false, ['rule-generic-404']),
  scenario('an unannotated scenario that fails', undefined, true),
];

const LIVE: TargetSpec = { kind: 'live', config: { apis: { signatures: { baseUrl: 'http://127.0.0.1:9' } } } };
const IN_PROCESS: TargetSpec = { kind: 'in-process', app: createApp({ apis: ['signatures'] }).app };

async function run(spec: TargetSpec, strictChoices = false): Promise<ContractReport> {
  const target = resolveTarget('signatures', VENDORS.signatures, spec, { allowWrites: false, env: {} });
  const { results } = await runScenarios(target, SCENARIOS, strictChoices);
  const targets = [{ api: 'signatures', label: target.label, standin: target.standin, startedAt: Date.now() }];
  return { target: target.label, targets, startedAt: Date.now(), results, skippedApis: [], coverage: [], undocumented: [] };
}

const outcomes = (report: ContractReport) => report.results.map((r) => [r.name, r.outcome]);

describe('standin choices against a target that is not standin', () => {
  it('a failing choice is choice-differs; vendor and unannotated scenarios fail; the run fails only on those', async () => {
    const report = await run(LIVE);
    expect(outcomes(report)).toEqual([
      ['a vendor rule that fails', 'failed'],
      ['a standin choice that fails', 'choice-differs'],
      ['a standin choice that holds', 'passed'],
      ['an unannotated scenario that fails', 'failed'],
    ]);
    expect(report.results.map((r) => r.basis)).toEqual(['vendor', 'choice', 'choice', 'vendor']);
    expect(passed({ ...report, results: report.results.filter((r) => r.basis === 'choice') })).toBe(true);
    expect(passed(report)).toBe(false);
  });

  it('with strictChoices a failing choice is a failure', async () => {
    const report = await run(LIVE, true);
    expect(outcomes(report)[1]).toEqual(['a standin choice that fails', 'failed']);
    expect(passed({ ...report, results: report.results.filter((r) => r.basis === 'choice') })).toBe(false);
  });

  it('on standin itself a failing choice is a failure, strict or not', async () => {
    expect(resolveTarget('signatures', VENDORS.signatures, IN_PROCESS, { allowWrites: true }).standin).toBe(true);
    expect(resolveTarget('signatures', VENDORS.signatures, { kind: 'base-url', baseUrl: 'http://127.0.0.1:9' }, { allowWrites: true }).standin).toBe(true);
    expect(resolveTarget('signatures', VENDORS.signatures, { kind: 'prism', urls: { signatures: 'http://127.0.0.1:9' } }, { allowWrites: true }).standin).toBe(
      false,
    );
    expect(outcomes(await run(IN_PROCESS))[1]).toEqual(['a standin choice that fails', 'failed']);
  });
});

describe('reports', () => {
  let report: ContractReport;
  beforeAll(async () => {
    report = await run(LIVE);
  });

  it('the console lists differing choices in their own section, with the README rule, and counts them apart', () => {
    const text = consoleReport(report);
    expect(text).toContain('signatures: 1 passed, 2 failed, 0 skipped, 1 choices differ');
    expect(text).toContain('  diff a standin choice that fails (a standin choice: see "choices" below)');
    expect(text).toMatch(
      /\nchoices: 1 differ \(rules standin chose where the vendor documents none; not failures unless --strict-choices\)\n {2}signatures: a standin choice that fails\n {7}\[behaviour\] signatures -: a standin choice that fails does not hold here\n/,
    );
    expect(text).toContain('       rule: README.md#rule-generic-405 [standin choice]');
    expect(text).toContain('  FAIL a vendor rule that fails\n       [behaviour] signatures -: a vendor rule that fails does not hold here');
    expect(text).toContain('       rule: README.md#rule-signatures-version\n');
    expect(text.trim().split('\n').pop()).toBe('1 passed, 2 failed, 0 skipped, 1 choices differ');
    expect(text).not.toMatch(/FAIL a standin choice/);
  });

  it('without differing choices the tallies read as before', async () => {
    const strict = await run(LIVE, true);
    expect(consoleReport(strict).trim().split('\n').pop()).toBe('1 passed, 3 failed, 0 skipped');
    expect(consoleReport(strict)).not.toContain('choices:');
  });

  it('JUnit: a differing choice is no <failure> but is shown with its rule; failures carry their rule; drift counted per suite', () => {
    const xml = junitReport(report, 'ci-host');
    expect(xml).toMatch(
      /<testsuite name="signatures" tests="4" failures="2" errors="0" skipped="0" time="[0-9.]+" timestamp="[0-9T:-]{19}" hostname="ci-host" id="0" package="standin\.contract\.signatures">/,
    );
    expect(xml).toContain('<property name="choices-differ" value="1"/>');
    expect(xml).toContain('<property name="drift-vendor-rule" value="2"/>');
    expect(xml).toContain('<property name="drift-standin-choice" value="1"/>');
    const caseOf = (name: string) => xml.slice(xml.indexOf(`name="${name}"`), xml.indexOf('</testcase>', xml.indexOf(`name="${name}"`)));
    const differing = caseOf('a standin choice that fails');
    expect(differing).not.toContain('<failure');
    expect(differing).not.toContain('<properties>');
    expect(differing).toMatch(
      /<system-out>standin choice not shared by the target:\n\[behaviour\] signatures -: a standin choice that fails does not hold here[\s\S]*rule: README\.md#rule-generic-405 \[standin choice\]\ndrift: standin-choice, signatures -<\/system-out>/,
    );
    const vendor = caseOf('a vendor rule that fails');
    expect(vendor).toMatch(
      /<failure type="behaviour" message="a vendor rule that fails does not hold here">[\s\S]*rule: README\.md#rule-signatures-version\ndrift: vendor-rule, signatures -<\/failure>/,
    );
    expect(xml).toMatch(/<testcase classname="standin\.contract\.signatures" name="a standin choice that holds" time="[0-9.]+"\/>/);
  });
});
