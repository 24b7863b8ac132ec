import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { DEFAULT_CONFIG } from '../config';
import { NAMESPACE_HEADER } from '../core/namespace';
import { fetchTransport, listenerTransport, type Transport } from './http';
import { type ContractConfig, envName, liveApiConfig, liveValues, requiredLiveFields } from './liveConfig';
import type { TargetLimits } from './targetLimits';
import type { ContractVendor } from './vendors';
import type { SomeCreds } from './someCreds';

// Where the suite points: the in-process mock, a running standin (--base-url), a Prism proxy or
// mock in front of one, or the live vendor with credentials from a config file or the environment.

export type TargetSpec =
  /** `app`: the mock's request listener (createApp().app); `bodyLimit`: its --body-limit, when not the default. */
  | { kind: 'in-process'; app: RequestListener; bodyLimit?: number }
  | { kind: 'base-url'; baseUrl: string; adminToken?: string; bodyLimit?: number }
  | { kind: 'live'; config: ContractConfig }
  /** Prism (proxy or mock) per API; `admin` reaches the standin behind a proxy, when there is one. */
  | { kind: 'prism'; urls: Record<string, string | undefined>; admin?: string; limits?: TargetLimits }
  /** A base URL per API, each already probed (preflight.ts): `standin contract --base-url [NAME=]URL`. */
  | { kind: 'endpoints'; endpoints: Record<string, Endpoint | undefined> };

export interface Endpoint {
  /** The API's base URL: its operations' paths go below it. */
  url: string;
  /** A standin answers at the URL's origin: each scenario gets a namespace, /__admin is there, its choices must hold. */
  standin: boolean;
  adminToken?: string;
  bodyLimit?: number;
  /** Where credentials other than the demo ones come from: this config's apis[api] (and its variables), when it names any. */
  config?: ContractConfig;
  /** Why the API cannot be checked there (e.g. that standin does not serve it). */
  skip?: string;
}

export interface ApiTarget<C extends object = SomeCreds> {
  api: string;
  /** The vendor under test: its spec and contract descriptor. */
  vendor: ContractVendor<C>;
  label: string;
  /** standin itself (in-process or --base-url): its [standin choice] rules must hold there. */
  standin: boolean;
  /** A standin target's request body limit. */
  bodyLimit?: number;
  creds: C;
  /** A transport for one scenario; on standin each scenario gets a namespace of its own. */
  transport(scenario: number): Transport;
  /** The x-standin-namespace a scenario's requests carry (standin targets only). */
  namespace?(scenario: number): string;
  admin?: Transport;
  limits?: TargetLimits;
  allowWrites: boolean;
  skip?: string;
}

function liveTarget<C extends object>(
  api: string,
  vendor: ContractVendor<C>,
  config: ContractConfig,
  opts: { allowWrites: boolean; env?: NodeJS.ProcessEnv },
): ApiTarget<C> {
  const { contract } = vendor;
  const c = liveApiConfig(api, contract, config, opts.env ?? process.env);
  const missing = requiredLiveFields(contract).filter((f) => c[f] === undefined || c[f] === '');
  const base = { api, vendor, label: `live ${c.baseUrl ?? '(no baseUrl)'}`, standin: false, allowWrites: opts.allowWrites || Boolean(config.allowWrites) };
  if (missing.length) {
    const hint = missing.map((f) => `apis.${api}.${f} or ${envName(api, f)}`).join(', ');
    return { ...base, creds: contract.demoCredentials, transport: () => fetchTransport('http://invalid'), skip: `no live credentials: set ${hint}` };
  }
  return { ...base, creds: contract.credentials(liveValues(contract, c)), transport: () => fetchTransport(String(c.baseUrl)) };
}

/** The credentials a config (or its STANDIN_CONTRACT_ variables) names for the API, if it names any credential field. */
function configured<C extends object>(api: string, vendor: ContractVendor<C>, config: ContractConfig | undefined, env: NodeJS.ProcessEnv) {
  const { contract } = vendor;
  const c = liveApiConfig(api, contract, config ?? {}, env);
  if (!Object.keys(contract.liveFields).some((f) => c[f] !== undefined && c[f] !== '')) return undefined;
  const missing = requiredLiveFields(contract).filter((f) => f !== 'baseUrl' && (c[f] === undefined || c[f] === ''));
  if (missing.length) return { skip: `incomplete credentials: set ${missing.map((f) => `apis.${api}.${f} or ${envName(api, f)}`).join(', ')}` };
  return { creds: contract.credentials(liveValues(contract, c)) };
}

function endpointTarget<C extends object>(
  api: string,
  vendor: ContractVendor<C>,
  endpoint: Endpoint | undefined,
  namespaced: (base: (headers: Record<string, string>) => Transport) => (scenario: number) => Transport,
  namespace: (scenario: number) => string,
  opts: { allowWrites: boolean; env?: NodeJS.ProcessEnv },
): ApiTarget<C> {
  const demo = vendor.contract.demoCredentials;
  const none = () => fetchTransport('http://invalid');
  if (!endpoint)
    return { api, vendor, label: '(no URL)', standin: false, creds: demo, allowWrites: opts.allowWrites, transport: none, skip: 'no base URL for this API' };
  const url = endpoint.url.replace(/\/+$/, '');
  if (endpoint.standin) {
    const adminHeaders: Record<string, string> = endpoint.adminToken ? { authorization: `Bearer ${endpoint.adminToken}` } : {};
    return {
      api,
      vendor,
      label: `standin at ${url}`,
      standin: true,
      bodyLimit: endpoint.bodyLimit ?? DEFAULT_CONFIG.bodyLimit,
      creds: demo,
      allowWrites: true,
      namespace,
      transport: namespaced((h) => fetchTransport(url, h)),
      admin: fetchTransport(`${new URL(url).origin}/__admin`, adminHeaders),
      ...(endpoint.skip ? { skip: endpoint.skip } : {}),
    };
  }
  const base = { api, vendor, label: url, standin: false, allowWrites: opts.allowWrites || Boolean(endpoint.config?.allowWrites) };
  const own = configured(api, vendor, endpoint.config, opts.env ?? process.env);
  if (own && 'skip' in own) return { ...base, creds: demo, transport: none, skip: own.skip };
  const skip = endpoint.skip ? { skip: endpoint.skip } : {};
  return { ...base, creds: own ? own.creds : demo, transport: () => fetchTransport(url), ...skip };
}

export function resolveTarget<C extends object>(
  api: string,
  vendor: ContractVendor<C>,
  spec: TargetSpec,
  opts: { allowWrites: boolean; env?: NodeJS.ProcessEnv },
): ApiTarget<C> {
  const run = randomBytes(4).toString('hex');
  const namespace = (scenario: number) => `contract-${run}-${scenario}`;
  const namespaced = (base: (headers: Record<string, string>) => Transport) => (scenario: number) => base({ [NAMESPACE_HEADER]: namespace(scenario) });
  const demo = vendor.contract.demoCredentials;
  switch (spec.kind) {
    case 'in-process':
      return {
        api,
        vendor,
        label: 'standin (in-process)',
        standin: true,
        bodyLimit: spec.bodyLimit ?? DEFAULT_CONFIG.bodyLimit,
        creds: demo,
        allowWrites: true,
        namespace,
        transport: namespaced((h) => listenerTransport(spec.app, `/${api}`, h)),
        admin: listenerTransport(spec.app, '/__admin'),
      };
    case 'base-url': {
      const adminHeaders: Record<string, string> = spec.adminToken ? { authorization: `Bearer ${spec.adminToken}` } : {};
      return {
        api,
        vendor,
        label: `standin at ${spec.baseUrl}`,
        standin: true,
        bodyLimit: spec.bodyLimit ?? DEFAULT_CONFIG.bodyLimit,
        creds: demo,
        allowWrites: true,
        namespace,
        transport: namespaced((h) => fetchTransport(`${spec.baseUrl.replace(/\/+$/, '')}/${api}`, h)),
        admin: fetchTransport(`${spec.baseUrl.replace(/\/+$/, '')}/__admin`, adminHeaders),
      };
    }
    case 'prism': {
      const url = spec.urls[api];
      const base = { api, vendor, label: `prism at ${url}`, standin: false, creds: demo, allowWrites: true, limits: spec.limits };
      if (!url) return { ...base, transport: () => fetchTransport('http://invalid'), skip: 'no Prism URL for this API' };
      return { ...base, namespace, transport: namespaced((h) => fetchTransport(url, h)), admin: spec.admin ? fetchTransport(spec.admin) : undefined };
    }
    case 'live':
      return liveTarget(api, vendor, spec.config, opts);
    case 'endpoints':
      return endpointTarget(api, vendor, Object.hasOwn(spec.endpoints, api) ? spec.endpoints[api] : undefined, namespaced, namespace, opts);
  }
}
