import { timingSafeEqual } from 'node:crypto';
import type { Engine } from '../core/engine';
import type { SettableClock } from '../core/clock';
import type { EngineRequest, EngineResponse } from '../core/types';
import type { Journal } from './journal';
import { NAMESPACE_HEADER, NAMESPACE_PATTERN } from '../core/namespace';

// /__admin: standin's own control surface, never under a vendor prefix, answering in its own
// envelope {standin:{error,message}} on failure. Every route that acts on state or time is scoped by
// namespace, taken from the body, else the query, else the x-standin-namespace header a parallel
// worker already sends; acting on every namespace at once has to be asked for.

export interface AdminDeps {
  engines: Map<string, Engine>;
  journal: Journal;
  clock: SettableClock;
  adminToken?: string;
  startedAt: number;
}

function fail(status: number, error: string, message: string): EngineResponse {
  return { status, body: { standin: { error, message } } };
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function jsonBody(request: EngineRequest): Record<string, unknown> | undefined {
  if (!request.body || request.body.length === 0) return {};
  try {
    const value = JSON.parse(request.body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The largest /__admin/seed: a million-record bench plus headroom, not enough to exhaust a default heap by accident. */
export const MAX_SEED_COUNT = 2_000_000;

function seed(deps: AdminDeps, api: string | undefined, namespace: string, countValue: unknown): EngineResponse {
  const engine = api ? deps.engines.get(api) : undefined;
  if (!engine) return fail(404, 'UnknownApi', `seeding needs "api", one of: ${[...deps.engines.keys()].join(', ')}`);
  if (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace)) return fail(400, 'InvalidSeed', `"namespace" must match ${NAMESPACE_PATTERN}`);
  const count = typeof countValue === 'string' && countValue.trim() !== '' ? Number(countValue) : countValue;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SEED_COUNT) {
    return fail(400, 'InvalidSeed', `"count" must be a whole number from 1 to ${MAX_SEED_COUNT}`);
  }
  const started = performance.now();
  let outcome: { created: number } | undefined;
  try {
    outcome = engine.seedBulk(namespace, count);
  } catch (e) {
    return fail(500, 'SeedFailed', (e as Error).message);
  }
  if (!outcome) return fail(400, 'BulkSeedUnsupported', `${engine.name} has no bulk seeding`);
  const durationMs = Math.round(performance.now() - started);
  return { status: 200, body: { seeded: { api: engine.name, namespace, created: outcome.created, durationMs } } };
}

/** GET /__admin/health?gc=1 collects garbage first when node runs with --expose-gc, so memory figures mean something. */
function memoryUsage(collect: boolean): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && typeof gc === 'function') gc();
  return process.memoryUsage();
}

/** The global clock, or one namespace's view of it. */
function clockView(clock: SettableClock, namespace: string | undefined) {
  if (namespace === undefined) return { now: clock.now().toISOString(), pinned: clock.isPinned() };
  return { namespace, now: clock.nowIn(namespace).toISOString(), pinned: clock.isPinnedIn(namespace) };
}

export function handleAdmin(deps: AdminDeps, request: EngineRequest): EngineResponse {
  if (deps.adminToken && !tokenMatches(request.headers.authorization, deps.adminToken)) {
    return fail(401, 'Unauthorized', 'this /__admin needs Authorization: Bearer <admin token> (see --admin-token)');
  }
  const [resource, arg] = request.path.replace(/^\/+|\/+$/g, '').split('/');
  const route = `${request.method} ${resource ?? ''}`;
  const body = jsonBody(request);
  if (body === undefined) return fail(400, 'MalformedBody', 'the body must be a JSON object');
  const pick = (name: string) => (body[name] as string | undefined) ?? one(request.query[name]);
  const namespace = pick('namespace') ?? request.headers[NAMESPACE_HEADER];
  // An explicit {"all": true} wins over the namespace a worker's client adds to every request.
  const all = body.all === true || ['true', '1'].includes(one(request.query.all) ?? '');
  const scope = all ? undefined : namespace;
  if (namespace !== undefined && (typeof namespace !== 'string' || !NAMESPACE_PATTERN.test(namespace))) {
    return fail(400, 'InvalidNamespace', `the namespace (body, query or ${NAMESPACE_HEADER}) must match ${NAMESPACE_PATTERN}`);
  }

  switch (route) {
    case 'GET health':
      return {
        status: 200,
        body: {
          status: 'ok',
          apis: [...deps.engines.keys()],
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
          now: deps.clock.now().toISOString(),
          requests: deps.journal.recorded,
          memory: memoryUsage(one(request.query.gc) === '1'),
        },
      };
    case 'POST reset': {
      const api = pick('api');
      if (namespace === undefined && !all) {
        return fail(400, 'NamespaceRequired', `say which namespace to reset ("namespace" in the body or query, or the ${NAMESPACE_HEADER} header), or send {"all": true} to reset every namespace`);
      }
      if (api && !deps.engines.has(api)) return fail(404, 'UnknownApi', `no API named '${api}' is served`);
      const targets = api ? [deps.engines.get(api)!] : [...deps.engines.values()];
      for (const engine of targets) engine.reset(scope);
      // Pins of namespaces that no longer exist would otherwise pile up to the pin cap on a long-lived backend.
      if (all && !api) deps.clock.releaseNamespaces();
      return { status: 200, body: { reset: { apis: targets.map((e) => e.name), namespace: scope ?? '(all)' } } };
    }
    case 'POST seed':
      return seed(deps, pick('api'), namespace ?? 'default', body.count ?? one(request.query.count));
    case 'GET state': {
      const engine = arg ? deps.engines.get(arg) : undefined;
      if (!engine) return fail(404, 'UnknownApi', `GET /__admin/state/<api> with one of: ${[...deps.engines.keys()].join(', ')}`);
      return { status: 200, body: { api: engine.name, namespace: namespace ?? 'default', state: engine.dump(namespace ?? 'default') } };
    }
    case 'GET namespaces':
      return { status: 200, body: Object.fromEntries([...deps.engines].map(([name, e]) => [name, e.namespaces()])) };
    case 'GET journal': {
      const limit = Number(one(request.query.limit) ?? 0) || undefined;
      return { status: 200, body: { entries: deps.journal.list({ api: one(request.query.api), namespace, limit }) } };
    }
    case 'DELETE journal':
      deps.journal.clear(scope);
      return { status: 204 };
    case 'GET faults':
      return { status: 200, body: Object.fromEntries([...deps.engines].map(([name, e]) => [name, e.faults()])) };
    case 'POST faults': {
      const engine = deps.engines.get(String(body.api));
      if (!engine) return fail(404, 'UnknownApi', `faults need "api", one of: ${[...deps.engines.keys()].join(', ')}`);
      const kind = body.delayMs !== undefined ? 'delay' : 'error';
      const times = body.times === undefined ? 1 : Number(body.times);
      if (!Number.isInteger(times) || times < 1) return fail(400, 'InvalidFault', '"times" must be a whole number >= 1');
      if (kind === 'delay' && !(Number(body.delayMs) >= 0 && Number(body.delayMs) <= 60000)) return fail(400, 'InvalidFault', '"delayMs" must be 0-60000');
      try {
        engine.addFault({ operationId: body.operationId as string | undefined, namespace, times, kind, delayMs: kind === 'delay' ? Number(body.delayMs) : undefined });
      } catch (e) {
        return fail(400, 'InvalidFault', (e as Error).message);
      }
      return { status: 201, body: { faults: engine.faults() } };
    }
    case 'DELETE faults':
      for (const engine of deps.engines.values()) engine.clearFaults(scope);
      return { status: 204 };
    case 'GET clock':
      return { status: 200, body: clockView(deps.clock, namespace) };
    case 'PUT clock': {
      try {
        if (namespace === undefined) deps.clock.set(body.now as string | null | undefined);
        else deps.clock.setIn(namespace, body.now as string | null | undefined);
      } catch (e) {
        return fail(400, 'InvalidClock', (e as Error).message);
      }
      return { status: 200, body: clockView(deps.clock, namespace) };
    }
    default:
      return fail(404, 'NotFound', `no admin route ${request.method} /__admin/${request.path.replace(/^\/+/, '')}`);
  }
}
