import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from './command';
import { FileLog, LOG_FILE } from './fileLog';
import { FileLogRefused } from './fileLogRefused';
import { StateUnavailable } from './stateLog';
import { encodeRecord } from './walRecord';

const dirs: string[] = [];
const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'standin-filelog-'));
  dirs.push(dir);
  return join(dir, 'data');
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const request = (namespace: string, n: number, api = 'droplit'): Command => ({
  kind: 'request',
  api,
  namespace,
  at: 1_700_000_000_000 + n,
  request: {
    method: 'POST',
    path: '/v0/api/environments/',
    rawQuery: '',
    headers: { authorization: 'secret' },
    body: Buffer.from(`{"n":${n}}`).toString('base64'),
  },
});

/** Opens a log over `dir`, recording what it replays; applies answer with the command's position. */
async function openLog(dir: string, options: { seed?: number; compactBytes?: number } = {}) {
  const applied: Command[] = [];
  const notices: string[] = [];
  const log = new FileLog(dir, { seed: options.seed ?? 7, compactBytes: options.compactBytes, notice: (line) => notices.push(line) });
  await log.open((command) => applied.push(command));
  return { log, applied, notices };
}

async function fileHandlePrototype(): Promise<FileHandle> {
  const handle = await open(__filename, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

afterEach(() => jest.restoreAllMocks());

describe('FileLog', () => {
  it('replays every submitted command, in order, and each submit resolves with what apply returned', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    const commands = [
      request('a', 1),
      { kind: 'seed', api: 'losant', namespace: 'a', count: 3 } as Command,
      request('b', 2),
      { kind: 'reset', api: 'x' } as Command,
    ];
    const results = await Promise.all(commands.map((command) => first.log.submit(command)));
    expect(results).toEqual([1, 2, 3, 4]);
    first.log.evicted('droplit', 'zz');
    await first.log.close();

    const again = await openLog(dir);
    expect(again.applied).toEqual([...commands, { kind: 'evict', api: 'droplit', namespace: 'zz' }]);
    await again.log.close();
  });

  it('awaits a promise apply returns before replaying the next record', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    await Promise.all([first.log.submit(request('a', 1)), first.log.submit(request('a', 2))]);
    await first.log.close();
    const order: string[] = [];
    const log = new FileLog(dir, { seed: 7 });
    await log.open(async (command) => {
      order.push(`start ${(command as { at: number }).at}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${(command as { at: number }).at}`);
    });
    expect(order).toEqual(['start 1700000000001', 'end 1700000000001', 'start 1700000000002', 'end 1700000000002']);
    await log.close();
  });

  it('group commit: 200 concurrent submits share fewer fdatasyncs, and none resolves before its sync', async () => {
    const proto = await fileHandlePrototype();
    const { log } = await openLog(newDir());
    const real = proto.datasync;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sync = jest.spyOn(proto, 'datasync').mockImplementation(async function (this: FileHandle) {
      await gate;
      return real.call(this);
    });
    let resolved = 0;
    const submits = Array.from({ length: 200 }, (_, i) => log.submit(request('g', i)).then(() => resolved++));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(resolved).toBe(0);
    expect(sync).toHaveBeenCalledTimes(1);
    release();
    await Promise.all(submits);
    expect(resolved).toBe(200);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    expect(log.stats).toMatchObject({ records: 200, batches: sync.mock.calls.length });
    await log.close();
  });

  it('drops a torn last record, cut at every byte, keeps the records before it, and truncates the file', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    await first.log.submit(request('t', 1));
    await first.log.submit(request('t', 2));
    await first.log.close();
    const whole = readFileSync(join(dir, LOG_FILE));
    const last = encodeRecord(request('t', 3));
    for (let cut = 1; cut < last.length; cut++) {
      writeFileSync(join(dir, LOG_FILE), Buffer.concat([whole, last.subarray(0, cut)]));
      const { log, applied, notices } = await openLog(dir);
      expect(applied.map((command) => (command as { at: number }).at)).toEqual([1_700_000_000_001, 1_700_000_000_002]);
      expect(notices).toEqual([`dropped ${cut} bytes of a torn record at the end of ${join(dir, LOG_FILE)} (offset ${whole.length})`]);
      expect(statSync(join(dir, LOG_FILE)).size).toBe(whole.length);
      await log.close();
    }
  });

  it('starts afresh over a log whose header itself was torn (a crash while the dir was first created)', async () => {
    const dir = newDir();
    await (await openLog(dir)).log.close();
    const header = readFileSync(join(dir, LOG_FILE));
    writeFileSync(join(dir, LOG_FILE), header.subarray(0, 5));
    const { log, notices } = await openLog(dir);
    expect(notices).toEqual([expect.stringContaining('dropped 5 bytes')]);
    await log.submit(request('h', 1));
    await log.close();
    expect(readFileSync(join(dir, LOG_FILE)).subarray(0, header.length)).toEqual(header);
    expect((await openLog(dir)).applied).toEqual([request('h', 1)]);
  });

  it('drops a last record whose checksum fails, and garbage after the last record', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    await first.log.submit(request('c', 1));
    await first.log.close();
    const whole = readFileSync(join(dir, LOG_FILE));
    const flipped = encodeRecord(request('c', 2));
    flipped[flipped.length - 3] ^= 0x01;
    for (const tail of [flipped, Buffer.from('garbage that is not a record at all \x00\xff\x13'), Buffer.alloc(4096)]) {
      writeFileSync(join(dir, LOG_FILE), Buffer.concat([whole, tail]));
      const { log, applied, notices } = await openLog(dir);
      expect(applied).toHaveLength(1);
      expect(notices).toEqual([expect.stringContaining(`dropped ${tail.length} bytes`)]);
      await log.close();
    }
  });

  it('refuses to start, naming the offset, when a record in the middle is damaged, and leaves the file as it was', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    for (let i = 1; i <= 3; i++) await first.log.submit(request('m', i));
    await first.log.close();
    const whole = readFileSync(join(dir, LOG_FILE));
    const one = encodeRecord(request('m', 1)).length;
    const middle = whole.length - 2 * one;
    for (const damage of [middle + 2, middle + 20]) {
      const bad = Buffer.from(whole);
      bad[damage] ^= 0x40;
      writeFileSync(join(dir, LOG_FILE), bad);
      const log = new FileLog(dir, { seed: 7 });
      const opened = log.open(() => undefined);
      await expect(opened).rejects.toThrow(FileLogRefused);
      await expect(opened).rejects.toThrow(`damaged at byte offset ${middle}`);
      expect(readFileSync(join(dir, LOG_FILE))).toEqual(bad);
    }
  });

  it('refuses a log written with another seed, and a file that is not a standin log', async () => {
    const dir = newDir();
    await (await openLog(dir, { seed: 1 })).log.close();
    const other = new FileLog(dir, { seed: 2 });
    await expect(other.open(() => undefined)).rejects.toThrow(
      new FileLogRefused(
        `${join(dir, LOG_FILE)} was written with --seed 1, not 2: replaying it would build other data; start with --seed 1 or another --data-dir`,
      ),
    );
    writeFileSync(join(dir, LOG_FILE), encodeRecord({ hello: 'world' }));
    await expect(new FileLog(dir, { seed: 1 }).open(() => undefined)).rejects.toThrow(/is not a standin log/);
    // Not even a record: someone's notes, short or long, are refused and left as they were.
    for (const text of ['hello notes\n', 'x'.repeat(500)]) {
      writeFileSync(join(dir, LOG_FILE), text);
      await expect(new FileLog(dir, { seed: 1 }).open(() => undefined)).rejects.toThrow(/is not a standin log/);
      expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toBe(text);
    }
  });

  it('creates the dir 0700 and the log 0600, and narrows a log that was made readable', async () => {
    const dir = newDir();
    await (await openLog(dir)).log.close();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, LOG_FILE)).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, LOG_FILE), 0o644);
    await (await openLog(dir)).log.close();
    expect(statSync(join(dir, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('compacts on open to exactly the records after the last reset or eviction of their API and namespace', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    const seed: Command = { kind: 'seed', api: 'losant', namespace: 'y', count: 2 };
    const script: Command[] = [
      request('x', 1),
      request('y', 2),
      request('x', 3, 'altr'),
      { kind: 'reset', api: 'droplit', namespace: 'x' },
      request('x', 4),
      seed,
      { kind: 'reset', namespace: 'y' },
      request('y', 5),
      request('z', 6),
      { kind: 'evict', api: 'droplit', namespace: 'z' },
      request('w', 7, 'signatures'),
      { kind: 'reset', api: 'signatures' },
      request('w', 8, 'signatures'),
    ];
    for (const command of script) await first.log.submit(command);
    await first.log.close();
    const before = statSync(join(dir, LOG_FILE)).size;
    const second = await openLog(dir);
    expect(second.applied).toEqual(script);
    await second.log.close();
    expect(statSync(join(dir, LOG_FILE)).size).toBeLessThan(before);
    const live = [request('x', 3, 'altr'), request('x', 4), request('y', 5), request('w', 8, 'signatures')];
    const third = await openLog(dir);
    expect(third.applied).toEqual(live);
    await third.log.close();
    expect(statSync(join(dir, LOG_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a reset of everything drops every record before it', async () => {
    const dir = newDir();
    const first = await openLog(dir);
    for (const command of [request('a', 1), request('b', 2, 'altr'), { kind: 'reset' } as Command, request('c', 3)]) await first.log.submit(command);
    await first.log.close();
    await (await openLog(dir)).log.close();
    const { log, applied } = await openLog(dir);
    expect(applied).toEqual([request('c', 3)]);
    await log.close();
  });

  it('compacts while serving once the log passes the threshold and twice its live records', async () => {
    const dir = newDir();
    const { log } = await openLog(dir, { compactBytes: 4096 });
    for (let round = 0; round < 40; round++) {
      await Promise.all([log.submit(request('hot', round)), log.submit(request('keep', round, 'altr'))]);
      await log.submit({ kind: 'reset', api: 'droplit', namespace: 'hot' });
    }
    await log.submit(request('hot', 99));
    expect(log.stats.compactions).toBeGreaterThan(0);
    // 121 records of about 220 bytes were written; 41 are live.
    expect(statSync(join(dir, LOG_FILE)).size).toBeLessThan(16384);
    await log.close();
    // What the last compaction while serving left, then compacted on open: exactly the live records.
    await (await openLog(dir)).log.close();
    const again = await openLog(dir);
    expect(again.applied).toEqual([...Array.from({ length: 40 }, (_, i) => request('keep', i, 'altr')), request('hot', 99)]);
    await again.log.close();
  });

  it('a failed write answers StateUnavailable, refuses every later write without applying it, and restart replays only what reached the disk', async () => {
    const proto = await fileHandlePrototype();
    const dir = newDir();
    const applied: Command[] = [];
    const log = new FileLog(dir, { seed: 7 });
    await log.open((command) => applied.push(command));
    await log.submit(request('d', 1));
    jest.spyOn(proto, 'write').mockRejectedValue(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    const failed = log.submit(request('d', 2));
    await expect(failed).rejects.toThrow(StateUnavailable);
    await expect(failed).rejects.toThrow(/cannot be written \(ENOSPC\); no write is accepted until standin restarts/);
    // The in-memory state already has it (the answer was 503); the next one is not applied at all.
    expect(applied).toHaveLength(2);
    jest.restoreAllMocks();
    await expect(log.submit(request('d', 3))).rejects.toThrow(StateUnavailable);
    expect(applied).toHaveLength(2);
    await log.close();
    const again = await openLog(dir);
    expect(again.applied).toEqual([request('d', 1)]);
    await again.log.close();
  });

  it('a failed fdatasync is a failed write too', async () => {
    const proto = await fileHandlePrototype();
    const { log } = await openLog(newDir());
    jest.spyOn(proto, 'datasync').mockRejectedValue(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    await expect(log.submit(request('e', 1))).rejects.toThrow(/\(EIO\)/);
    await log.close();
  });

  it('close flushes what is queued; submits after it are refused', async () => {
    const dir = newDir();
    const { log } = await openLog(dir);
    const pending = log.submit(request('q', 1));
    await log.close();
    await expect(pending).resolves.toBe(1);
    await expect(log.submit(request('q', 2))).rejects.toThrow(StateUnavailable);
    const again = await openLog(dir);
    expect(again.applied).toHaveLength(1);
    await again.log.close();
  });

  it('replays a record of several MiB (a large body) through the bounded read window', async () => {
    const dir = newDir();
    const { log } = await openLog(dir);
    const big = request('big', 1);
    if (big.kind === 'request') big.request.body = Buffer.alloc(3 << 20, 7).toString('base64');
    await log.submit(request('big', 0));
    await log.submit(big);
    await log.submit(request('big', 2));
    await log.close();
    appendFileSync(join(dir, LOG_FILE), Buffer.from([1, 2, 3]));
    const again = await openLog(dir);
    expect(again.applied).toEqual([request('big', 0), big, request('big', 2)]);
    await again.log.close();
  });
});
