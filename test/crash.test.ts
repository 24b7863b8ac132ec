import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileLog, LOG_FILE } from '../src/state/fileLog';
import { createServer } from '../src/server';
import { type CliProcess, runCli, startCli } from './support/cliProcess';
import { createDroplitEnvironment, getAltrData, send } from './support/dataClient';
import { type LoadResult, writeLoad } from './support/writeLoad';

// The built CLI with --data-dir, killed with SIGKILL while writes are in flight: every write it
// acknowledged must read back after a restart on the same dir.

const WRITES = 5000;
const CONCURRENCY = 32;
const NAMESPACES = 4;

let root: string;
const running: CliProcess[] = [];
beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'standin-crash-'))));
afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGKILL');
    await cli.exited;
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(args: string[]): Promise<CliProcess> {
  const cli = await startCli(['serve', '--port', '0', ...args]);
  running.push(cli);
  return cli;
}

async function stop(cli: CliProcess): Promise<void> {
  running.splice(running.indexOf(cli), 1);
  cli.child.kill('SIGTERM');
  expect(await cli.exited).toBe(0);
}

/** Every Droplit environment the namespaces hold, as `<namespace> <id> <alias>`, read through the admin API. */
async function droplitEnvironments(base: string): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < NAMESPACES; i++) {
    const dump = await send(base, 'GET', `/__admin/state/droplit?namespace=crash${i}`);
    for (const ecosystem of dump.json().state.ecosystems as Array<{ environments: Array<{ id: string; alias?: string }> }>) {
      for (const env of ecosystem.environments) held.add(`crash${i} ${env.id} ${env.alias}`);
    }
  }
  return held;
}

const perSecond = (load: LoadResult) => Math.round((load.count / load.ms) * 1000);

describe('--data-dir under kill -9 (built CLI)', () => {
  let crashDir: string;

  it(`loses none of ${WRITES}+ acknowledged writes (concurrency ${CONCURRENCY}) when killed mid-write`, async () => {
    const memory = await start([]);
    // The same load without --data-dir, for the writes/s the report compares (fewer writes: it only measures).
    const inMemory = await writeLoad(memory.url, { concurrency: CONCURRENCY, namespaces: NAMESPACES, prefix: 'crash', stop: (count) => count >= 2000 });
    await stop(memory);

    crashDir = join(root, 'crash');
    const first = await start(['--data-dir', crashDir]);
    let killed = false;
    const load = await writeLoad(first.url, {
      concurrency: CONCURRENCY,
      namespaces: NAMESPACES,
      prefix: 'crash',
      stop: (count) => {
        if (count >= WRITES && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
        return false;
      },
    });
    expect(await first.exited).toBe('SIGKILL');
    running.splice(running.indexOf(first), 1);
    expect(load.refused).toEqual([]);
    expect(load.count).toBeGreaterThanOrEqual(WRITES);
    // Writes were in flight when it died: those are the ones that may or may not be kept.
    expect(load.failed).toBeGreaterThan(0);

    const second = await start(['--data-dir', crashDir]);
    const held = await droplitEnvironments(second.url);
    const lost = [...load.acked.droplit.values()].map(({ namespace, id, alias }) => `${namespace} ${id} ${alias}`).filter((env) => !held.has(env));
    expect(lost).toEqual([]);
    const wrong: string[] = [];
    for (const [key, { namespace, token, bytes }] of load.acked.altr) {
      const got = await getAltrData(second.url, namespace, token);
      if (got.status !== 200 || !got.body.equals(bytes)) wrong.push(`${key}: ${got.status}`);
    }
    expect(wrong).toEqual([]);
    // The aliases taken before the crash are still taken.
    const { namespace, alias } = load.acked.droplit.values().next().value!;
    expect((await createDroplitEnvironment(second.url, namespace, alias)).status).toBe(400);
    process.stdout.write(
      `crash test: memory ${perSecond(inMemory)} writes/s, --data-dir ${perSecond(load)} writes/s (${load.count} acknowledged, ${load.failed} in flight at the kill, ${load.acked.altr.size} ALTR)\n`,
    );
    await stop(second);
  }, 90000);

  it('starts and serves over a log with garbage appended (a torn record), dropping it with one line', async () => {
    const dir = join(root, 'torn');
    const first = await start(['--data-dir', dir]);
    expect((await createDroplitEnvironment(first.url, 'torn', 'before_tear')).status).toBe(201);
    await stop(first);
    appendFileSync(join(dir, LOG_FILE), Buffer.from([0x30, 0, 0, 0, 1, 2, 3, 4, 0x7b, 0x22]));
    const second = await start(['--data-dir', dir]);
    expect(second.output()).toMatch(/standin: dropped 10 bytes of a torn record at the end of \S+ \(offset \d+\)/);
    expect((await createDroplitEnvironment(second.url, 'torn', 'before_tear')).status).toBe(400);
    expect((await createDroplitEnvironment(second.url, 'torn', 'after_tear')).status).toBe(201);
    await stop(second);
  });

  it('refuses to start (exit 2, naming the offset) over damage in the middle of the log, and over another --seed', async () => {
    const dir = join(root, 'damaged');
    const first = await start(['--data-dir', dir]);
    for (const alias of ['one', 'two', 'three']) expect((await createDroplitEnvironment(first.url, 'dmg', alias)).status).toBe(201);
    await stop(first);
    const seed = await runCli(['serve', '--port', '0', '--data-dir', dir, '--seed', '99']);
    expect(seed).toEqual({ code: 2, output: expect.stringMatching(/was written with --seed 1337, not 99: replaying it would build other data/) });
    const log = readFileSync(join(dir, LOG_FILE));
    const damaged = Buffer.from(log);
    const middle = Math.floor(log.length / 2);
    damaged[middle] ^= 0xff;
    writeFileSync(join(dir, LOG_FILE), damaged);
    const refused = await runCli(['serve', '--port', '0', '--data-dir', dir]);
    expect(refused).toEqual({
      code: 2,
      output: expect.stringMatching(/is damaged at byte offset \d+ \(checksum\) and valid records follow: refusing to start/),
    });
    expect(refused.output).not.toMatch(/\n\s+at /);
  });

  it("group commit under the same load: fewer fdatasyncs than writes (in process, to read the log's counters)", async () => {
    const server = createServer({ port: 0, dataDir: join(root, 'batches') });
    await server.listen(0);
    try {
      const load = await writeLoad(server.url(), { concurrency: CONCURRENCY, namespaces: NAMESPACES, prefix: 'batch', stop: (count) => count >= 2000 });
      const { stats } = server.log as FileLog;
      expect(stats.records).toBeGreaterThanOrEqual(2000);
      expect(stats.batches).toBeLessThan(stats.records);
      process.stdout.write(
        `group commit: ${stats.records} records in ${stats.batches} fdatasyncs (${(stats.records / stats.batches).toFixed(1)} a batch, largest ${stats.largestBatch}), ${Math.round((stats.batches / load.ms) * 1000)} fdatasyncs/s, ${perSecond(load)} writes/s in process\n`,
      );
    } finally {
      await server.close();
    }
  }, 60000);
});
