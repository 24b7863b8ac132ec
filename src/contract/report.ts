import { formatFailure } from './checkFailure';
import { driftTable } from './driftTable';
import { readmeLink } from './readmeLink';
import type { ContractReport, ScenarioResult } from './runner';

// What a run tells people and CI: a console summary grouped by API and check, the [standin choice]
// scenarios the target does not share in a section of their own, the drift table of a target that
// is not standin, and the (operation, status) coverage table. JUnit XML is junit.ts's.

function counts(results: ScenarioResult[]) {
  return {
    passed: results.filter((r) => r.outcome === 'passed').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
    skipped: results.filter((r) => r.outcome === 'skipped').length,
    choices: results.filter((r) => r.outcome === 'choice-differs').length,
  };
}

function tally(c: ReturnType<typeof counts>): string {
  return `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.choices ? `, ${c.choices} choices differ` : ''}`;
}

/** Where the rule a scenario checks is stated, e.g. "rule: README.md#rule-generic-405 [standin choice]". */
function ruleLine(r: ScenarioResult): string | undefined {
  return r.readme.length ? `rule: ${r.readme.map(readmeLink).join(', ')}${r.basis === 'choice' ? ' [standin choice]' : ''}` : undefined;
}

/** A result's failures, each readable on its own, then the README rules the scenario checks. */
export function formatResult(r: ScenarioResult): string {
  const rule = ruleLine(r);
  return [...r.failures.map(formatFailure), ...(rule ? [rule] : [])].join('\n');
}

function coverageTable(report: ContractReport): string {
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
    out.push('', `${api}: ${tally(c)}`);
    for (const r of results) {
      if (r.outcome === 'failed') {
        out.push(`  FAIL ${r.name}`);
        out.push(formatResult(r).replace(/^/gm, '       '));
      } else if (r.outcome === 'skipped') out.push(`  skip ${r.name}: ${r.reason}`);
      else if (r.outcome === 'choice-differs') out.push(`  diff ${r.name} (a standin choice: see "choices" below)`);
      else if (verbose) out.push(`  ok   ${r.name}`);
    }
    const byCheck = new Map<string, number>();
    for (const f of results.filter((r) => r.outcome === 'failed').flatMap((r) => r.failures)) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
    if (byCheck.size) out.push(`  failures by check: ${[...byCheck].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  const differing = report.results.filter((r) => r.outcome === 'choice-differs');
  if (differing.length) {
    out.push('', `choices: ${differing.length} differ (rules standin chose where the vendor documents none; not failures unless --strict-choices)`);
    for (const r of differing) out.push(`  ${r.api}: ${r.name}`, formatResult(r).replace(/^/gm, '       '));
  }
  for (const s of report.skippedApis) out.push('', `${s.api}: SKIPPED, ${s.reason}`);
  if (report.undocumented.length) {
    out.push('', 'statuses the specs do not document:', ...report.undocumented.map((u) => `  ${u.api} ${u.operationId} ${u.status}`));
  }
  out.push('', coverageTable(report));
  const others = new Set(report.targets.filter((t) => !t.standin).map((t) => t.api));
  if (others.size) out.push('', driftTable({ results: report.results.filter((r) => others.has(r.api)) }));
  const c = counts(report.results);
  out.push('', tally(c));
  return out.join('\n');
}

export function coverageJson(report: ContractReport): string {
  const exercised = report.coverage.filter((r) => r.exercised).length;
  return `${JSON.stringify({ target: report.target, exercised, documented: report.coverage.length, pairs: report.coverage, undocumented: report.undocumented }, null, 2)}\n`;
}
