import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type express from 'express';
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
import type { ServedVendors } from '../vendor';
import { buildEngines } from './engines';
import { createHandling } from './handling';
import { protocolRefusal, unknownApiAnswer } from './refusals';
import { routeTable } from './routeTable';
import { mainResolver, type Resolver, rootResolver } from './routing';

// The composition: engines over the registry's modules, one journal and one clock for all of them,
// /__admin, and the routing of prefixes, handed to the HTTP adapter (src/http) as plain functions.

export interface StandinApp<Name extends string = ApiName> {
  /** An Express app over the same handling, for supertest or mounting; built on first use. */
  readonly app: express.Express;
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
}

/** Which vendors an app serves: the registry's five unless a test brings its own (a toy vendor). */
export interface AppOptions<V extends ServedVendors = ServedVendors> {
  vendors?: V;
}

export function createApp(partial?: Partial<Config>): StandinApp;
export function createApp<V extends ServedVendors>(partial: Partial<Config<keyof V & string>>, options: AppOptions<V>): StandinApp<keyof V & string>;
export function createApp(partial: Partial<Config<string>> = {}, options: AppOptions = {}): StandinApp<string> {
  const vendors: ServedVendors = options.vendors ?? VENDORS;
  const config = resolveConfig<string>(partial, Object.keys(vendors));
  const clock = new SettableClock(config.now);
  const journal = new Journal(config.journalSize);
  const engines = buildEngines(config, vendors, clock);
  const handling = createHandling({
    bodyLimit: config.bodyLimit,
    logRequests: config.logRequests,
    admin: { engines, journal, clock, adminToken: config.adminToken, startedAt: Date.now() },
    journal,
    clock,
    unknownApi: unknownApiAnswer(engines),
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
  };
}
