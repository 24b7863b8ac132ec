import { driftProperties, driftTable } from '../src/contract/driftTable';
import type { ScenarioResult } from '../src/contract/runner';

// The contract summary's drift table: vendor-rule failures apart from [standin choice] differences.

function result(name: string, outcome: ScenarioResult['outcome'], basis: 'vendor' | 'choice', operationId: string, api = 'droplit'): ScenarioResult {
  const failures =
    outcome === 'passed' || outcome === 'skipped'
      ? []
      : [{ check: 'behaviour' as const, api, operationId, message: 'm', received: '-', documented: '-', pointers: [], curl: '-' }];
  return { api, name, outcome, basis, readme: [], failures, durationMs: 1 };
}

describe('drift table', () => {
  test('per operation: vendor-rule failures and [standin choice] differences counted apart; passes and skips are not drift', () => {
    const table = driftTable({
      results: [
        result('duplicate alias -> 400', 'failed', 'vendor', 'createEnvironment'),
        result('alias case-sensitive', 'choice-differs', 'choice', 'createEnvironment'),
        result('strict choice failing', 'failed', 'choice', 'getEnvironment'),
        result('list ok', 'passed', 'vendor', 'listEnvironments'),
        result('skipped', 'skipped', 'vendor', 'deleteEnvironment'),
      ],
    });
    const lines = table.split('\n');
    expect(lines[0]).toContain('drift per operation');
    expect(lines.find((l) => l.includes('droplit createEnvironment'))).toMatch(
      /droplit createEnvironment\s+1\s+1\s+duplicate alias -> 400; \[standin choice\] alias case-sensitive/,
    );
    expect(lines.find((l) => l.includes('droplit getEnvironment'))).toMatch(/\s+0\s+1\s+\[standin choice\] strict choice failing/);
    expect(table).not.toContain('listEnvironments');
    expect(table).not.toContain('deleteEnvironment');
    expect(lines.at(-1)).toBe('  1 vendor rule failure, 2 [standin choice] differences');
  });

  test('nothing drifted: one line; JUnit properties name the kind and operations', () => {
    expect(driftTable({ results: [result('ok', 'passed', 'vendor', 'x')] })).toBe('drift: none (every vendor rule and every [standin choice] held)');
    expect(driftProperties(result('c', 'choice-differs', 'choice', 'getEnvironment'))).toEqual([
      ['drift', 'standin-choice'],
      ['drift-operation', 'droplit getEnvironment'],
    ]);
    expect(driftProperties(result('ok', 'passed', 'vendor', 'x'))).toEqual([]);
  });
});
