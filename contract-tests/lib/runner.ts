import { join } from 'node:path';
import { loadSpec, type Spec } from '../../src/core/spec';
import type { ApiName } from '../../src/core/types';
import { compileSpec } from '../../src/core/validators';
import { SPECS_DIR } from '../../src/paths';
import { SCENARIOS, SAMPLE_VALUES } from '../scenarios';
import type { CheckFailure } from './checks';
import { ApiClient, type Exchange, SkipStep } from './client';
import { genericScenarios } from './generic';
import { faultScenarios, negativeScenarios, schemaScenarios } from './negative';
import { type Basis, BehaviourFailure, Expectations, type Scenario } from './scenario';
import { type ApiTarget, resolveTarget, type TargetSpec, unmetNeed } from './target';

/**
 * 'choice-differs': a [standin choice] scenario failed on a target that is not standin. The target
 * need not share standin's choices, so it is reported apart and fails the run only with strictChoices.
 */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'choice-differs';

export interface ScenarioResult {
  api: ApiName;
  name: string;
  outcome: Outcome;
  basis: Basis;
  /** The README rule ids the scenario checks. */
  readme: string[];
  reason?: string;
  failures: CheckFailure[];
  durationMs: number;
}

export interface CoverageRow {
  api: ApiName;
  operationId: string;
  status: string;
  exercised: boolean;
}

export interface ContractReport {
  target: string;
  results: ScenarioResult[];
  skippedApis: Array<{ api: ApiName; reason: string }>;
  coverage: CoverageRow[];
  /** Statuses seen that the spec does not document, per operation. */
  undocumented: Array<{ api: ApiName; operationId: string; status: number }>;
}

export interface ContractOptions {
  apis: ApiName[];
  target: TargetSpec;
  allowWrites?: boolean;
  /** Only one valid request per operation with the generic checks (for stateless targets such as prism mock). */
  schemaOnly?: boolean;
  /** Only scenarios whose name contains this text. */
  grep?: string;
  /** A [standin choice] that a non-standin target does not share fails the run (default: reported apart). */
  strictChoices?: boolean;
  env?: NodeJS.ProcessEnv;
}

const specs = new Map<ApiName, { spec: Spec; validators: ReturnType<typeof compileSpec> }>();
function specFor(api: ApiName) {
  let entry = specs.get(api);
  if (!entry) {
    const spec = loadSpec(join(SPECS_DIR, `${api}.yaml`));
    entry = { spec, validators: compileSpec(spec) };
    specs.set(api, entry);
  }
  return entry;
}

export function scenariosFor(api: ApiName, spec: Spec, schemaOnly = false): Scenario[] {
  const values = SAMPLE_VALUES[api];
  if (schemaOnly) return schemaScenarios(api, spec, values);
  return [
    ...(SCENARIOS[api] as Scenario[]),
    ...genericScenarios(api, spec, values),
    ...faultScenarios(api, spec, values),
    ...negativeScenarios(api, spec, values),
  ];
}

/** What a scenario's failures mean on this target. */
function failedOutcome(target: ApiTarget, basis: Basis, strictChoices: boolean): Outcome {
  return basis === 'choice' && !target.standin && !strictChoices ? 'choice-differs' : 'failed';
}

async function runScenario(target: ApiTarget, spec: Spec, validators: ReturnType<typeof compileSpec>, scenario: Scenario, index: number, seen: Exchange[], strictChoices: boolean): Promise<ScenarioResult> {
  const started = Date.now();
  const basis = scenario.basis ?? 'vendor';
  const base = { api: target.api, name: scenario.name, basis, readme: scenario.readme ?? [] };
  const unmet = unmetNeed(target, scenario.needs);
  if (unmet) return { ...base, outcome: 'skipped', reason: unmet, failures: [], durationMs: 0 };
  const failures: CheckFailure[] = [];
  const sink = { record: (_api: ApiName, ex: Exchange, f: CheckFailure[]) => (seen.push(ex), failures.push(...f)) };
  const transport = target.transport(index);
  const client = new ApiClient(target.api, spec, validators, transport, target.creds, sink, target.limits);
  let counter = 0;
  const ctx = {
    api: target.api,
    target: { standin: target.standin, bodyLimit: target.bodyLimit },
    client,
    creds: target.creds,
    unique: (prefix = 'c') => `${prefix}_${Date.now().toString(36)}${index}_${counter++}`.slice(0, 24),
    fault: async (operationId: string) => {
      if (!target.admin) throw new SkipStep("needs standin's /__admin for fault injection");
      const res = await target.admin.send({
        method: 'POST',
        path: '/faults',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api: target.api, operationId, namespace: target.namespace?.(index), times: 1 }),
      });
      if (res.status !== 201) throw new Error(`fault injection refused: ${res.status} ${res.body.toString()}`);
    },
    expect: new Expectations(target.api),
  };
  try {
    await scenario.run(ctx as any);
  } catch (e) {
    if (e instanceof SkipStep) return { ...base, outcome: 'skipped', reason: e.message, failures: [], durationMs: Date.now() - started };
    if (e instanceof BehaviourFailure) failures.push(e.failure);
    else failures.push({ check: 'behaviour', api: target.api, operationId: '-', message: `scenario error: ${(e as Error).message}`, received: '-', documented: '-', pointers: [], curl: '-' });
  }
  return { ...base, outcome: failures.length ? failedOutcome(target, basis, strictChoices) : 'passed', failures, durationMs: Date.now() - started };
}

/** Runs scenarios in order against one API's target; `seen` holds every exchange, for coverage. */
export async function runScenarios(target: ApiTarget, scenarios: Scenario[], strictChoices = false): Promise<{ results: ScenarioResult[]; seen: Exchange[] }> {
  const { spec, validators } = specFor(target.api);
  const seen: Exchange[] = [];
  const results: ScenarioResult[] = [];
  for (const [i, scenario] of scenarios.entries()) results.push(await runScenario(target, spec, validators, scenario, i, seen, strictChoices));
  return { results, seen };
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const report: ContractReport = { target: '', results: [], skippedApis: [], coverage: [], undocumented: [] };
  for (const api of options.apis) {
    const target = resolveTarget(api, options.target, { allowWrites: Boolean(options.allowWrites), env: options.env });
    report.target ||= target.label;
    if (target.skip) {
      report.skippedApis.push({ api, reason: target.skip });
      continue;
    }
    const { spec } = specFor(api);
    const scenarios = scenariosFor(api, spec, options.schemaOnly).filter((s) => !options.grep || s.name.includes(options.grep));
    const { results, seen } = await runScenarios(target, scenarios, Boolean(options.strictChoices));
    report.results.push(...results);
    const exercised = new Set(seen.map((ex) => `${ex.operationId} ${ex.status}`));
    for (const op of spec.operations) {
      for (const status of Object.keys(op.responses)) report.coverage.push({ api, operationId: op.operationId, status, exercised: exercised.has(`${op.operationId} ${status}`) });
      for (const s of new Set(seen.filter((ex) => ex.operationId === op.operationId).map((ex) => ex.status))) {
        if (!(String(s) in op.responses)) report.undocumented.push({ api, operationId: op.operationId, status: s });
      }
    }
  }
  return report;
}

/** No check failed; a differing [standin choice] does not count (with strictChoices it is 'failed'). */
export function passed(report: ContractReport): boolean {
  return report.results.every((r) => r.outcome !== 'failed');
}
