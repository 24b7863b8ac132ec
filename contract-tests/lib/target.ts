import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { DEFAULT_CONFIG } from '../../src/config';
import type { ApiName } from '../../src/core/types';
import { type CredentialsByApi, DEMO_CREDENTIALS, ignisignFromKey, REQUIRED_FIELDS } from './credentials';
import { appTransport, fetchTransport, type Transport } from './http';
import type { Need } from './scenario';

// Where the suite points: the in-process mock, a running standin (--base-url), a Prism proxy or
// mock in front of one, or the live vendor with credentials from a config file or the environment.

export interface LiveApiConfig {
  baseUrl?: string;
  [field: string]: string | number | undefined;
}

export interface ContractConfig {
  allowWrites?: boolean;
  apis?: Partial<Record<ApiName, LiveApiConfig>>;
}

export type TargetSpec =
  /** `bodyLimit`: the standin's --body-limit, when it is not the default. */
  | { kind: 'in-process'; app: Express; bodyLimit?: number }
  | { kind: 'base-url'; baseUrl: string; adminToken?: string; bodyLimit?: number }
  | { kind: 'live'; config: ContractConfig }
  /** Prism (proxy or mock) per API; `admin` reaches the standin behind a proxy, when there is one. */
  | { kind: 'prism'; urls: Partial<Record<ApiName, string>>; admin?: string; limits?: TargetLimits };

/** Requests a target cannot carry to the implementation, each with the reason a skipped step reports. */
export interface TargetLimits {
  /** Spec-invalid requests (a validating proxy answers them itself). */
  invalid?: string;
  /** A GET with a body. */
  getBody?: string;
  /** A body that is not valid UTF-8. */
  binaryBody?: string;
  /** A chunked upload without Content-Length. */
  chunked?: string;
}

export interface ApiTarget<A extends ApiName = ApiName> {
  api: A;
  label: string;
  /** standin itself (in-process or --base-url): its [standin choice] rules must hold there. */
  standin: boolean;
  /** A standin target's request body limit. */
  bodyLimit?: number;
  creds: CredentialsByApi[A];
  /** A transport for one scenario; on standin each scenario gets a namespace of its own. */
  transport(scenario: number): Transport;
  /** The x-standin-namespace a scenario's requests carry (standin targets only). */
  namespace?(scenario: number): string;
  admin?: Transport;
  limits?: TargetLimits;
  allowWrites: boolean;
  skip?: string;
}

export const NAMESPACE_HEADER = 'x-standin-namespace';

function envValue(api: ApiName, field: string, env: NodeJS.ProcessEnv): string | undefined {
  const name = `STANDIN_CONTRACT_${api.toUpperCase()}_${field.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
  return env[name];
}

const FIELDS: { [A in ApiName]: string[] } = {
  ignisign: ['baseUrl', 'apiKey'],
  altr: ['baseUrl', 'key', 'secret', 'readOnlyKey', 'readOnlySecret', 'writeOnlyKey', 'writeOnlySecret'],
  signatures: ['baseUrl'],
  losant: ['baseUrl', 'token', 'readToken', 'noScopeToken', 'boundedToken', 'applicationId'],
  droplit: ['baseUrl', 'accountToken', 'userToken', 'serverToken', 'clientToken', 'ecosystemId', 'otherEcosystemId'],
};

/** Merges the config file's values with STANDIN_CONTRACT_<API>_<FIELD> variables (the environment wins). */
export function liveApiConfig(api: ApiName, config: ContractConfig, env: NodeJS.ProcessEnv): LiveApiConfig {
  const out: LiveApiConfig = { ...(config.apis?.[api] ?? {}) };
  for (const field of FIELDS[api]) {
    const value = envValue(api, field, env);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

function liveCredentials<A extends ApiName>(api: A, c: LiveApiConfig): CredentialsByApi[A] {
  const pick = (k: string) => (c[k] === undefined ? undefined : String(c[k]));
  switch (api) {
    case 'ignisign':
      return ignisignFromKey(pick('apiKey')!) as CredentialsByApi[A];
    case 'altr':
      return {
        key: pick('key')!, secret: pick('secret')!,
        readOnlyKey: pick('readOnlyKey'), readOnlySecret: pick('readOnlySecret'),
        writeOnlyKey: pick('writeOnlyKey'), writeOnlySecret: pick('writeOnlySecret'),
      } as CredentialsByApi[A];
    case 'losant':
      return { token: pick('token')!, readToken: pick('readToken'), noScopeToken: pick('noScopeToken'), boundedToken: pick('boundedToken'), applicationId: pick('applicationId')! } as CredentialsByApi[A];
    case 'droplit':
      return {
        accountToken: pick('accountToken')!, userToken: pick('userToken'), serverToken: pick('serverToken'), clientToken: pick('clientToken'),
        ecosystemId: pick('ecosystemId')!, otherEcosystemId: pick('otherEcosystemId'),
      } as CredentialsByApi[A];
    default:
      return {} as CredentialsByApi[A];
  }
}

export function resolveTarget<A extends ApiName>(api: A, spec: TargetSpec, opts: { allowWrites: boolean; env?: NodeJS.ProcessEnv }): ApiTarget<A> {
  const run = randomBytes(4).toString('hex');
  const namespace = (scenario: number) => `contract-${run}-${scenario}`;
  const namespaced = (base: (headers: Record<string, string>) => Transport) => (scenario: number) => base({ [NAMESPACE_HEADER]: namespace(scenario) });
  const demo = DEMO_CREDENTIALS[api];
  switch (spec.kind) {
    case 'in-process':
      return {
        api, label: 'standin (in-process)', standin: true, bodyLimit: spec.bodyLimit ?? DEFAULT_CONFIG.bodyLimit, creds: demo, allowWrites: true, namespace,
        transport: namespaced((h) => appTransport(spec.app, `/${api}`, h)),
        admin: appTransport(spec.app, '/__admin'),
      };
    case 'base-url': {
      const adminHeaders: Record<string, string> = spec.adminToken ? { authorization: `Bearer ${spec.adminToken}` } : {};
      return {
        api, label: `standin at ${spec.baseUrl}`, standin: true, bodyLimit: spec.bodyLimit ?? DEFAULT_CONFIG.bodyLimit, creds: demo, allowWrites: true, namespace,
        transport: namespaced((h) => fetchTransport(`${spec.baseUrl.replace(/\/+$/, '')}/${api}`, h)),
        admin: fetchTransport(`${spec.baseUrl.replace(/\/+$/, '')}/__admin`, adminHeaders),
      };
    }
    case 'prism': {
      const url = spec.urls[api];
      const base = { api, label: `prism at ${url}`, standin: false, creds: demo, allowWrites: true, limits: spec.limits };
      if (!url) return { ...base, transport: () => fetchTransport('http://invalid'), skip: 'no Prism URL for this API' };
      return { ...base, namespace, transport: namespaced((h) => fetchTransport(url, h)), admin: spec.admin ? fetchTransport(spec.admin) : undefined };
    }
    case 'live': {
      const c = liveApiConfig(api, spec.config, opts.env ?? process.env);
      const missing = ['baseUrl', ...REQUIRED_FIELDS[api]].filter((f) => c[f] === undefined || c[f] === '');
      const base = { api, label: `live ${c.baseUrl ?? '(no baseUrl)'}`, standin: false, allowWrites: opts.allowWrites || Boolean(spec.config.allowWrites) };
      if (missing.length) {
        const hint = missing.map((f) => `apis.${api}.${f} or STANDIN_CONTRACT_${api.toUpperCase()}_${f.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`).join(', ');
        return { ...base, creds: demo, transport: () => fetchTransport('http://invalid'), skip: `no live credentials: set ${hint}` };
      }
      return { ...base, creds: liveCredentials(api, c), transport: () => fetchTransport(String(c.baseUrl)) };
    }
  }
}

/** Which scenario needs a target can meet, and if not, why. */
export function unmetNeed(target: ApiTarget, needs: Need[] = []): string | undefined {
  const creds = target.creds as any;
  for (const need of needs) {
    if (need === 'writes' && !target.allowWrites) return 'changes data: run with --allow-writes';
    if (need === 'standin' && !target.admin) return "needs standin's /__admin (fault injection or demo data)";
    if (need === 'standin-itself' && !target.standin) return "checks standin's own configuration (its --body-limit): standin targets only";
    if (need === 'readonly-key' && !creds.readOnlyKey) return 'needs a read-only key (readOnlyKey, readOnlySecret)';
    if (need === 'writeonly-key' && !creds.writeOnlyKey) return 'needs a write-only key (writeOnlyKey, writeOnlySecret)';
    if (need === 'scoped-tokens' && target.api === 'losant' && !(creds.readToken && creds.noScopeToken)) return 'needs readToken and noScopeToken';
    if (need === 'scoped-tokens' && target.api === 'droplit' && !creds.userToken) return 'needs a userToken';
    if (need.startsWith('creds:') && !creds[need.slice('creds:'.length)]) return `needs ${need.slice('creds:'.length)} in the ${target.api} credentials`;
  }
  return undefined;
}
