#!/usr/bin/env node
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, CONFIG_RANGES, maskedUrl, resolveConfig } from './config';
import { API_NAMES, type ApiName } from './apis';
import { apiNameFlag, choiceFlag, FlagError, intFlag, type IntRange, parseFlags, portFlag, readTextFile, wantsHelp } from './flagValues';
import { parseInstant } from './core/clock';
import { PACKAGE_ROOT } from './paths';
import { verifyTimestampToken } from './apis/ignisign/timestampToken';
import { CONTRACT_USAGE, contractMain } from './contract/cli';
import { PROXY_USAGE, proxyMain, REPLAY_USAGE, replayMain } from './proxy/cli';
import { createServer, type StandinServer } from './server';

// Maps argv and the environment onto a typed Config; nothing else lives here.

const SERVE_OPTIONS = `  --port N                 port to listen on (0-65535, default 4010, env PORT; 0 picks a free one)
  --host HOST              address to bind (default 127.0.0.1, env HOST; 0.0.0.0 to widen)
  --api NAME               serve only this API, at the root instead of under /NAME
  --api-port NAME=PORT     also serve API NAME at the root of port PORT (0 picks a free one), beside
                           the main port and sharing its state; repeatable, one port per API. For SDKs
                           that keep only scheme and host of their base URL (Ignisign's)
  --seed N                 seed for generated data and ids (0-4294967295, default 1337, env STANDIN_SEED)
  --now ISO                pin the clock to this instant (default: real time); ALTR's 15-minute date
                           window then follows it too (see the README's Ignisign example)
  --validate-responses M   strict (default): a response that breaks the spec becomes a 500;
                           warn: send it and log the problems; off: skip the check
  --body-limit BYTES       largest request body (1-1073741824, default 5242880); larger gets 413
  --journal-size N         requests kept in /__admin/journal (0-1000000, default 1000)
  --journal-bytes BYTES    bytes the journal may hold, headers and bodies included (0-1073741824,
                           default 8388608)
  --max-namespaces N       namespaces kept per API (1-1000000, default 1000, env STANDIN_MAX_NAMESPACES);
                           a new one evicts the least recently used idle one
  --admin-token TOKEN      require 'Authorization: Bearer TOKEN' on /__admin (env STANDIN_ADMIN_TOKEN)
  --log-requests           one line per request on stderr
  --data-dir DIR           keep state in DIR (env STANDIN_DATA_DIR): every change is logged, fsynced
                           per batch, and replayed on start, so a restart keeps it. DIR holds the
                           requests as sent, credentials included: guard it like the state itself
  --state redis://HOST:PORT[/DB]
                           share state with every replica given the same Redis (env STANDIN_STATE);
                           its keys hold the requests as sent, credentials included
  --workers N              serve from N processes on the same port(s) (1-64, default 1); N > 1 needs
                           --state redis://...
  -h, --help               this text
`;

export const USAGE = `standin: stateful mock server and contract harness for Ignisign, ALTR chainAPI, ncanode Signatures, Losant certificates and Droplit environments

Usage:
  standin serve [options]      serve the APIs (the default command)
  standin contract [options]   check an implementation against the specs (standin contract --help)
  standin proxy [options]      forward to the live APIs, checking and recording (standin proxy --help)
  standin replay DIR [options] re-send recorded exchanges and report what differs (standin replay --help)
  standin verify-capsule TOKEN [--hash HASH_B64] [--public-key PEM_FILE]
                               check an Ignisign log capsule's timestamp_b64 (exit 0 when valid)
  standin --version            print the version (also -v)
  standin --help               this text (also -h; COMMAND --help for each command's)

Options for serve:
${SERVE_OPTIONS}
Exit status: 2 for a flag or value standin cannot use (one line on stderr says which and what would do).
`;

export const SERVE_USAGE = `Usage: standin serve [options]   (also: npm start -- [options])

Serves the five APIs, each under /NAME (or one at the root with --api), with /__admin beside them.

Options:
${SERVE_OPTIONS}`;

export const VERIFY_CAPSULE_USAGE = `Usage: standin verify-capsule TOKEN [--hash HASH_B64] [--public-key PEM_FILE]

Checks an Ignisign log capsule's timestamp_b64 (TOKEN): its signature, and with --hash that it was
issued over that hashSha256_b64. Prints the verdict as JSON; exit 0 when valid, 1 when not.

Options:
  --hash HASH_B64          the capsule's hashSha256_b64, which the token must cover
  --public-key PEM_FILE    the timestamp authority's public key (default: standin's demo key)
  -h, --help               this text
`;

/** The version in package.json, read only when asked for. */
export function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** `--api-port NAME=PORT`, repeatable: each known API once, each port a whole number 0-65535. */
export function apiPorts(values: string[] | undefined): Config['apiPorts'] | undefined {
  if (!values?.length) return undefined;
  const ports: Config['apiPorts'] = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new FlagError(`--api-port takes NAME=PORT, e.g. ignisign=4556 (got '${value}')`);
    const name = apiNameFlag('--api-port', value.slice(0, eq), API_NAMES) as ApiName;
    if (ports[name] !== undefined) throw new FlagError(`--api-port: '${name}' is given twice (one port per API)`);
    ports[name] = portFlag(`--api-port ${name}`, value.slice(eq + 1));
  }
  return ports;
}

/** A flag's value, else the environment's, checked under the name it came from. */
function intFrom(flag: string, value: string | undefined, envName: string | undefined, env: NodeJS.ProcessEnv, range: IntRange): number | undefined {
  if (value !== undefined) return intFlag(flag, value, range);
  const fromEnv = envName === undefined ? undefined : env[envName];
  return fromEnv === undefined || fromEnv === '' ? undefined : intFlag(`${envName} (environment)`, fromEnv, range);
}

function instantFlag(flag: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (parseInstant(raw) === undefined) throw new FlagError(`${flag} must be an ISO 8601 instant such as 2024-07-29T15:51:28.071Z (got '${raw}')`);
  return raw;
}

const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  api: { type: 'string' },
  'api-port': { type: 'string', multiple: true },
  seed: { type: 'string' },
  now: { type: 'string' },
  'validate-responses': { type: 'string' },
  'body-limit': { type: 'string' },
  'journal-size': { type: 'string' },
  'journal-bytes': { type: 'string' },
  'max-namespaces': { type: 'string' },
  'admin-token': { type: 'string' },
  'log-requests': { type: 'boolean' },
  'data-dir': { type: 'string' },
  state: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** serve's flags (and environment) onto a partial Config; a bad value is a FlagError naming its range. */
export function serveConfig(argv: string[], env: NodeJS.ProcessEnv): Partial<Config> {
  const { values } = parseFlags('serve', argv, SERVE_FLAGS);
  const port = values.port !== undefined ? portFlag('--port', values.port) : env.PORT ? portFlag('PORT (environment)', env.PORT) : undefined;
  return {
    port,
    host: values.host ?? env.HOST,
    root: values.api === undefined ? undefined : (apiNameFlag('--api', values.api, API_NAMES) as ApiName),
    apiPorts: apiPorts(values['api-port']),
    seed: intFrom('--seed', values.seed, 'STANDIN_SEED', env, CONFIG_RANGES.seed),
    now: instantFlag('--now', values.now),
    responseValidation:
      values['validate-responses'] === undefined
        ? undefined
        : choiceFlag('--validate-responses', values['validate-responses'], ['strict', 'warn', 'off'] as const),
    bodyLimit: intFrom('--body-limit', values['body-limit'], undefined, env, CONFIG_RANGES.bodyLimit),
    journalSize: intFrom('--journal-size', values['journal-size'], undefined, env, CONFIG_RANGES.journalSize),
    journalBytes: intFrom('--journal-bytes', values['journal-bytes'], undefined, env, CONFIG_RANGES.journalBytes),
    maxNamespaces: intFrom('--max-namespaces', values['max-namespaces'], 'STANDIN_MAX_NAMESPACES', env, CONFIG_RANGES.maxNamespaces),
    adminToken: values['admin-token'] ?? env.STANDIN_ADMIN_TOKEN,
    logRequests: values['log-requests'],
    dataDir: values['data-dir'] ?? env.STANDIN_DATA_DIR,
    state: values.state ?? env.STANDIN_STATE,
    workers: intFrom('--workers', values.workers, undefined, env, CONFIG_RANGES.workers),
  };
}

/**
 * One line when --now pins a clock ALTR reads while it is served: a request signed with the real
 * date is then refused for skew (401) once the pin is more than 15 minutes away from it.
 */
export function nowWarning(config: Pick<Config, 'now' | 'apis'>, realNow = Date.now()): string | undefined {
  if (config.now === undefined || !config.apis.includes('altr')) return undefined;
  if (Math.abs(Date.parse(config.now) - realNow) <= 15 * 60 * 1000) return undefined;
  return (
    `warning: --now ${config.now} also pins ALTR's clock, which refuses an X-ALTR-DATE more than 15 minutes from it (401): ` +
    `requests signed with the real date will fail; pin one namespace with PUT /__admin/clock {"namespace","now"}, or serve --api ignisign alone with --now`
  );
}

/** The banner's line about where state lives. */
export function stateLine(config: Pick<Config, 'dataDir' | 'state' | 'workers'>): string {
  if (config.state !== undefined) return `state: redis ${maskedUrl(config.state)}, ${config.workers} worker${config.workers === 1 ? '' : 's'}`;
  if (config.dataDir !== undefined) return `state: data dir ${config.dataDir} (fsync per batch)`;
  return 'state: memory';
}

/** Starts `serve` and prints what listens where; stopping it is the caller's. */
export async function startServing(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  warn: (text: string) => void = (text) => process.stderr.write(text),
): Promise<StandinServer> {
  const server = createServer(serveConfig(argv, env));
  const clockWarning = nowWarning(server.config);
  if (clockWarning) warn(`${clockWarning}\n`);
  const address = await server.listen();
  const { main, apis } = server.urls();
  const lines = [`standin listening on ${main}${server.config.root ? ` (${server.config.root} at the root)` : ''}`];
  for (const [api, url] of Object.entries(apis)) lines.push(`${api} listening on ${url} (at the root)`);
  lines.push(stateLine(server.config));
  out(`${server.routeTable()}\n\n${lines.join('\n')}\n`);
  if (address.address !== '127.0.0.1' && address.address !== '::1') {
    out('warning: bound beyond loopback; anyone who can reach these ports can use the mock (and /__admin on the main port)\n');
  }
  return server;
}

/**
 * The node:cluster primary: forks the workers, which serve the same flags on the same port(s) (the
 * primary hands each connection to one of them). It restarts nothing on purpose (a crash should be
 * seen, not hidden); a worker that fails before every one is listening stops the rest. It forwards
 * SIGTERM/SIGINT and exits once every worker has, with the first failing code.
 */
function superviseWorkers(count: number, listenersEach: number): Promise<void> {
  return new Promise(() => {
    // node:cluster says `listening` once per server a worker opens (its main port and each --api-port).
    const opened = new Map<number, number>();
    let listening = 0;
    let exited = 0;
    let code = 0;
    const forward = (signal: NodeJS.Signals) => () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    };
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    cluster.on('listening', (worker, address) => {
      const servers = (opened.get(worker.id) ?? 0) + 1;
      opened.set(worker.id, servers);
      if (servers === listenersEach) listening++;
      // One line once all are up: a client may send its first request when it sees it.
      if (servers === listenersEach && listening === count)
        process.stdout.write(
          `standin: ${count} workers listening (pids ${Object.values(cluster.workers ?? {})
            .map((w) => w?.process.pid)
            .join(', ')}, port ${address.port})\n`,
        );
    });
    cluster.on('exit', (_worker, exitCode, signal) => {
      if (exitCode !== 0) code ||= exitCode ?? 1;
      if (signal) code ||= 1;
      if (listening < count && exitCode !== 0) forward('SIGTERM')();
      if (++exited === count) process.exit(code);
    });
    for (let i = 0; i < count; i++) cluster.fork();
  });
}

/**
 * npm does not pass a SIGTERM sent to its own PID on to the script it runs, so a server started by
 * `npm start` would outlive the PID a supervisor or test holds. Under npm the server therefore
 * watches its parent (npm, or the shell npm ran it in) and stops when it is gone.
 */
function exitWithNpm(stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500);
  timer.unref();
}

async function serve(argv: string[]): Promise<void> {
  const partial = serveConfig(argv, process.env);
  if (cluster.isPrimary) {
    // Checked here, so a bad flag is one message and exit 2, not one per worker.
    const { workers, apiPorts } = resolveConfig(partial);
    if (workers > 1) return superviseWorkers(workers, 1 + Object.keys(apiPorts).length);
  }
  // Only the first worker prints the banner; the others would repeat it word for word.
  const quiet = cluster.isWorker && cluster.worker?.id !== 1;
  // Handlers first: a signal that comes the moment the banner is out must still close the log cleanly.
  const running: { server?: StandinServer; stopping?: boolean } = {};
  // Not `once`: a terminal's Ctrl-C reaches a worker twice (from the terminal and from the primary),
  // and a second signal with no handler would kill it before its log is closed.
  const stop = (signal: string) => {
    if (running.stopping) return;
    running.stopping = true;
    process.stdout.write(`\n${signal}: closing\n`);
    (running.server ? running.server.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const print = (stream: NodeJS.WriteStream) => (text: string) => quiet || stream.write(text);
  running.server = await startServing(argv, process.env, print(process.stdout), print(process.stderr));
  if (process.env.npm_lifecycle_event !== undefined) exitWithNpm(() => stop('npm exited'));
}

function verifyCapsule(argv: string[]): number {
  const { values, positionals } = parseFlags('verify-capsule', argv, { hash: { type: 'string' }, 'public-key': { type: 'string' } }, true);
  if (positionals.length !== 1) throw new FlagError(`verify-capsule takes one timestamp_b64 argument, got ${positionals.length} (verify-capsule --help)`);
  const publicKeyPem = values['public-key'] === undefined ? undefined : readTextFile('--public-key', values['public-key']);
  const result = verifyTimestampToken(positionals[0], { hashSha256_b64: values.hash, publicKeyPem });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.valid ? 0 : 1;
}

const HELP: Record<string, string> = {
  serve: SERVE_USAGE,
  'verify-capsule': VERIFY_CAPSULE_USAGE,
  contract: CONTRACT_USAGE,
  proxy: PROXY_USAGE,
  replay: REPLAY_USAGE,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === undefined || command.startsWith('-')) return main(['serve', ...argv]);
  const help = HELP[command];
  if (help === undefined) {
    process.stderr.write(`standin: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  // Help wins over every other flag, valid or not, so `standin serve --port x --help` still helps.
  if (wantsHelp(rest)) {
    process.stdout.write(help);
    return 0;
  }
  switch (command) {
    case 'serve':
      await serve(rest);
      return -1; // keeps running
    case 'verify-capsule':
      return verifyCapsule(rest);
    case 'contract':
      return contractMain(rest);
    case 'proxy':
      return proxyMain(rest);
    default:
      return replayMain(rest);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (err: Error) => {
      process.stderr.write(`standin: ${err.message}\n`);
      process.exit(2);
    },
  );
}
