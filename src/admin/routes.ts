import type { SettableClock } from '../core/clock';
import { NAMESPACE_HEADER } from '../core/namespace';
import { standinError } from '../core/standinErrors';
import type { EngineResponse } from '../core/types';
import { type AdminCall, one } from './call';
import { compileFilter, type CompiledFilter, InvalidFilterError } from './journalFilter';
import { journalStream } from './journalStream';
import { seed } from './seed';
import { stateUnavailable } from './stateUnavailable';
import { serveUi } from './ui/uiAssets';

// Every /__admin route, in the order the README lists them. The start-up route table and the
// README check are both made from this list.

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As printed and documented; `<api>` is the one argument a route takes. */
  path: string;
  summary: string;
  /** A promise only where the call goes through a state log (reset, seed). */
  handler(call: AdminCall): EngineResponse | Promise<EngineResponse>;
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

function health({ deps, request }: AdminCall): EngineResponse {
  return {
    status: 200,
    body: {
      status: 'ok',
      apis: [...deps.engines.keys()],
      // The one API at '/' (--api NAME), else null: a contract run then knows it has no /<api> prefix.
      root: deps.root ?? null,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      now: deps.clock.now().toISOString(),
      requests: deps.journal.recorded,
      journal: { ...deps.journal.size, budgetBytes: deps.journal.byteBudget, capacity: deps.journal.capacity },
      memory: memoryUsage(one(request.query.gc) === '1'),
    },
  };
}

function resetDone(deps: AdminCall['deps'], apis: string[], scope: string | undefined, everything: boolean): EngineResponse {
  // Pins of namespaces that no longer exist would otherwise pile up to the pin cap on a long-lived
  // backend. Pins are this process's own (not logged), so this is done here, not in the command.
  if (everything) deps.clock.releaseNamespaces();
  return { status: 200, body: { reset: { apis, namespace: scope ?? '(all)' } } };
}

/** Through the log: ordered like any write, so a replay or another replica forgets the same state at the same point. */
async function resetThroughLog(call: AdminCall, api: string | undefined): Promise<EngineResponse> {
  const { deps, scope, all } = call;
  const log = deps.log!;
  try {
    await log.ready();
    await log.log.submit({ kind: 'reset', ...(api ? { api } : {}), ...(scope === undefined ? {} : { namespace: scope }) });
  } catch (error) {
    return stateUnavailable(error);
  }
  return resetDone(deps, api ? [api] : [...deps.engines.keys()], scope, all && !api);
}

function reset(call: AdminCall): EngineResponse | Promise<EngineResponse> {
  const { deps, pick, namespace, all, scope } = call;
  const api = pick('api');
  if (namespace === undefined && !all) {
    return standinError(
      'NamespaceRequired',
      `say which namespace to reset ("namespace" in the body or query, or the ${NAMESPACE_HEADER} header), or send {"all": true} to reset every namespace`,
    );
  }
  if (api && !deps.engines.has(api)) return standinError('UnknownApi', `no API named '${api}' is served`);
  if (deps.log) return resetThroughLog(call, api);
  const targets = api ? [deps.engines.get(api)!] : [...deps.engines.values()];
  for (const engine of targets) engine.reset(scope);
  return resetDone(
    deps,
    targets.map((e) => e.name),
    scope,
    all && !api,
  );
}

function state({ deps, arg, namespace }: AdminCall): EngineResponse | Promise<EngineResponse> {
  const engine = arg ? deps.engines.get(arg) : undefined;
  if (!engine) return standinError('UnknownApi', `GET /__admin/state/<api> with one of: ${[...deps.engines.keys()].join(', ')}`);
  const ns = namespace ?? 'default';
  // A vendor's dump leaves out what it knows to be secret; the mask also catches a credential stored as data.
  const dump = (): EngineResponse => ({ status: 200, body: { api: engine.name, namespace: ns, state: deps.journal.mask.json(engine.dump(ns)) } });
  if (!deps.log) return dump();
  // A dump is a read: like any read it first applies what other replicas have ordered.
  const { log, ready } = deps.log;
  return ready()
    .then(() => log.catchUp(engine.name, ns))
    .then(dump, stateUnavailable);
}

function addFault({ deps, body, namespace }: AdminCall): EngineResponse {
  const engine = deps.engines.get(String(body.api));
  if (!engine) return standinError('UnknownApi', `faults need "api", one of: ${[...deps.engines.keys()].join(', ')}`);
  const kind = body.delayMs !== undefined ? 'delay' : 'error';
  const times = body.times === undefined ? 1 : Number(body.times);
  if (!Number.isInteger(times) || times < 1) return standinError('InvalidFault', '"times" must be a whole number >= 1');
  if (kind === 'delay' && !(Number(body.delayMs) >= 0 && Number(body.delayMs) <= 60000)) return standinError('InvalidFault', '"delayMs" must be 0-60000');
  try {
    engine.addFault({
      operationId: body.operationId as string | undefined,
      namespace,
      times,
      kind,
      delayMs: kind === 'delay' ? Number(body.delayMs) : undefined,
    });
  } catch (e) {
    return standinError('InvalidFault', (e as Error).message);
  }
  return { status: 201, body: { faults: engine.faults() } };
}

/** The journal's filters from the query (the namespace as every admin route reads it); Last-Event-ID resumes a stream. */
function journalFilter({ request, namespace }: AdminCall, resume?: string): CompiledFilter | EngineResponse {
  const q = (name: string) => one(request.query[name]);
  try {
    return compileFilter({ api: q('api'), namespace, operationId: q('operationId'), status: q('status'), since: q('since') ?? resume, limit: q('limit') });
  } catch (e) {
    if (e instanceof InvalidFilterError) return standinError('InvalidFilter', e.message);
    throw e;
  }
}

function journal(call: AdminCall): EngineResponse {
  const filter = journalFilter(call);
  if (!('matches' in filter)) return filter;
  return { status: 200, body: { entries: call.deps.journal.list(filter) } };
}

function stream(call: AdminCall): EngineResponse {
  const { request } = call;
  const resume = request.headers['last-event-id'];
  const filter = journalFilter(call, resume);
  if (!('matches' in filter)) return filter;
  const backlog = resume !== undefined || one(request.query.since) !== undefined || filter.limit !== undefined;
  return journalStream(call.deps.journal, filter, backlog);
}

function setClock({ deps, body, namespace }: AdminCall): EngineResponse {
  try {
    if (namespace === undefined) deps.clock.set(body.now as string | null | undefined);
    else deps.clock.setIn(namespace, body.now as string | null | undefined);
  } catch (e) {
    return standinError('InvalidClock', (e as Error).message);
  }
  return { status: 200, body: clockView(deps.clock, namespace) };
}

export const ADMIN_ROUTES: readonly AdminRoute[] = [
  { method: 'GET', path: '/__admin/health', summary: 'status, APIs served, uptime, clock, request count, memory', handler: health },
  { method: 'POST', path: '/__admin/reset', summary: "forget a namespace's state (or every namespace's with {all: true})", handler: reset },
  { method: 'GET', path: '/__admin/state/<api>', summary: "the namespace's state as JSON, secrets redacted", handler: state },
  {
    method: 'GET',
    path: '/__admin/namespaces',
    summary: 'namespaces in use per API',
    handler: ({ deps }) => ({ status: 200, body: Object.fromEntries([...deps.engines].map(([name, e]) => [name, e.namespaces()])) }),
  },
  { method: 'GET', path: '/__admin/journal', summary: 'the last requests, whole exchanges with the reason for each refusal, filtered', handler: journal },
  { method: 'GET', path: '/__admin/journal/stream', summary: 'the journal live, as Server-Sent Events, with the same filters', handler: stream },
  {
    method: 'DELETE',
    path: '/__admin/journal',
    summary: "forget the namespace's journal entries, or all",
    handler: ({ deps, scope }) => (deps.journal.clear(scope), { status: 204 }),
  },
  {
    method: 'GET',
    path: '/__admin/clock',
    summary: "the global clock, or a namespace's",
    handler: ({ deps, namespace }) => ({ status: 200, body: clockView(deps.clock, namespace) }),
  },
  { method: 'PUT', path: '/__admin/clock', summary: "pin or release the global clock, or a namespace's", handler: setClock },
  { method: 'POST', path: '/__admin/faults', summary: 'make the next matching requests fail or wait', handler: addFault },
  {
    method: 'GET',
    path: '/__admin/faults',
    summary: 'the faults armed, per API',
    handler: ({ deps }) => ({ status: 200, body: Object.fromEntries([...deps.engines].map(([name, e]) => [name, e.faults()])) }),
  },
  {
    method: 'DELETE',
    path: '/__admin/faults',
    summary: "clear the namespace's faults, or all",
    handler: ({ deps, scope }) => {
      for (const engine of deps.engines.values()) engine.clearFaults(scope);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/__admin/seed',
    summary: 'add generated records to a namespace',
    handler: ({ deps, pick, namespace, body, request }) => seed(deps, pick('api'), namespace ?? 'default', body.count ?? one(request.query.count)),
  },
  {
    method: 'GET',
    path: '/__admin/ui/<file>',
    summary: 'the dashboard (journal, state, clock, faults, API reference); its files need no token, its data calls do',
    handler: serveUi,
  },
];
