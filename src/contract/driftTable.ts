import type { ContractReport, ScenarioResult } from './runner';

// A live run's drift, per operation: how many vendor rules the target broke apart from the
// [standin choice] rules it does not share, so a reader sees at once which differences are the
// vendor's (or the spec's) and which are only standin's choices.

export type DriftKind = 'vendor-rule' | 'standin-choice';

/** Whether a result is drift, of which kind, and at which operations (from its failures). */
function driftOf(r: ScenarioResult): { kind: DriftKind; operations: string[] } | undefined {
  if (r.outcome !== 'failed' && r.outcome !== 'choice-differs') return undefined;
  const kind: DriftKind = r.basis === 'choice' ? 'standin-choice' : 'vendor-rule';
  const operations = [...new Set(r.failures.map((f) => `${f.api} ${f.operationId}`))];
  return { kind, operations: operations.length ? operations : [`${r.api} -`] };
}

/** The JUnit properties of a result's drift (none when it held): kind, then each operation. */
export function driftProperties(r: ScenarioResult): [string, string][] {
  const drift = driftOf(r);
  return drift ? [['drift', drift.kind], ...drift.operations.map((op): [string, string] => ['drift-operation', op])] : [];
}

interface Row {
  vendor: number;
  choice: number;
  scenarios: string[];
}

/** The table the run summary prints; one line when nothing drifted. */
export function driftTable(report: Pick<ContractReport, 'results'>): string {
  const rows = new Map<string, Row>();
  for (const r of report.results) {
    const drift = driftOf(r);
    if (!drift) continue;
    for (const op of drift.operations) {
      let row = rows.get(op);
      if (!row) rows.set(op, (row = { vendor: 0, choice: 0, scenarios: [] }));
      if (drift.kind === 'vendor-rule') row.vendor++;
      else row.choice++;
      row.scenarios.push(`${drift.kind === 'standin-choice' ? '[standin choice] ' : ''}${r.name}`);
    }
  }
  if (rows.size === 0) return 'drift: none (every vendor rule and every [standin choice] held)';
  const width = Math.max(9, ...[...rows.keys()].map((k) => k.length));
  const lines = ['drift per operation (vendor rules failed | [standin choice] rules not shared):', `  ${'operation'.padEnd(width)}  vendor  choice  scenarios`];
  const sorted = [...rows].sort(([a], [b]) => a.localeCompare(b));
  for (const [op, row] of sorted) {
    const names = row.scenarios.slice(0, 3).join('; ') + (row.scenarios.length > 3 ? `; +${row.scenarios.length - 3} more` : '');
    lines.push(`  ${op.padEnd(width)}  ${String(row.vendor).padStart(6)}  ${String(row.choice).padStart(6)}  ${names}`);
  }
  const vendor = sorted.reduce((n, [, r]) => n + r.vendor, 0);
  const choice = sorted.reduce((n, [, r]) => n + r.choice, 0);
  lines.push(`  ${vendor} vendor rule failure${vendor === 1 ? '' : 's'}, ${choice} [standin choice] difference${choice === 1 ? '' : 's'}`);
  return lines.join('\n');
}
