import type { ApiName } from '../../src/core/types';
import { formatFailure } from './checks';
import type { ContractReport, ScenarioResult } from './runner';

// What a run tells people and CI: a console summary grouped by API and check, JUnit XML, and the
// (operation, status) coverage table.

function counts(results: ScenarioResult[]) {
  return {
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
  };
}

export function coverageTable(report: ContractReport): string {
  const lines = ['coverage of documented (operation, status) pairs:'];
  const byOp = new Map<string, string[]>();
  for (const row of report.coverage) {
    const key = `${row.api} ${row.operationId}`;
    byOp.set(key, [...(byOp.get(key) ?? []), `${row.exercised ? '' : '!'}${row.status}`]);
  }
  for (const [op, statuses] of byOp) lines.push(`  ${op.padEnd(46)} ${statuses.join(' ')}`);
  const done = report.coverage.filter((r) => r.exercised).length;
  lines.push(`  ${done}/${report.coverage.length} exercised (a '!' marks a documented status no request produced)`);
  return lines.join('\n');
}

export function consoleReport(report: ContractReport, verbose = false): string {
  const out = [`standin contract: ${report.target}`];
  const apis = [...new Set(report.results.map((r) => r.api))];
  for (const api of apis) {
    const results = report.results.filter((r) => r.api === api);
    const c = counts(results);
    out.push('', `${api}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    for (const r of results) {
      if (r.outcome === 'failed') {
        out.push(`  FAIL ${r.name}`);
        for (const f of r.failures) out.push(formatFailure(f).replace(/^/gm, '       '));
      } else if (r.outcome === 'skipped') out.push(`  skip ${r.name}: ${r.reason}`);
      else if (verbose) out.push(`  ok   ${r.name}`);
    }
    const byCheck = new Map<string, number>();
    for (const f of results.flatMap((r) => r.failures)) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
    if (byCheck.size) out.push(`  failures by check: ${[...byCheck].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  for (const s of report.skippedApis) out.push('', `${s.api}: SKIPPED, ${s.reason}`);
  if (report.undocumented.length) {
    out.push('', 'statuses the specs do not document:', ...report.undocumented.map((u) => `  ${u.api} ${u.operationId} ${u.status}`));
  }
  out.push('', coverageTable(report));
  const c = counts(report.results);
  out.push('', `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
  return out.join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

export function junitReport(report: ContractReport): string {
  const suites: string[] = [];
  const apis = [...new Set<ApiName>([...report.results.map((r) => r.api), ...report.skippedApis.map((s) => s.api)])];
  for (const api of apis) {
    const results = report.results.filter((r) => r.api === api);
    const skippedApi = report.skippedApis.find((s) => s.api === api);
    const c = counts(results);
    const cases = results.map((r) => {
      const head = `    <testcase classname="standin.contract.${api}" name="${xml(r.name)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
      if (r.outcome === 'passed') return `${head}/>`;
      if (r.outcome === 'skipped') return `${head}>\n      <skipped message="${xml(r.reason ?? '')}"/>\n    </testcase>`;
      const body = r.failures.map((f) => `      <failure type="${f.check}" message="${xml(f.message)}">${xml(formatFailure(f))}</failure>`).join('\n');
      return `${head}>\n${body}\n    </testcase>`;
    });
    if (skippedApi) cases.push(`    <testcase classname="standin.contract.${api}" name="${api}"><skipped message="${xml(skippedApi.reason)}"/></testcase>`);
    suites.push(
      `  <testsuite name="${api}" tests="${cases.length}" failures="${c.failed}" skipped="${c.skipped + (skippedApi ? 1 : 0)}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="standin contract">\n${suites.join('\n')}\n</testsuites>\n`;
}

export function coverageJson(report: ContractReport): string {
  const exercised = report.coverage.filter((r) => r.exercised).length;
  return `${JSON.stringify({ target: report.target, exercised, documented: report.coverage.length, pairs: report.coverage, undocumented: report.undocumented }, null, 2)}\n`;
}
