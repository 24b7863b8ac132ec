import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describeIfInstalled } from './describeIfInstalled';

// A real redis-server for tests: on a free port, with its own temporary directory, stopped and
// started again on the same port and directory (with its data, or emptied) to play an outage.

/**
 * The redis-server executable on PATH, or undefined when it is not installed (for a test that
 * decides on its own how to skip).
 * @public
 */
export function redisServerPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** `describe`, or `describe.skip` with one line saying what to install, for suites that need redis-server. */
export function describeWithRedis(name: string, body: () => void): void {
  describeIfInstalled(name, redisServerPath() !== undefined, 'redis-server is not on PATH (install the Debian package redis-server)', body);
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Stops the server (SIGTERM, so an append-only file is flushed) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port; `empty` deletes its data first, as a Redis that lost everything. */
  start(options?: { empty?: boolean }): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, as a hung Redis. */
  pause(): void;
  /** Lets a paused server go on (SIGCONT). */
  resume(): void;
  /** Stops it and deletes its directory. */
  destroy(): Promise<void>;
}

export interface RedisServerOptions {
  /** Persist every write in an append-only file (fsynced on every write), so a restart keeps the data. */
  appendOnly?: boolean;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const executable = redisServerPath();
  if (!executable) throw new Error('redis-server is not on PATH (install the Debian package redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'standin-redis-'));
  let port = 0;
  /** Set once the port is ours: from then on it never changes. */
  let kept = false;
  let child: ChildProcess | undefined;

  const args = () => [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly ? 'yes' : 'no',
    '--appendfsync',
    'always',
    '--daemonize',
    'no',
    '--logfile',
    '',
  ];

  async function start({ empty = false } = {}): Promise<void> {
    if (child) throw new Error('redis-server is already running');
    if (empty) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    for (let attempt = 0; ; attempt++) {
      // The first start picks a free port; a restart keeps it (the point of the outage tests) and
      // waits for the port our own server just released.
      if (port === 0) port = await freePort();
      try {
        child = await launch(executable as string, args());
        kept = true;
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        if (!kept) port = 0;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  }

  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `redis://127.0.0.1:${port}`;
    },
    dir,
    stop,
    start,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async destroy() {
      child?.kill('SIGCONT');
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(executable: string, args: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      } else if (output.length > 64 * 1024) {
        output = output.slice(-4096);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-2000)}`)));
  });
}

/** A port nothing listens on now (bound to 0, then let go), for a process that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
