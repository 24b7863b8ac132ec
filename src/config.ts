import { API_NAMES, type ApiName } from './core/types';
import type { ResponseValidation } from './core/engine';

export interface Config {
  host: string;
  port: number;
  /** The APIs to serve. In prefix mode each sits under /<name>; `root` serves exactly one at '/'. */
  apis: ApiName[];
  root?: ApiName;
  /** Seed for generated fixtures and ids: the same seed gives the same data on every start. */
  seed: number;
  /** Pins the clock (ISO 8601). Unset: real time. /__admin/clock can move it later. */
  now?: string;
  responseValidation: ResponseValidation;
  /** Largest request body accepted, in bytes; larger ones get 413 in the vendor's envelope. */
  bodyLimit: number;
  journalSize: number;
  /** When set, /__admin requires `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** Log one line per request to stderr. */
  logRequests: boolean;
}

export const DEFAULT_CONFIG: Config = {
  host: '127.0.0.1',
  port: 4010,
  apis: [...API_NAMES],
  seed: 1337,
  responseValidation: 'strict',
  bodyLimit: 5 * 1024 * 1024,
  journalSize: 1000,
  logRequests: false,
};

export function resolveConfig(partial: Partial<Config> = {}): Config {
  const config: Config = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(partial)) if (value !== undefined) (config as any)[key] = value;
  for (const api of config.apis) if (!API_NAMES.includes(api)) throw new Error(`unknown API '${api}' (known: ${API_NAMES.join(', ')})`);
  if (config.root) {
    if (!API_NAMES.includes(config.root)) throw new Error(`unknown API '${config.root}' (known: ${API_NAMES.join(', ')})`);
    config.apis = [config.root];
  }
  if (!['strict', 'warn', 'off'].includes(config.responseValidation)) throw new Error(`response validation must be strict, warn or off`);
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new Error(`port must be 0-65535, got ${config.port}`);
  return config;
}
