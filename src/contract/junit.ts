import { hostname } from 'node:os';
import { driftProperties } from './driftTable';
import { formatResult } from './report';
import type { ContractReport, ScenarioResult } from './runner';

// JUnit XML as the common CI consumers read it: valid against the Jenkins xunit-plugin's
// junit-10.xsd (which Jenkins xUnit validates every file against, and which allows no <properties>
// inside a <testcase> and no `skipped` on <testsuites>), with the Ant attributes the other readers
// show: tests, failures, errors, skipped, time, timestamp, hostname, id, package. What a case's
// properties would say goes where that schema allows it: into the failure's text (the README rule,
// "[standin choice]"), the differing choice's <system-out>, and the suite's <properties>.

// eslint-disable-next-line no-control-regex -- XML 1.0 cannot hold these characters even escaped, so they are dropped
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!).replace(NOT_IN_XML, '');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/** Ant's form: local date and time to the second, no zone (the schema's ISO8601_DATETIME_PATTERN); UTC here, so runs compare. */
const antTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** What a case's failures say, then its README rule and, on a target that is not standin, its drift. */
function details(r: ScenarioResult, drift: boolean): string {
  const props = drift ? driftProperties(r) : [];
  return props.length ? `${formatResult(r)}\ndrift: ${props.map(([, v]) => v).join(', ')}` : formatResult(r);
}

function testcase(api: string, r: ScenarioResult, drift: boolean): string {
  const head = `    <testcase classname="standin.contract.${api}" name="${xml(r.name)}" time="${seconds(r.durationMs)}"`;
  if (r.outcome === 'passed') return `${head}/>`;
  const body: string[] = [];
  if (r.outcome === 'skipped') body.push(`      <skipped message="${xml(r.reason ?? '')}"/>`);
  else if (r.outcome === 'failed') {
    const first = r.failures[0];
    const tag = r.errored ? 'error' : 'failure';
    const type = r.errored ? 'scenario-error' : (first?.check ?? 'behaviour');
    body.push(`      <${tag} type="${type}" message="${xml(first?.message ?? '')}">${xml(details(r, drift))}</${tag}>`);
  } else body.push(`      <system-out>${xml(`standin choice not shared by the target:\n${details(r, drift)}`)}</system-out>`);
  return `${head}>\n${body.join('\n')}\n    </testcase>`;
}

interface Suite {
  api: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
  xml: string;
}

function suite(report: ContractReport, api: string, id: number, host: string): Suite {
  const results = report.results.filter((r) => r.api === api);
  const target = report.targets.find((t) => t.api === api);
  const skippedApi = report.skippedApis.find((s) => s.api === api);
  const drift = target !== undefined && !target.standin;
  const cases = results.map((r) => testcase(api, r, drift));
  if (skippedApi)
    cases.push(
      `    <testcase classname="standin.contract.${api}" name="${api}" time="0.000">\n      <skipped message="${xml(skippedApi.reason)}"/>\n    </testcase>`,
    );
  const failures = results.filter((r) => r.outcome === 'failed' && !r.errored).length;
  const errors = results.filter((r) => r.outcome === 'failed' && r.errored).length;
  const skipped = results.filter((r) => r.outcome === 'skipped').length + (skippedApi ? 1 : 0);
  const ms = results.reduce((n, r) => n + r.durationMs, 0);
  const props: [string, string][] = [
    ['target', target?.label ?? report.target],
    ['standin', String(target?.standin ?? false)],
    ['choices-differ', String(results.filter((r) => r.outcome === 'choice-differs').length)],
  ];
  if (drift) {
    const kinds = results.flatMap((r) => driftProperties(r).filter(([k]) => k === 'drift'));
    props.push(['drift-vendor-rule', String(kinds.filter(([, v]) => v === 'vendor-rule').length)]);
    props.push(['drift-standin-choice', String(kinds.filter(([, v]) => v === 'standin-choice').length)]);
    const ops = new Set(results.flatMap((r) => driftProperties(r).filter(([k]) => k === 'drift-operation')).map(([, v]) => v));
    for (const op of [...ops].sort()) props.push(['drift-operation', op]);
  }
  const started = target?.startedAt ?? report.startedAt;
  const attrs =
    `name="${xml(api)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(ms)}" ` +
    `timestamp="${antTimestamp(started)}" hostname="${xml(host)}" id="${id}" package="standin.contract.${xml(api)}"`;
  const propXml = props.map(([name, value]) => `      <property name="${name}" value="${xml(value)}"/>`).join('\n');
  const text = `  <testsuite ${attrs}>\n    <properties>\n${propXml}\n    </properties>${cases.length ? `\n${cases.join('\n')}` : ''}\n  </testsuite>`;
  return { api, tests: cases.length, failures, errors, skipped, ms, xml: text };
}

/** One <testsuite> per API (in run order, skipped APIs too), totals on <testsuites>. */
export function junitReport(report: ContractReport, host: string = hostname() || 'localhost'): string {
  const apis = [...new Set<string>([...report.targets.map((t) => t.api), ...report.results.map((r) => r.api), ...report.skippedApis.map((s) => s.api)])];
  const suites = apis.map((api, i) => suite(report, api, i, host));
  const sum = (k: 'tests' | 'failures' | 'errors' | 'ms') => suites.reduce((n, s) => n + s[k], 0);
  const head = `<testsuites name="standin contract" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" time="${seconds(sum('ms'))}">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}
