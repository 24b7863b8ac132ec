import { apiNameFlag, FlagError } from '../flagValues';
import type { ContractConfig } from './liveConfig';
import { describeProbe, type Probe } from './preflight';
import type { Endpoint, TargetSpec } from './target';

// From `--base-url [NAME=]URL`, `--no-prefix`, `--api` and `--config` to each API's URL, checked
// as flags (a URL without http:// is one line, not a parse failure per request); and, once the
// preflight has asked each origin what it is, to the target the run uses.

export interface PlannedEndpoint {
  url: string;
  origin: string;
  /** prefix: a plain --base-url, the API under /<api>; root: the same with --no-prefix; named: NAME=URL; config: --config's baseUrl. */
  from: 'prefix' | 'root' | 'named' | 'config';
  /** The URL as given, before /<api> was added: where a standin serving this API at its root answers it. */
  given: string;
}

export interface TargetPlan {
  apis: string[];
  /** Set when a --base-url was given: every API's URL. */
  endpoints?: Record<string, PlannedEndpoint>;
  config?: ContractConfig;
  /** A --config run's origins by API (those with a baseUrl). */
  configOrigins: Record<string, string>;
  adminToken?: string;
  bodyLimit?: number;
}

export interface PlanInput {
  baseUrls: string[];
  noPrefix: boolean;
  apis?: string[];
  config?: ContractConfig;
  configFile?: string;
  /** An API's baseUrl from the config and its STANDIN_CONTRACT_<API>_BASE_URL variable. */
  configBaseUrl?: (api: string) => string | undefined;
  adminToken?: string;
  bodyLimit?: number;
  known: readonly string[];
}

/** An http(s) base URL, or a FlagError that says what is wrong with it. */
function baseUrlFlag(what: string, raw: string): URL {
  const hint = /^[\w.-]+(:\d+)?(\/.*)?$/.test(raw) ? `: no scheme, did you mean http://${raw}?` : '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FlagError(`${what} must be an http:// or https:// URL such as http://127.0.0.1:4010 (got '${raw}'${hint})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const why = hint || `: scheme ${url.protocol.slice(0, -1)} is not HTTP`;
    throw new FlagError(`${what} must be an http:// or https:// URL such as http://127.0.0.1:4010 (got '${raw}'${why})`);
  }
  if (!url.hostname) throw new FlagError(`${what} must name a host (got '${raw}')`);
  if (url.search || url.hash) throw new FlagError(`${what} is a base URL, without ?query or #fragment (got '${raw}')`);
  return url;
}

const NAMED = /^([A-Za-z][\w-]*)=(.*)$/s;

export function planTargets(input: PlanInput): TargetPlan {
  const { known } = input;
  let plain: URL | undefined;
  const named = new Map<string, URL>();
  for (const raw of input.baseUrls) {
    const m = NAMED.exec(raw);
    if (m) {
      const api = apiNameFlag('--base-url NAME=URL', m[1], known);
      if (named.has(api)) throw new FlagError(`--base-url ${api}=URL is given twice (one URL per API)`);
      named.set(api, baseUrlFlag(`--base-url ${api}=URL`, m[2]));
    } else {
      if (plain) throw new FlagError(`--base-url URL is given twice; for a URL per API give --base-url NAME=URL`);
      plain = baseUrlFlag('--base-url', raw);
    }
  }
  if (plain && input.config) {
    throw new FlagError('--base-url URL and --config name different targets; give one (or --base-url NAME=URL, whose credentials --config may give)');
  }
  if (input.noPrefix && !plain) throw new FlagError('--no-prefix applies to a plain --base-url URL (NAME=URL has no prefix anyway)');
  if (input.bodyLimit !== undefined && input.config && !input.baseUrls.length) {
    throw new FlagError('--body-limit describes a standin target; a live target (--config) has its own');
  }
  const configUrl = (api: string) => {
    const raw = input.configBaseUrl?.(api);
    return raw === undefined || raw === '' ? undefined : baseUrlFlag(`apis.${api}.baseUrl of --config ${input.configFile ?? ''}`.trim(), raw);
  };
  const chosen = input.apis?.map((a) => apiNameFlag('--api', a, known));
  // Without --api: every API, or with NAME=URL only those that have a URL (named, or in --config).
  const apis = [...new Set(chosen ?? (plain || !named.size ? known : known.filter((a) => named.has(a) || configUrl(a))))];
  if (input.noPrefix && apis.length !== 1) {
    throw new FlagError(`--no-prefix serves one API at the URL's root: name it with --api NAME (got ${apis.length} APIs), or give --base-url NAME=URL per API`);
  }
  const base = { apis, config: input.config, adminToken: input.adminToken, bodyLimit: input.bodyLimit };
  if (!input.baseUrls.length) {
    const configOrigins: Record<string, string> = {};
    for (const api of apis) {
      const url = input.config ? configUrl(api) : undefined;
      if (url) configOrigins[api] = url.origin;
    }
    return { ...base, configOrigins };
  }
  const endpoints: Record<string, PlannedEndpoint> = {};
  for (const api of apis) {
    const own = named.get(api);
    const fromConfig = own || plain ? undefined : configUrl(api);
    const at = (url: URL, from: PlannedEndpoint['from']): PlannedEndpoint => {
      const given = url.href.replace(/\/+$/, '');
      return { url: from === 'prefix' ? `${given}/${api}` : given, origin: url.origin, from, given };
    };
    if (own) endpoints[api] = at(own, 'named');
    else if (plain) endpoints[api] = at(plain, input.noPrefix ? 'root' : 'prefix');
    else if (fromConfig) endpoints[api] = at(fromConfig, 'config');
    else throw new FlagError(`no URL for API '${api}': give --base-url ${api}=URL (or leave it out of --api)`);
  }
  return { ...base, endpoints, configOrigins: {} };
}

/** The run's target once every origin was probed, or the lines that say why nothing can be checked. */
export function targetFromProbes(plan: TargetPlan, probes: Map<string, Probe>): { problems: string[] } | { target?: TargetSpec; found: string[] } {
  const problems: string[] = [];
  const found: string[] = [];
  const apisAt = new Map<string, string[]>();
  const entries: Array<[string, string]> = plan.endpoints
    ? Object.entries(plan.endpoints).map(([api, e]) => [api, e.origin])
    : Object.entries(plan.configOrigins).filter(([, o]) => probes.has(o));
  for (const [api, origin] of entries) apisAt.set(origin, [...(apisAt.get(origin) ?? []), api]);
  for (const [origin, apis] of apisAt) {
    const probe = probes.get(origin);
    if (!probe) continue;
    const which = `for ${apis.join(', ')}`;
    if (probe.kind === 'unreachable') problems.push(`cannot check ${origin} (${which}): ${probe.problem}`);
    else if (probe.kind === 'standin-locked' && plan.endpoints) {
      const given = plan.adminToken ? 'refused the admin token given' : 'needs its admin token: give --admin-token TOKEN (or STANDIN_ADMIN_TOKEN)';
      problems.push(`${origin} is a standin whose /__admin ${given}`);
    } else if (probe.kind === 'http' && plan.endpoints && apis.some((api) => plan.endpoints![api].from === 'prefix')) {
      problems.push(
        `${origin} is ${describeProbe(probe)}, so it has no /<api> prefixes: for one API at its root give --base-url NAME=${origin} (or --no-prefix --api NAME)`,
      );
    } else found.push(`${origin} ${which}: ${describeProbe(probe)}`);
  }
  if (problems.length) return { problems };
  if (!plan.endpoints) return { found };
  const endpoints: Record<string, Endpoint> = {};
  for (const [api, planned] of Object.entries(plan.endpoints)) {
    const probe = probes.get(planned.origin);
    // A --config endpoint is a live one, as in a --config run: its credentials, never standin's namespaces.
    const standin = probe?.kind === 'standin' && planned.from !== 'config';
    const serves = probe?.kind === 'standin' ? probe.apis : [];
    const skip = standin && !serves.includes(api) ? `the standin at ${planned.origin} does not serve ${api} (it serves ${serves.join(', ')})` : undefined;
    // A standin serving this API at its root (--api NAME) has no /NAME prefix to add.
    const atRoot = standin && probe.kind === 'standin' && probe.root === api && planned.from === 'prefix';
    endpoints[api] = {
      url: atRoot ? planned.given : planned.url,
      standin,
      adminToken: plan.adminToken,
      bodyLimit: plan.bodyLimit,
      config: plan.config,
      ...(skip ? { skip } : {}),
    };
  }
  return { target: { kind: 'endpoints', endpoints }, found };
}
