import { NAMESPACE_PATTERN } from '../core/namespace';
import { standinError } from '../core/standinErrors';
import type { EngineResponse } from '../core/types';
import type { SeedResult } from '../state/applyCommand';
import type { AdminDeps } from './call';
import { stateUnavailable } from './stateUnavailable';

/** The largest /__admin/seed: a million-record bench plus headroom, not enough to exhaust a default heap by accident. */
const MAX_SEED_COUNT = 2_000_000;

function seeded(api: string, namespace: string, outcome: SeedResult | undefined, started: number): EngineResponse {
  if (!outcome || 'unsupported' in outcome) return standinError('BulkSeedUnsupported', `${api} has no bulk seeding`);
  if ('failed' in outcome) return standinError('SeedFailed', outcome.failed);
  const durationMs = Math.round(performance.now() - started);
  return { status: 200, body: { seeded: { api, namespace, created: outcome.created, durationMs } } };
}

/** Through the log: a seed draws from the namespace's seeded faker, so it is ordered among the writes that draw from it too. */
async function seedThroughLog(log: NonNullable<AdminDeps['log']>, api: string, namespace: string, count: number): Promise<EngineResponse> {
  const started = performance.now();
  let outcome: SeedResult | undefined;
  try {
    await log.ready();
    outcome = (await log.log.submit({ kind: 'seed', api, namespace, count })) as SeedResult | undefined;
  } catch (error) {
    return stateUnavailable(error);
  }
  return seeded(api, namespace, outcome, started);
}

export function seed(deps: AdminDeps, api: string | undefined, namespace: string, countValue: unknown): EngineResponse | Promise<EngineResponse> {
  const engine = api ? deps.engines.get(api) : undefined;
  if (!engine) return standinError('UnknownApi', `seeding needs "api", one of: ${[...deps.engines.keys()].join(', ')}`);
  if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) return standinError('InvalidSeed', `"namespace" must match ${NAMESPACE_PATTERN}`);
  const count = typeof countValue === 'string' && countValue.trim() !== '' ? Number(countValue) : countValue;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SEED_COUNT) {
    return standinError('InvalidSeed', `"count" must be a whole number from 1 to ${MAX_SEED_COUNT}`);
  }
  // Refused here, not logged: a command that can only fail would sit in the log for nothing.
  if (!engine.canSeedBulk) return standinError('BulkSeedUnsupported', `${engine.name} has no bulk seeding`);
  if (deps.log) return seedThroughLog(deps.log, engine.name, namespace, count);
  const started = performance.now();
  let outcome: SeedResult | undefined;
  try {
    outcome = engine.seedBulk(namespace, count);
  } catch (e) {
    outcome = { failed: (e as Error).message };
  }
  return seeded(engine.name, namespace, outcome, started);
}
