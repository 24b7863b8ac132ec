import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type express from 'express';
import type { LogInUse } from '../admin/call';
import { Journal } from '../admin/journal';
import { type ApiName, VENDORS } from '../apis';
import { type Config, resolveConfig } from '../config';
import { SettableClock } from '../core/clock';
import type { Engine } from '../core/engine';
import { expressApp } from '../http/expressApp';
import type { Listener } from '../http/listen';
import { listenerOver } from '../http/listener';
import { originForm } from '../http/originForm';
import { protect, type ProtocolRefusal } from '../http/protect';
import { createApply } from '../state/applyCommand';
import type { StateLog } from '../state/stateLog';
import { stateLogFor } from '../state/stateLogFor';
import type { ServedVendors } from '../vendor';
import { buildEngines } from './engines';
import { createHandling } from './handling';
import { protocolRefusal, unknownApiAnswer } from './refusals';
import { routeTable } from './routeTable';
import { mainResolver, type Resolver, rootResolver } from './routing';

// The composition: engines over the registry's modules, one journal and one clock for all of them,
// /__admin, and the routing of prefixes, handed to the HTTP adapter (src/http) as plain functions.

/**
 * A node:http request listener: what supertest, http.createServer and Express's app.use take. The
 * app is an Express app (built on first use); typed as the listener so a consumer needs no Express types.
 */
export type HttpApp = (req: IncomingMessage, res: ServerResponse) => void;

export interface StandinApp<Name extends string = ApiName> {
  /** An Express app over the same handling, for supertest or mounting; built on first use. */
  readonly app: HttpApp;
  config: Config<Name>;
  engines: Map<string, Engine>;
  journal: Journal;
  clock: SettableClock;
  /** The same handling as a plain node:http request listener, without Express's router in front. */
  listener(req: IncomingMessage, res: ServerResponse): void;
  /** A listener serving one API at the root, as each `apiPorts` listener does; no /__admin on it. */
  listenerFor(api: Name): Listener;
  /**
   * Makes a node:http server answer what its HTTP parser refuses (and an unmet Expect) in the
   * owner's envelope: the main port's routing, or `api`'s for a server that serves it at the root.
   * `listen` does this for its own servers; call it on a server you make around `listener`.
   */
  protect(server: Server, api?: Name): void;
  /** Human-readable route table, printed at start-up. */
  routeTable(): string;
  /** The state log (--data-dir, --state, or the `log` option); undefined in memory mode. */
  readonly log?: StateLog;
  /**
   * Resolves once the log's replay is done (at once in memory mode); rejects when the log cannot be
   * opened. Started on first call, by `listen`, or by the first request, which waits for it.
   */
  ready(): Promise<void>;
  /** Closes the state log, if any (a server's close() also closes its ports first). */
  close(): Promise<void>;
}

/** Which vendors an app serves: the registry's five unless a test brings its own (a toy vendor). */
export interface AppOptions<V extends ServedVendors = ServedVendors> {
  vendors?: V;
  /** A StateLog of the caller's (tests); else one is made from `dataDir` / `state`, else none. */
  log?: StateLog;
}

export function createApp(partial?: Partial<Config>, options?: Omit<AppOptions, 'vendors'>): StandinApp;
export function createApp<V extends ServedVendors>(partial: Partial<Config<keyof V & string>>, options: AppOptions<V>): StandinApp<keyof V & string>;
export function createApp(partial: Partial<Config<string>> = {}, options: AppOptions = {}): StandinApp<string> {
  const vendors: ServedVendors = options.vendors ?? VENDORS;
  const config = resolveConfig<string>(partial, Object.keys(vendors));
  const clock = new SettableClock(config.now);
  const journal = new Journal(config.journalSize, { bytes: config.journalBytes, secrets: Object.values(vendors).flatMap((v) => v.module.secrets?.() ?? []) });
  const log = options.log ?? stateLogFor(config);
  const engines = buildEngines(config, vendors, clock, log && ((api, namespace) => log.evicted(api, namespace)));
  const inUse = log && logInUse(log, engines);
  const handling = createHandling({
    bodyLimit: config.bodyLimit,
    logRequests: config.logRequests,
    admin: { engines, journal, clock, adminToken: config.adminToken, startedAt: Date.now(), log: inUse, root: config.root },
    journal,
    clock,
    unknownApi: unknownApiAnswer(engines),
    log: inUse,
  });
  const resolveMain = mainResolver(engines, config.root);
  const listener = listenerOver(handling, resolveMain);
  const rootListeners = new Map<string, Listener>();
  function listenerFor(api: string): Listener {
    let root = rootListeners.get(api);
    if (!root) {
      root = listenerOver(handling, rootResolver(engines, api));
      rootListeners.set(api, root);
    }
    return root;
  }
  // Built now, so a request on an extra port never pays for it.
  for (const api of Object.keys(config.apiPorts)) listenerFor(api);

  const refusalOver =
    (resolve: Resolver): ProtocolRefusal =>
    (rawTarget, code, error) =>
      protocolRefusal(rawTarget === undefined ? undefined : resolve(originForm(rawTarget).split('?', 1)[0]), code, error);
  let app: express.Express | undefined;
  return {
    get app() {
      return (app ??= expressApp(listener));
    },
    config,
    engines,
    journal,
    clock,
    listener,
    listenerFor,
    protect: (server, api) => protect(server, refusalOver(api ? rootResolver(engines, api) : resolveMain)),
    routeTable: () => routeTable({ root: config.root, apiPorts: config.apiPorts, engines, bound: {} }),
    log,
    ready: inUse ? inUse.ready : () => Promise.resolve(),
    close: () => (log ? log.close() : Promise.resolve()),
  };
}

/** The log with its replay, run once: with evictions held, since the replay has no reads to order use by. */
function logInUse(log: StateLog, engines: Map<string, Engine>): LogInUse {
  let opened: Promise<void> | undefined;
  const replay = async () => {
    for (const engine of engines.values()) engine.suspendEvictions(true);
    try {
      await log.open(createApply(engines));
    } finally {
      for (const engine of engines.values()) engine.suspendEvictions(false);
    }
  };
  return { log, ready: () => (opened ??= replay()) };
}
