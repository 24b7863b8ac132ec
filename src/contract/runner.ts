import { resolve } from 'node:path';
import { loadSpec, type Spec } from '../core/spec';
import { compileSpec } from '../core/validators';
import { SPECS_DIR } from '../paths';
import type { CheckFailure } from './checkFailure';
import { ApiClient, type Exchange, SkipStep } from './client';
import type { ContractDescriptor } from './descriptor';
import { genericScenarios } from './generic';
import { faultScenarios, negativeScenarios, schemaScenarios } from './negative';
import { unmetNeed } from './needs';
import { type Basis, BehaviourFailure, Expectations, type Scenario, type ScenarioContext } from './scenario';
import { type ApiTarget, resolveTarget, type TargetSpec } from './target';
import { uniqueName } from './uniqueName';
import type { ContractVendor, ContractVendors } from './vendors';

/**
 * 'choice-differs': a [standin choice] scenario failed on a target that is not standin. The target
 * need not share standin's choices, so it is reported apart and fails the run only with strictChoices.
 */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'choice-differs';

export interface ScenarioResult {
  api: string;
  name: string;
  outcome: Outcome;
  basis: Basis;
  /** The README rule ids the scenario checks. */
  readme: string[];
  reason?: string;
  failures: CheckFailure[];
  /** The scenario could not finish (an exception, e.g. the target hung up): a JUnit <error>, not a <failure>. */
  errored?: boolean;
  durationMs: number;
}

export interface CoverageRow {
  api: string;
  operationId: string;
  status: string;
  exercised: boolean;
}

export interface ContractReport {
  target: string;
  /** Each API's target, as resolved: whether it is standin itself decides what a failed choice means and whether drift is shown. */
  targets: Array<{ api: string; label: string; standin: boolean; startedAt: number }>;
  /** When the run started (epoch ms). */
  startedAt: number;
  results: ScenarioResult[];
  skippedApis: Array<{ api: string; reason: string }>;
  coverage: CoverageRow[];
  /** Statuses seen that the spec does not document, per operation. */
  undocumented: Array<{ api: string; operationId: string; status: number }>;
}

export interface ContractOptions {
  /** The vendors to check, by name (the registry in src/apis, or any other). */
  vendors: ContractVendors;
  /** Which of them, in this order. */
  apis: string[];
  target: TargetSpec;
  allowWrites?: boolean;
  /** Only one valid request per operation with the generic checks (for stateless targets such as prism mock). */
  schemaOnly?: boolean;
  /** Only scenarios whose name contains this text. */
  grep?: string;
  /** A [standin choice] that a non-standin target does not share fails the run (default: reported apart). */
  strictChoices?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Told as each API starts and each scenario ends, for a progress display; never on the result's path. */
  progress?: ProgressListener;
}

export interface ProgressListener {
  apiStarted(api: string, scenarios: number): void;
  scenarioDone(api: string, outcome: Outcome): void;
  apiDone(api: string): void;
}

const specs = new Map<string, { spec: Spec; validators: ReturnType<typeof compileSpec> }>();

/** A vendor's spec and its compiled validators, loaded once per file. */
export function specFor(vendor: ContractVendor) {
  const file = resolve(SPECS_DIR, vendor.module.specFile);
  let entry = specs.get(file);
  if (!entry) {
    const spec = loadSpec(file);
    entry = { spec, validators: compileSpec(spec) };
    specs.set(file, entry);
  }
  return entry;
}

/** The vendor's scenarios, then those generated from its spec (or only one valid request per operation). */
export function scenariosFor(api: string, contract: ContractDescriptor, spec: Spec, schemaOnly = false): Scenario[] {
  if (schemaOnly) return schemaScenarios(api, spec, contract);
  return [...contract.scenarios, ...genericScenarios(api, spec, contract), ...faultScenarios(api, spec, contract), ...negativeScenarios(api, spec, contract)];
}

/** What a scenario's failures mean on this target. */
function failedOutcome(target: ApiTarget, basis: Basis, strictChoices: boolean): Outcome {
  return basis === 'choice' && !target.standin && !strictChoices ? 'choice-differs' : 'failed';
}

async function runScenario(
  target: ApiTarget,
  spec: Spec,
  validators: ReturnType<typeof compileSpec>,
  scenario: Scenario,
  index: number,
  seen: Exchange[],
  strictChoices: boolean,
): Promise<ScenarioResult> {
  const started = Date.now();
  const basis = scenario.basis ?? 'vendor';
  const base = { api: target.api, name: scenario.name, basis, readme: scenario.readme ?? [] };
  const unmet = unmetNeed(target, scenario.needs);
  if (unmet) return { ...base, outcome: 'skipped', reason: unmet, failures: [], durationMs: 0 };
  const failures: CheckFailure[] = [];
  const sink = { record: (_api: string, ex: Exchange, f: CheckFailure[]) => (seen.push(ex), failures.push(...f)) };
  const transport = target.transport(index);
  const client = new ApiClient(target.api, target.vendor.contract, spec, validators, transport, target.creds, sink, target.limits);
  let counter = 0;
  const ctx: ScenarioContext = {
    api: target.api,
    target: { standin: target.standin, bodyLimit: target.bodyLimit },
    client,
    creds: target.creds,
    unique: (prefix = 'c') => uniqueName(prefix, Date.now(), index, counter++),
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
  let errored = false;
  try {
    await scenario.run(ctx);
  } catch (e) {
    if (e instanceof SkipStep) return { ...base, outcome: 'skipped', reason: e.message, failures: [], durationMs: Date.now() - started };
    if (e instanceof BehaviourFailure) failures.push(e.failure);
    else {
      errored = true;
      failures.push({
        check: 'behaviour',
        api: target.api,
        operationId: '-',
        message: `scenario error: ${(e as Error).message}`,
        received: '-',
        documented: '-',
        pointers: [],
        curl: '-',
      });
    }
  }
  const outcome = failures.length ? failedOutcome(target, basis, strictChoices) : 'passed';
  return { ...base, outcome, failures, ...(errored && outcome === 'failed' ? { errored } : {}), durationMs: Date.now() - started };
}

/** Runs scenarios in order against one API's target; `seen` holds every exchange, for coverage. */
export async function runScenarios(
  target: ApiTarget,
  scenarios: Scenario[],
  strictChoices = false,
  progress?: ProgressListener,
): Promise<{ results: ScenarioResult[]; seen: Exchange[] }> {
  const { spec, validators } = specFor(target.vendor);
  const seen: Exchange[] = [];
  const results: ScenarioResult[] = [];
  progress?.apiStarted(target.api, scenarios.length);
  for (const [i, scenario] of scenarios.entries()) {
    const result = await runScenario(target, spec, validators, scenario, i, seen, strictChoices);
    results.push(result);
    progress?.scenarioDone(target.api, result.outcome);
  }
  progress?.apiDone(target.api);
  return { results, seen };
}

export async function runContract(options: ContractOptions): Promise<ContractReport> {
  const report: ContractReport = { target: '', targets: [], startedAt: Date.now(), results: [], skippedApis: [], coverage: [], undocumented: [] };
  for (const api of options.apis) {
    const vendor = Object.hasOwn(options.vendors, api) ? options.vendors[api] : undefined;
    if (!vendor) throw new Error(`unknown API '${api}' (known: ${Object.keys(options.vendors).join(', ')})`);
    const target = resolveTarget(api, vendor, options.target, { allowWrites: Boolean(options.allowWrites), env: options.env });
    if (!target.skip) report.target ||= target.label;
    report.targets.push({ api, label: target.label, standin: target.standin, startedAt: Date.now() });
    if (target.skip) {
      report.skippedApis.push({ api, reason: target.skip });
      continue;
    }
    const { spec } = specFor(vendor);
    const scenarios = scenariosFor(api, vendor.contract, spec, options.schemaOnly).filter((s) => !options.grep || s.name.includes(options.grep));
    const { results, seen } = await runScenarios(target, scenarios, Boolean(options.strictChoices), options.progress);
    report.results.push(...results);
    const exercised = new Set(seen.map((ex) => `${ex.operationId} ${ex.status}`));
    for (const op of spec.operations) {
      for (const status of Object.keys(op.responses))
        report.coverage.push({ api, operationId: op.operationId, status, exercised: exercised.has(`${op.operationId} ${status}`) });
      for (const s of new Set(seen.filter((ex) => ex.operationId === op.operationId).map((ex) => ex.status))) {
        if (!(String(s) in op.responses)) report.undocumented.push({ api, operationId: op.operationId, status: s });
      }
    }
  }
  report.target ||= report.targets[0]?.label ?? '';
  return report;
}

/** No check failed; a differing [standin choice] does not count (with strictChoices it is 'failed'). */
export function passed(report: ContractReport): boolean {
  return report.results.every((r) => r.outcome !== 'failed');
}
