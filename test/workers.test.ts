import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { describeWithRedis, freePort, type RedisServer, startRedisServer } from './support/redisServer';

// `standin serve --workers 3 --state redis://…`: three processes behind one port (node:cluster),
// sharing state through Redis, so the alias invariant holds whichever worker takes a request; and
// SIGTERM to the primary stops every worker.

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const ECOSYSTEM = 'C599343aecca8fba8297a3195';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts the CLI; resolves with the workers' pids once the primary says all are listening. */
function startWorkers(args: string[]): Promise<{ child: ChildProcess; pids: number[]; exited: Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`workers not listening within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(\d+) workers listening \(pids ([\d, ]+),/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, pids: m[2].split(', ').map(Number), exited, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before listening:\n${output}`));
    });
  });
}

describeWithRedis('standin serve --workers 3 --state redis://', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.js')], { cwd: ROOT, stdio: 'ignore' });
    redis = await startRedisServer();
  }, 120_000);
  afterAll(async () => {
    await redis?.destroy();
  });

  it('holds one alias across the workers (exactly one 201 of 100) and stops every worker on SIGTERM', async () => {
    const port = await freePort();
    const served = await startWorkers(['serve', '--port', String(port), '--workers', '3', '--state', redis.url]);
    try {
      expect(served.pids).toHaveLength(3);
      // Three processes, each with its own connection to Redis: the state is shared, not one worker's.
      const admin = new Redis(redis.url);
      const clients = String(await admin.client('LIST'));
      await admin.quit();
      const others = clients.split('\n').filter((line) => line.trim() !== '' && !line.includes('cmd=client|list'));
      expect(others.length).toBeGreaterThanOrEqual(3);

      const base = `http://127.0.0.1:${port}`;
      const replies = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${base}/droplit/v0/api/environments/`, {
            method: 'POST',
            headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json', 'x-standin-namespace': 'workers', connection: 'close' },
            body: JSON.stringify({ ecosystemId: ECOSYSTEM, alias: 'shared' }),
          }).then(async (res) => ({ status: res.status, body: await res.text() })),
        ),
      );
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 400 && JSON.parse(r.body).errors[0].message === 'Alias Exists')).toHaveLength(99);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
    }
    for (const pid of served.pids) expect(alive(pid)).toBe(false);
  }, 60_000);
});
