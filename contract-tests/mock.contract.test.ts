import { API_NAMES, VENDORS } from '../src/apis';
import { formatResult } from '../src/contract/report';
import { type ContractReport, runContract, scenariosFor, specFor } from '../src/contract/runner';
import { createApp } from '../src/server';

// The suite against our own mock, in-process: every scenario passes, none is skipped, and every
// documented (operation, status) pair is exercised. One jest test per scenario, named after its rule.

describe.each([...API_NAMES])('contract suite against the in-process mock: %s', (api) => {
  const names = scenariosFor(api, VENDORS[api].contract, specFor(VENDORS[api]).spec).map((s) => s.name);
  let report: ContractReport;

  beforeAll(async () => {
    report = await runContract({ vendors: VENDORS, apis: [api], target: { kind: 'in-process', app: createApp({ apis: [api] }).app } });
  });

  it.each(names)('%s', (name) => {
    const result = report.results.find((r) => r.name === name)!;
    // A failure shows what broke and the README rule it breaks (README.md#rule-...).
    const failures = result.failures.length ? formatResult(result).split('\n') : [];
    expect({ outcome: result.outcome, reason: result.reason, failures }).toEqual({ outcome: 'passed', reason: undefined, failures: [] });
  });

  it('exercises every documented (operation, status) pair', () => {
    expect(report.coverage.filter((r) => !r.exercised).map((r) => `${r.operationId} ${r.status}`)).toEqual([]);
    expect(report.undocumented).toEqual([]);
  });
});
