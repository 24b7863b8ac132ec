import { API_NAMES, type ApiName } from './apis';
import { parseInstant } from './core/clock';
import type { ResponseValidation } from './core/engine';
import { FlagError, intFlag } from './flagValues';

/** standin's settings; `Name` is the API names of the registry in use (the five by default). */
export interface Config<Name extends string = ApiName> {
  host: string;
  port: number;
  /** The APIs to serve. In prefix mode each sits under /<name>; `root` serves exactly one at '/'. */
  apis: Name[];
  root?: Name;
  /**
   * Extra listeners, one API each at the root of its own port (0 picks a free one), for clients that
   * keep only scheme and host of their base URL. Same engines, state, journal and clock as `port`;
   * /__admin stays on `port` alone.
   */
  apiPorts: Partial<Record<Name, number>>;
  /** Seed for generated fixtures and ids: the same seed gives the same data on every start. */
  seed: number;
  /** Pins the clock (ISO 8601). Unset: real time. /__admin/clock can move it later. */
  now?: string;
  responseValidation: ResponseValidation;
  /** Largest request body accepted, in bytes; larger ones get 413 in the vendor's envelope. */
  bodyLimit: number;
  journalSize: number;
  /** Bytes the journal may hold across its entries (headers and bodies as kept); the oldest go first past it. */
  journalBytes: number;
  /** Namespaces kept per API; a new one evicts the least recently used idle one. */
  maxNamespaces: number;
  /** When set, /__admin requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Log one line per request to stderr. */
  logRequests: boolean;
  /**
   * Keep state in this directory: every state change is logged (fsynced per batch) and replayed on
   * start, so a restart keeps it. The log holds requests as sent, credentials included.
   */
  dataDir?: string;
  /** Share state through this Redis (redis://HOST:PORT[/DB]) with every replica given the same URL. */
  state?: string;
  /**
   * Processes `standin serve` runs on the same port(s) (node:cluster), 1-64; more than one needs
   * `state`, the only state they can share. createServer is always one process.
   */
  workers: number;
}

export const DEFAULT_CONFIG: Config = {
  host: '127.0.0.1',
  port: 4010,
  apis: [...API_NAMES],
  apiPorts: {},
  seed: 1337,
  responseValidation: 'strict',
  bodyLimit: 5 * 1024 * 1024,
  journalSize: 1000,
  journalBytes: 8 * 1024 * 1024,
  maxNamespaces: 1000,
  logRequests: false,
  workers: 1,
};

const MAX_BYTES = 1024 * 1024 * 1024;

/** The bounds of the integer settings, shared by resolveConfig and the flags that set them. */
export const CONFIG_RANGES = {
  seed: { min: 0, max: 4294967295 },
  bodyLimit: { min: 1, max: MAX_BYTES, unit: 'bytes' },
  journalSize: { min: 0, max: 1_000_000, unit: 'requests' },
  journalBytes: { min: 0, max: MAX_BYTES, unit: 'bytes' },
  maxNamespaces: { min: 1, max: 1_000_000 },
  workers: { min: 1, max: 64 },
} as const;

/**
 * Defaults filled in and every value checked; API names are checked against `names`, the registry
 * in use (the five unless an app is given its own vendors), which is also what `apis` defaults to.
 */
export function resolveConfig<Name extends string = ApiName>(
  partial: Partial<Config<Name>> = {},
  names: readonly Name[] = API_NAMES as readonly string[] as readonly Name[],
): Config<Name> {
  const config = { ...DEFAULT_CONFIG, apis: [...names] } as Config<Name>;
  for (const [key, value] of Object.entries(partial)) if (value !== undefined) Object.assign(config, { [key]: value });
  const unknown = (api: string) => new Error(`unknown API '${api}' (known: ${names.join(', ')})`);
  for (const api of config.apis) if (!names.includes(api)) throw unknown(api);
  if (config.root) {
    if (!names.includes(config.root)) throw unknown(config.root);
    config.apis = [config.root];
  }
  if (!['strict', 'warn', 'off'].includes(config.responseValidation)) throw new Error(`response validation must be strict, warn or off`);
  if (!isPort(config.port)) throw new Error(`port must be 0-65535, got ${config.port}`);
  for (const key of ['seed', 'bodyLimit', 'journalSize', 'journalBytes'] as const) intFlag(key, String(config[key]), CONFIG_RANGES[key]);
  if (config.now !== undefined && parseInstant(config.now) === undefined)
    throw new FlagError(`now must be an ISO 8601 instant such as 2024-07-29T15:51:28.071Z (got '${String(config.now)}')`);
  config.apiPorts = Object.fromEntries(Object.entries(config.apiPorts ?? {}).filter(([, port]) => port !== undefined)) as Config<Name>['apiPorts'];
  checkApiPorts(config, names);
  checkState(config);
  if (!Number.isInteger(config.maxNamespaces) || config.maxNamespaces < 1 || config.maxNamespaces > 1_000_000) {
    throw new Error(`max namespaces must be a whole number from 1 to 1000000, got ${config.maxNamespaces}`);
  }
  return config;
}

function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535;
}

function checkApiPorts<Name extends string>(config: Config<Name>, names: readonly Name[]): void {
  const taken = new Map<number, string>(config.port === 0 ? [] : [[config.port, 'the main port']]);
  for (const [api, port] of Object.entries<number | undefined>(config.apiPorts)) {
    if (!names.includes(api as Name)) throw new Error(`api port for unknown API '${api}' (known: ${names.join(', ')})`);
    if (!config.apis.includes(api as Name)) throw new Error(`api port for '${api}', which is not served (serving: ${config.apis.join(', ')})`);
    if (!isPort(port)) throw new Error(`api port for '${api}' must be 0-65535, got ${port}`);
    // 0 asks the system for a free port, so any number of them can coexist.
    if (port === 0) continue;
    const owner = taken.get(port);
    if (owner) throw new Error(`api port ${port} for '${api}' is already ${owner}`);
    taken.set(port, `the port of '${api}'`);
  }
}

/** A Redis URL with any password hidden, for messages and the banner. */
export function maskedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unreadable URL)';
  }
}

function checkState(config: { dataDir?: string; state?: string; workers: number }): void {
  if (config.dataDir !== undefined && config.state !== undefined) {
    throw new Error('--data-dir and --state are two places to keep state: give one (--state redis://... for replicas, --data-dir for one process)');
  }
  if (config.dataDir !== undefined && (typeof config.dataDir !== 'string' || config.dataDir === '')) throw new Error('--data-dir needs a directory');
  if (!Number.isInteger(config.workers) || config.workers < 1 || config.workers > 64)
    throw new Error(`--workers must be a whole number from 1 to 64, got ${config.workers}`);
  if (config.workers > 1 && config.state === undefined) {
    throw new Error(
      `--workers ${config.workers} needs --state redis://HOST:PORT: each worker is its own process, and memory or --data-dir state cannot be shared between processes`,
    );
  }
  if (config.state === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(config.state);
  } catch {
    url = undefined;
  }
  const db = url?.pathname.replace(/^\//, '') ?? '';
  if (!url || url.protocol !== 'redis:' || !url.hostname || url.search || url.hash || (db !== '' && !/^\d{1,2}$/.test(db))) {
    throw new Error(`--state takes redis://HOST:PORT[/DB], got ${maskedUrl(config.state)}`);
  }
}
