import { NAMESPACE_PATTERN } from '../core/namespace';
import { standinError } from '../core/standinErrors';
import type { EngineResponse } from '../core/types';
import type { AdminDeps } from './call';

/** The largest /__admin/seed: a million-record bench plus headroom, not enough to exhaust a default heap by accident. */
const MAX_SEED_COUNT = 2_000_000;

export function seed(deps: AdminDeps, api: string | undefined, namespace: string, countValue: unknown): EngineResponse {
  const engine = api ? deps.engines.get(api) : undefined;
  if (!engine) return standinError('UnknownApi', `seeding needs "api", one of: ${[...deps.engines.keys()].join(', ')}`);
  if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) return standinError('InvalidSeed', `"namespace" must match ${NAMESPACE_PATTERN}`);
  const count = typeof countValue === 'string' && countValue.trim() !== '' ? Number(countValue) : countValue;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SEED_COUNT) {
    return standinError('InvalidSeed', `"count" must be a whole number from 1 to ${MAX_SEED_COUNT}`);
  }
  const started = performance.now();
  let outcome: { created: number } | undefined;
  try {
    outcome = engine.seedBulk(namespace, count);
  } catch (e) {
    return standinError('SeedFailed', (e as Error).message);
  }
  if (!outcome) return standinError('BulkSeedUnsupported', `${engine.name} has no bulk seeding`);
  const durationMs = Math.round(performance.now() - started);
  return { status: 200, body: { seeded: { api: engine.name, namespace, created: outcome.created, durationMs } } };
}
