import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VENDORS } from '../src/apis';
import { junitReport } from '../src/contract/junit';
import { type ContractReport, runContract, type ScenarioResult } from '../src/contract/runner';
import { createApp } from '../src/server';
import { describeIfInstalled } from './support/describeIfInstalled';

// The JUnit file as CI consumers read it, validated by xmllint against test/fixtures/junit-10.xsd
// (a restriction of the Jenkins xunit-plugin's junit-10.xsd: see its header), and its totals checked.

const XMLLINT = '/usr/bin/xmllint';
const XSD = join(__dirname, 'fixtures', 'junit-10.xsd');

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'standin-junit-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** xmllint's verdict on a document: '' when valid, else its complaints. */
function validate(xml: string): string {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync(XMLLINT, ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

const failure = (message: string) => ({
  check: 'behaviour' as const,
  api: 'droplit',
  operationId: 'createEnvironment',
  message,
  received: '-',
  documented: '-',
  pointers: [],
  curl: "curl -i 'x'",
});

function result(name: string, outcome: ScenarioResult['outcome'], extra: Partial<ScenarioResult> = {}): ScenarioResult {
  return { api: 'droplit', name, outcome, basis: 'vendor', readme: ['rule-droplit-alias'], failures: [], durationMs: 12, ...extra };
}

const T0 = Date.parse('2026-03-04T05:06:07.891Z');

/** Every kind of result, with names XML must escape (quotes, <, &, control characters). */
const REPORT: ContractReport = {
  target: 'http://127.0.0.1:4011',
  startedAt: T0,
  targets: [
    { api: 'droplit', label: 'http://127.0.0.1:4011', standin: false, startedAt: T0 },
    { api: 'losant', label: 'standin at http://127.0.0.1:4010/losant', standin: true, startedAt: T0 + 1500 },
  ],
  results: [
    result('create "quoted" <env> & co', 'passed'),
    result('duplicate alias -> 400', 'failed', { failures: [failure('expected 400, got 201 \u0001\u001f')] }),
    result('target hung up', 'failed', { errored: true, failures: [failure('scenario error: fetch failed')] }),
    result('needs writes', 'skipped', { reason: 'changes data: run with --allow-writes' }),
    result('alias case', 'choice-differs', { basis: 'choice', failures: [failure('a choice')] }),
    { ...result('losant list', 'passed'), api: 'losant', durationMs: 1234 },
  ],
  skippedApis: [{ api: 'altr', reason: 'no live credentials: set apis.altr.key' }],
  coverage: [],
  undocumented: [],
};

const attrs = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

describeIfInstalled('JUnit report', existsSync(XMLLINT), 'xmllint not found: apt-get install libxml2-utils', () => {
  test('is valid against junit-10.xsd, with totals on <testsuites> and the Ant attributes on every <testsuite>', () => {
    const xml = junitReport(REPORT, 'ci-host');
    expect(validate(xml)).toBe('');
    const [top] = attrs(xml, 'testsuites');
    expect(top).toEqual({ name: 'standin contract', tests: '7', failures: '1', errors: '1', time: '1.294' });
    const suites = attrs(xml, 'testsuite');
    expect(suites).toEqual([
      {
        name: 'droplit',
        tests: '5',
        failures: '1',
        errors: '1',
        skipped: '1',
        time: '0.060',
        timestamp: '2026-03-04T05:06:07',
        hostname: 'ci-host',
        id: '0',
        package: 'standin.contract.droplit',
      },
      {
        name: 'losant',
        tests: '1',
        failures: '0',
        errors: '0',
        skipped: '0',
        time: '1.234',
        timestamp: '2026-03-04T05:06:09',
        hostname: 'ci-host',
        id: '1',
        package: 'standin.contract.losant',
      },
      {
        name: 'altr',
        tests: '1',
        failures: '0',
        errors: '0',
        skipped: '1',
        time: '0.000',
        timestamp: '2026-03-04T05:06:07',
        hostname: 'ci-host',
        id: '2',
        package: 'standin.contract.altr',
      },
    ]);
    for (const c of attrs(xml, 'testcase')) expect(Object.keys(c).sort()).toEqual(['classname', 'name', 'time']);
    expect(xml).toContain('name="create &quot;quoted&quot; &lt;env&gt; &amp; co"');
    expect(xml).toContain('<error type="scenario-error" message="scenario error: fetch failed">');
    expect(xml).toContain('<failure type="behaviour" message="expected 400, got 201 ">');
    // Drift is a property of the suite whose target is not standin, and said in the failure's text.
    expect(xml).toContain('<property name="drift-vendor-rule" value="2"/>');
    expect(xml).toContain('<property name="drift-operation" value="droplit createEnvironment"/>');
    expect(xml).toMatch(/rule: README\.md#rule-droplit-alias\ndrift: vendor-rule, droplit createEnvironment<\/failure>/);
    expect(xml.slice(xml.indexOf('<testsuite name="losant"'))).not.toContain('drift');
  });

  test('a real run (in-process, the generic rules of one API) is valid too', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: ['signatures'],
      grep: 'generic:',
      target: { kind: 'in-process', app: createApp({ apis: ['signatures'] }).listener },
    });
    expect(report.results.length).toBeGreaterThan(3);
    const xml = junitReport(report);
    expect(validate(xml)).toBe('');
    expect(attrs(xml, 'testsuites')[0].tests).toBe(String(report.results.length));
  });

  test('the schema bites: what junit-10.xsd refuses is refused here too', () => {
    const good = junitReport(REPORT, 'h');
    // <properties> inside a <testcase> (the report's former form), `skipped` on <testsuites>, a suite without errors/timestamp.
    const caseProps = good.replace(
      '<testcase classname="standin.contract.losant" name="losant list" time="1.234"/>',
      '<testcase classname="standin.contract.losant" name="losant list" time="1.234"><properties><property name="basis" value="vendor"/></properties></testcase>',
    );
    expect(caseProps).not.toBe(good);
    expect(validate(caseProps)).toMatch(/properties.*not expected/);
    expect(validate(good.replace('<testsuites name="standin contract"', '<testsuites name="standin contract" skipped="2"'))).toMatch(/skipped.*not allowed/);
    expect(validate(good.replace(/ errors="0" skipped="0" time="1.234" timestamp="[^"]+"/, ' skipped="0" time="1.234"'))).toMatch(
      /errors.*is required|timestamp.*is required/,
    );
    expect(validate(good.replace('timestamp="2026-03-04T05:06:07"', 'timestamp="2026-03-04T05:06:07.891Z"'))).toMatch(/timestamp/);
  });
});
