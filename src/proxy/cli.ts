import { API_NAMES, VENDORS } from '../apis';
import { type ContractConfig, liveApiConfig, liveValues } from '../contract/liveConfig';
import { CONFIG_RANGES } from '../config';
import { apiNameFlag, FlagError, intFlag, type IntRange, parseFlags, portFlag, readJsonFile, readTextFile, wantsHelp } from '../flagValues';
import type { Vendors } from '../vendor';
import { createProxy, type ProxyOptions, type StandinProxy } from './proxyServer';
import { replay } from './replay';
import type { UpstreamPair } from './upstream';

// `standin proxy` and `standin replay`: flags onto options, nothing else.

export const PROXY_USAGE = `Usage: standin proxy --api NAME --upstream URL [--api NAME --upstream URL ...] [options]
       standin proxy --config FILE [--api NAME ...] [options]

Forwards each API to its live upstream unchanged (bytes, chunking, signatures), checks the request
and the vendor's answer against the spec, and journals each exchange at /__admin/journal.
One --api/--upstream pair is served at the root; several (or --config) under /NAME prefixes.

Options:
  --api NAME               an API to proxy (ignisign, altr, signatures, losant, droplit); repeatable,
                           each followed by its --upstream
  --upstream URL           the live base URL of the --api before it (http:// or https://)
  --config FILE            the contract config (apis.NAME.baseUrl and credentials): every API with a
                           baseUrl is proxied, and its credentials are named in recordings
  --prefixed               serve a single pair under /NAME too
  --port N                 port to listen on (default 4020; 0 picks a free one)
  --host HOST              address to bind (default 127.0.0.1)
  --record DIR             write each exchange to DIR as one redacted JSON file (for standin replay)
  --shadow                 also send each exchange, in the background, to an in-process mock and
                           record where it answers differently: GET /__admin/drift
  --violations-header      add x-standin-violations: N (problems found) to each answer
  --body-limit BYTES       bytes of each body kept for checks and recordings (default 5242880); the
                           rest is passed on, "not checked"
  --journal-size N         exchanges kept in /__admin/journal (default 1000)
  --journal-bytes BYTES    bytes the journal may hold, headers and bodies as kept (default 8388608)
  --admin-token TOKEN      require 'Authorization: Bearer TOKEN' on /__admin (env STANDIN_ADMIN_TOKEN)
  --upstream-ca FILE       a PEM certificate authority an HTTPS upstream may be signed by
  -h, --help               this text
`;

export const REPLAY_USAGE = `Usage: standin replay DIR [--against URL] [--api NAME] [--config FILE]

Sends the requests recorded by 'standin proxy --record DIR' again, in order, and reports per
exchange where the answer differs from the recorded one: status, envelope (the error's shape),
schema (a spec problem on one side only) and stable body fields (ids and tokens compared through
the ids each side made, timestamps by type, error messages by presence).

Options:
  --against URL            the target (default: a standin started in-process). A standin target
                           (its /__admin/health answers) gets fresh namespaces and the demo
                           credentials; another target gets the --config credentials
  --api NAME               replay only this API's exchanges
  --config FILE            credentials for a target that is not standin (the contract config)
  --admin-token TOKEN      the target standin's admin token (env STANDIN_ADMIN_TOKEN)
  -h, --help               this text

Exit status: 0 when no exchange differs, 1 when one does (or could not be sent), 2 when nothing
could be sent.
`;

function readConfig(file: string): ContractConfig {
  const config = readJsonFile('--config', file);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new FlagError(`--config ${file}: expected a JSON object ({"apis": {...}})`);
  return config as ContractConfig;
}

const optionalInt = (flag: string, raw: string | undefined, range: IntRange) => (raw === undefined ? undefined : intFlag(flag, raw, range));

/** An http:// or https:// URL, for --upstream and --against. */
function urlFlag(flag: string, raw: string | undefined): string {
  let url: URL | undefined;
  try {
    url = new URL(raw ?? '');
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new FlagError(`${flag} must be an http:// or https:// URL such as http://127.0.0.1:4010 (got '${raw ?? ''}')`);
  return raw!;
}

const PROXY_FLAGS = {
  api: { type: 'string', multiple: true },
  upstream: { type: 'string', multiple: true },
  config: { type: 'string' },
  prefixed: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  record: { type: 'string' },
  shadow: { type: 'boolean' },
  'violations-header': { type: 'boolean' },
  'body-limit': { type: 'string' },
  'journal-size': { type: 'string' },
  'journal-bytes': { type: 'string' },
  'admin-token': { type: 'string' },
  'upstream-ca': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** --api/--upstream in the order given: each --upstream belongs to the --api before it. */
function pairsFromArgs(argv: string[]): UpstreamPair[] {
  const pairs: UpstreamPair[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--api') pairs.push({ api: apiNameFlag('--api', value, API_NAMES), upstream: '' });
    if (flag === '--upstream') {
      const last = pairs.at(-1);
      if (!last || last.upstream) throw new FlagError('each --upstream URL follows the --api NAME it belongs to');
      last.upstream = urlFlag(`--upstream (for --api ${last.api})`, value);
    }
  }
  return pairs;
}

function configPairs(config: ContractConfig, only: string[], env: NodeJS.ProcessEnv): UpstreamPair[] {
  const vendors = VENDORS as unknown as Vendors;
  const names = only.length ? only : Object.keys(vendors);
  const pairs: UpstreamPair[] = [];
  for (const api of names) {
    const vendor = vendors[api];
    if (!vendor) apiNameFlag('--api', api, Object.keys(vendors));
    const live = liveApiConfig(api, vendor.contract, config, env);
    if (live.baseUrl === undefined) {
      if (only.length) throw new FlagError(`--config has no apis.${api}.baseUrl`);
      continue;
    }
    pairs.push({ api, upstream: String(live.baseUrl), credentials: liveValues(vendor.contract, live) });
  }
  if (pairs.length === 0) throw new FlagError('--config names no API with a baseUrl');
  return pairs;
}

export function proxyOptions(argv: string[], env: NodeJS.ProcessEnv): ProxyOptions {
  const { values } = parseFlags('proxy', argv, PROXY_FLAGS);
  let pairs: UpstreamPair[];
  if (values.config !== undefined) {
    if (values.upstream?.length) throw new FlagError('give --upstream URLs or --config FILE, not both');
    pairs = configPairs(readConfig(values.config), values.api ?? [], env);
  } else {
    pairs = pairsFromArgs(argv);
    if (pairs.length === 0) throw new FlagError('proxy needs --api NAME --upstream URL (or --config FILE)');
    const missing = pairs.find((p) => !p.upstream);
    if (missing) throw new FlagError(`--api ${missing.api} needs an --upstream URL after it`);
  }
  return {
    pairs,
    root: pairs.length === 1 && values.config === undefined && !values.prefixed,
    port: values.port === undefined ? undefined : portFlag('--port', values.port),
    host: values.host,
    record: values.record,
    shadow: values.shadow,
    violationsHeader: values['violations-header'],
    bodyLimit: optionalInt('--body-limit', values['body-limit'], CONFIG_RANGES.bodyLimit),
    journalSize: optionalInt('--journal-size', values['journal-size'], CONFIG_RANGES.journalSize),
    journalBytes: optionalInt('--journal-bytes', values['journal-bytes'], CONFIG_RANGES.journalBytes),
    adminToken: values['admin-token'] ?? env.STANDIN_ADMIN_TOKEN,
    ca: values['upstream-ca'] === undefined ? undefined : readTextFile('--upstream-ca', values['upstream-ca']),
  };
}

/** Starts the proxy and prints where; it runs until SIGINT or SIGTERM. */
export async function startProxy(argv: string[], env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<StandinProxy> {
  const options = proxyOptions(argv, env);
  const proxy = createProxy(options);
  await proxy.listen();
  const lines = [`standin proxy listening on ${proxy.url()}`];
  for (const pair of options.pairs)
    lines.push(
      `  ${options.root ? '/' : `/${pair.api}`} -> ${new URL(pair.upstream).origin}${new URL(pair.upstream).pathname.replace(/\/$/, '')} (${pair.api})`,
    );
  if (options.record) lines.push(`  recording to ${options.record}`);
  if (options.shadow) lines.push('  shadowing against the in-process mock: GET /__admin/drift');
  out(`${lines.join('\n')}\n`);
  return proxy;
}

export async function proxyMain(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(PROXY_USAGE);
    return 0;
  }
  const proxy = await startProxy(argv, process.env, (text) => process.stdout.write(text));
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: closing\n`);
    proxy.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return -1; // keeps running
}

export async function replayMain(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(REPLAY_USAGE);
    return 0;
  }
  const { values, positionals } = parseFlags(
    'replay',
    argv,
    {
      against: { type: 'string' },
      api: { type: 'string' },
      config: { type: 'string' },
      'admin-token': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (positionals.length !== 1) throw new FlagError(`replay takes one DIR (a directory written by standin proxy --record), got ${positionals.length}`);
  const result = await replay({
    dir: positionals[0],
    against: values.against === undefined ? undefined : urlFlag('--against', values.against),
    api: values.api === undefined ? undefined : apiNameFlag('--api', values.api, API_NAMES),
    config: values.config === undefined ? undefined : readConfig(values.config),
    adminToken: values['admin-token'] ?? process.env.STANDIN_ADMIN_TOKEN,
    out: (line) => process.stdout.write(`${line}\n`),
  });
  return result.code;
}
