#!/usr/bin/env node
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { type Config, maskedUrl, resolveConfig } from './config';
import { API_NAMES, type ApiName } from './apis';
import { readFileSync } from 'node:fs';
import { verifyTimestampToken } from './apis/ignisign/timestampToken';
import { CONTRACT_USAGE, contractMain } from './contract/cli';
import { proxyMain, replayMain } from './proxy/cli';
import { createServer, type StandinServer } from './server';

// Maps argv and the environment onto a typed Config; nothing else lives here.

const USAGE = `standin: stateful mock server and contract harness for Ignisign, ALTR chainAPI, ncanode Signatures, Losant certificates and Droplit environments

Usage:
  standin serve [options]      serve the APIs (the default command)
  standin contract [options]   check an implementation against the specs (standin contract --help)
  standin proxy [options]      forward to the live APIs, checking and recording (standin proxy --help)
  standin replay DIR [options] re-send recorded exchanges and report what differs (standin replay --help)
  standin verify-capsule TOKEN [--hash HASH_B64] [--public-key PEM_FILE]
                               check an Ignisign log capsule's timestamp_b64 (exit 0 when valid)

Options for serve:
  --port N                 port to listen on (default 4010, env PORT; 0 picks a free one)
  --host HOST              address to bind (default 127.0.0.1, env HOST; 0.0.0.0 to widen)
  --api NAME               serve only this API, at the root instead of under /NAME
  --api-port NAME=PORT     also serve API NAME at the root of port PORT (0 picks a free one), beside
                           the main port and sharing its state; repeatable, one port per API. For SDKs
                           that keep only scheme and host of their base URL (Ignisign's)
  --seed N                 seed for generated data and ids (default 1337, env STANDIN_SEED)
  --now ISO                pin the clock to this instant (default: real time)
  --validate-responses M   strict (default): a response that breaks the spec becomes a 500;
                           warn: send it and log the problems; off: skip the check
  --body-limit BYTES       largest request body (default 5242880); larger gets 413
  --journal-size N         requests kept in /__admin/journal (default 1000)
  --journal-bytes BYTES    bytes the journal may hold, headers and bodies included (default 8388608)
  --max-namespaces N       namespaces kept per API (default 1000, env STANDIN_MAX_NAMESPACES); a new one
                           evicts the least recently used idle one
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

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number, got '${value}'`);
  return n;
}

/** `--api-port NAME=PORT`, repeatable: each known API once, each port a whole number 0-65535. */
export function apiPorts(values: string[] | undefined): Config['apiPorts'] | undefined {
  if (!values?.length) return undefined;
  const ports: Config['apiPorts'] = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const name = value.slice(0, eq);
    const port = value.slice(eq + 1);
    if (eq <= 0) throw new Error(`--api-port takes NAME=PORT, got '${value}'`);
    if (!(API_NAMES as readonly string[]).includes(name)) throw new Error(`--api-port: unknown API '${name}' (known: ${API_NAMES.join(', ')})`);
    if (ports[name as ApiName] !== undefined) throw new Error(`--api-port: '${name}' is given twice (one port per API)`);
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new Error(`--api-port ${name}: the port must be a whole number 0-65535, got '${port}'`);
    ports[name as ApiName] = Number(port);
  }
  return ports;
}

export function serveConfig(argv: string[], env: NodeJS.ProcessEnv): Partial<Config> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
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
    },
  });
  return {
    port: int('port', values.port ?? env.PORT),
    host: values.host ?? env.HOST,
    root: values.api as ApiName | undefined,
    apiPorts: apiPorts(values['api-port']),
    seed: int('seed', values.seed ?? env.STANDIN_SEED),
    now: values.now,
    responseValidation: values['validate-responses'] as Config['responseValidation'] | undefined,
    bodyLimit: int('body-limit', values['body-limit']),
    journalSize: int('journal-size', values['journal-size']),
    journalBytes: int('journal-bytes', values['journal-bytes']),
    maxNamespaces: int('max-namespaces', values['max-namespaces'] ?? env.STANDIN_MAX_NAMESPACES),
    adminToken: values['admin-token'] ?? env.STANDIN_ADMIN_TOKEN,
    logRequests: values['log-requests'],
    dataDir: values['data-dir'] ?? env.STANDIN_DATA_DIR,
    state: values.state ?? env.STANDIN_STATE,
    workers: int('workers', values.workers),
  };
}

/** The banner's line about where state lives. */
export function stateLine(config: Pick<Config, 'dataDir' | 'state' | 'workers'>): string {
  if (config.state !== undefined) return `state: redis ${maskedUrl(config.state)}, ${config.workers} worker${config.workers === 1 ? '' : 's'}`;
  if (config.dataDir !== undefined) return `state: data dir ${config.dataDir} (fsync per batch)`;
  return 'state: memory';
}

/** Starts `serve` and prints what listens where; stopping it is the caller's. */
export async function startServing(argv: string[], env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<StandinServer> {
  const server = createServer(serveConfig(argv, env));
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
  running.server = await startServing(argv, process.env, (text) => quiet || process.stdout.write(text));
}

function verifyCapsule(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { hash: { type: 'string' }, 'public-key': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new Error('verify-capsule takes one timestamp_b64 argument');
  const publicKeyPem = values['public-key'] ? readFileSync(values['public-key'], 'utf8') : undefined;
  const result = verifyTimestampToken(positionals[0], { hashSha256_b64: values.hash, publicKeyPem });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return result.valid ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === undefined || command.startsWith('-')) return main(['serve', ...argv]);
  switch (command) {
    case 'serve':
      await serve(rest);
      return -1; // keeps running
    case 'verify-capsule':
      return verifyCapsule(rest);
    case 'contract': {
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(CONTRACT_USAGE);
        return 0;
      }
      return contractMain(rest);
    }
    case 'proxy':
      return proxyMain(rest);
    case 'replay':
      return replayMain(rest);
    default:
      process.stderr.write(`standin: unknown command '${command}'\n\n${USAGE}`);
      return 2;
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
