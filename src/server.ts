import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiName } from './apis';
import { type AppOptions, createApp, type StandinApp } from './app/createApp';
import { routeTable } from './app/routeTable';
import type { Config } from './config';
import { cannotListen, open, shut, urlOf } from './http/listen';
import type { ServedVendors } from './vendor';

// createServer: the app, listening. The main port serves every API under its prefix and /__admin;
// each `apiPorts` listener serves one API at the root of its own port, over the same engines, so
// state, namespaces, journal and clock are shared with the main port.

export { type AppOptions, createApp, type StandinApp } from './app/createApp';
export { NAMESPACE_HEADER } from './core/namespace';

export interface StandinUrls<Name extends string = ApiName> {
  /** The main port: every API under its prefix (or the `root` API at '/'), and /__admin. */
  main: string;
  /** One URL per `apiPorts` entry: that API at the root, nothing else. */
  apis: Partial<Record<Name, string>>;
}

export interface StandinServer<Name extends string = ApiName> extends StandinApp<Name> {
  /** Opens the main port and every `apiPorts` listener; resolves to the main port's address. */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
  /** The main port's URL. */
  url(): string;
  /** Every listener's URL, with the ports the system picked for 0. */
  urls(): StandinUrls<Name>;
}

export function createServer(partial?: Partial<Config>, options?: Omit<AppOptions, 'vendors'>): StandinServer;
export function createServer<V extends ServedVendors>(partial: Partial<Config<keyof V & string>>, options: AppOptions<V>): StandinServer<keyof V & string>;
export function createServer(partial: Partial<Config<string>> = {}, options: AppOptions = {}): StandinServer<string> {
  const standin = createApp<ServedVendors>(partial, options);
  const { config } = standin;
  let main: Server | undefined;
  const extra = new Map<string, Server>();
  const addressOf = (server: Server) => server.address() as AddressInfo;
  const apiUrls = () => Object.fromEntries([...extra].map(([api, server]) => [api, urlOf(addressOf(server))])) as Partial<Record<string, string>>;

  return {
    get app() {
      return standin.app;
    },
    config,
    engines: standin.engines,
    journal: standin.journal,
    clock: standin.clock,
    listener: standin.listener,
    listenerFor: standin.listenerFor,
    protect: standin.protect,
    routeTable: () => routeTable({ root: config.root, apiPorts: config.apiPorts, engines: standin.engines, bound: apiUrls() }),
    log: standin.log,
    ready: standin.ready,
    async listen(port = config.port, host = config.host) {
      // The replay finishes before the first request can arrive.
      await standin.ready();
      try {
        main = await open(standin.listener, port, host, (server) => standin.protect(server));
      } catch (err) {
        throw cannotListen(err as NodeJS.ErrnoException, '', host, port, '--port N');
      }
      for (const [api, apiPort] of Object.entries(config.apiPorts) as [string, number][]) {
        try {
          extra.set(api, await open(standin.listenerFor(api), apiPort, host, (server) => standin.protect(server, api)));
        } catch (err) {
          // All or nothing: a half-open standin would pass some tests and fail others confusingly.
          await Promise.all([main, ...extra.values()].map(shut));
          main = undefined;
          extra.clear();
          throw cannotListen(err as NodeJS.ErrnoException, ` for ${api}`, host, apiPort, `--api-port ${api}=PORT`);
        }
      }
      return addressOf(main);
    },
    async close() {
      const servers = [...(main ? [main] : []), ...extra.values()];
      main = undefined;
      extra.clear();
      await Promise.all(servers.map(shut));
      await standin.close();
    },
    url() {
      if (!main) throw new Error('the server is not listening');
      return urlOf(addressOf(main));
    },
    urls() {
      if (!main) throw new Error('the server is not listening');
      return { main: urlOf(addressOf(main)), apis: apiUrls() };
    },
  };
}
