import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Apply, Command } from './command';
import { isLoggedCommand } from './fileLogCommand';
import { compactInto } from './fileLogCompaction';
import { FileLogLiveKeys } from './fileLogLiveKeys';
import { FileLogRefused } from './fileLogRefused';
import { writeFully } from './fileLogWrite';
import { type StateLog, StateUnavailable } from './stateLog';
import { encodeRecord } from './walRecord';
import { WalRecordReader } from './walRecordReader';

// --data-dir: one process writes one append-only log of commands. A command is applied at once, in
// submission order, and acknowledged only after its record is on disk. Records submitted while a
// write + fdatasync is in flight wait and go together in the next one (group commit), so a busy
// server syncs once per batch, not once per request.

export const LOG_FILE = 'commands.log';
const COMPACT_FILE = 'commands.log.compacting';
const FORMAT = 'standin-log';
const VERSION = 1;
/** One write's largest batch: a burst never builds one huge buffer. */
const BATCH_BYTES = 8 << 20;

export interface FileLogOptions {
  /** The server's --seed, pinned in the log's header: a replay under another seed would build other data. */
  seed: number;
  /** Compact while serving once the log is past this size and twice its live records (64 MiB). */
  compactBytes?: number;
  /** Where one-line notices go (a torn tail dropped, a compaction given up); stderr by default. */
  notice?: (line: string) => void;
}

/** What group commit did, for measurements and tests. */
export interface FileLogStats {
  batches: number;
  records: number;
  largestBatch: number;
  compactions: number;
}

interface Pending {
  record: Buffer;
  command: Command;
  settle?: (error?: Error) => void;
}

export class FileLog implements StateLog {
  readonly path: string;
  readonly stats: FileLogStats = { batches: 0, records: 0, largestBatch: 0, compactions: 0 };
  private readonly header: Buffer;
  private readonly compactBytes: number;
  private readonly notice: (line: string) => void;
  private file?: FileHandle;
  private size = 0;
  private live = new FileLogLiveKeys();
  private apply?: Apply;
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  private failure?: StateUnavailable;
  private compactionOff = false;
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly options: FileLogOptions,
  ) {
    this.path = join(dir, LOG_FILE);
    this.header = encodeRecord({ format: FORMAT, version: VERSION, seed: options.seed });
    this.compactBytes = options.compactBytes ?? 64 << 20;
    this.notice = options.notice ?? ((line) => process.stderr.write(`standin: ${line}\n`));
  }

  async open(apply: Apply): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      this.file = await open(this.path, constants.O_RDWR | constants.O_CREAT, 0o600);
      // The log holds requests as sent, credentials included: never readable by others.
      await this.file.chmod(0o600);
    } catch (err) {
      throw new FileLogRefused(`cannot use the data dir ${this.dir}: ${(err as Error).message}`);
    }
    try {
      await this.replay(apply);
      if (this.live.liveBytes < this.size - this.header.length) await this.compact();
    } catch (err) {
      await this.file.close().catch(() => undefined);
      this.file = undefined;
      throw err;
    }
    this.apply = apply;
  }

  submit(command: Command): Promise<unknown> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    let record: Buffer;
    try {
      record = encodeRecord(command);
    } catch (err) {
      return Promise.reject(new StateUnavailable(`the request cannot be logged: ${(err as Error).message}`));
    }
    const stored = new Promise<void>((resolve, reject) => this.enqueue({ record, command, settle: (error) => (error ? reject(error) : resolve()) }));
    // Queued before it is applied, so an eviction the command causes is logged after it.
    let result: unknown;
    try {
      result = this.apply!(command);
    } catch (err) {
      // Its state change may have happened before the throw; the record replays it the same way.
      return stored.then(() => Promise.reject(err as Error));
    }
    // When the write fails first, the caller hears that; the outcome's own failure must not go unhandled.
    if (result instanceof Promise) result.catch(() => undefined);
    return stored.then(() => result);
  }

  catchUp(): Promise<void> {
    return Promise.resolve();
  }

  evicted(api: string, namespace: string): void {
    // Evictions made while replaying are already in the log (or were not, and the engine redoes them).
    if (this.refusal()) return;
    this.enqueue({ record: encodeRecord({ kind: 'evict', api, namespace }), command: { kind: 'evict', api, namespace } });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flushing;
    const file = this.file;
    this.file = undefined;
    this.apply = undefined;
    if (file) await file.close();
  }

  private refusal(): StateUnavailable | undefined {
    if (this.failure) return this.failure;
    if (this.closed || !this.apply) return new StateUnavailable(`the data dir log is not open`);
    return undefined;
  }

  private enqueue(pending: Pending): void {
    this.queue.push(pending);
    // One turn of the event loop first, so requests that arrived together share the first write too.
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushAll());
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const batch = this.takeBatch();
        const bytes = Buffer.concat(batch.map((pending) => pending.record));
        try {
          await writeFully(this.file!, bytes, this.size);
          await this.file!.datasync();
        } catch (err) {
          this.fail(err as NodeJS.ErrnoException, batch);
          break;
        }
        this.size += bytes.length;
        this.stats.batches++;
        this.stats.records += batch.length;
        this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
        for (const pending of batch) this.live.observe(pending.command, pending.record.length);
        for (const pending of batch) pending.settle?.();
        if (this.dueForCompaction()) await this.compact().catch((err: NodeJS.ErrnoException) => this.fail(err, []));
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || bytes + this.queue[count].record.length <= BATCH_BYTES)) bytes += this.queue[count++].record.length;
    return this.queue.splice(0, count);
  }

  /**
   * A write or sync failed: the batch may be partly on disk (a torn tail the next start drops).
   * Writes stop until a restart, because after a failed fdatasync Linux may report the next one as
   * successful without the lost pages: acknowledging anything more could lose it.
   */
  private fail(err: NodeJS.ErrnoException, batch: Pending[]): void {
    this.failure = new StateUnavailable(`the data dir log cannot be written (${err.code ?? err.message}); no write is accepted until standin restarts`);
    const failed = [...batch, ...this.queue];
    this.queue = [];
    for (const pending of failed) pending.settle?.(this.failure);
  }

  private dueForCompaction(): boolean {
    return !this.compactionOff && this.size > this.compactBytes && this.size > 2 * (this.live.liveBytes + this.header.length);
  }

  /** Rewrites the log with its live records only: a new file, synced, renamed over the log, the dir synced. */
  private async compact(): Promise<void> {
    const tempPath = join(this.dir, COMPACT_FILE);
    let compacted;
    try {
      compacted = await compactInto(tempPath, this.file!, this.size, this.header, this.live);
    } catch (err) {
      // The log is untouched and complete: keep serving from it, without retrying on every batch.
      this.compactionOff = true;
      this.notice(`compacting ${this.path} failed (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it keeps growing until restart`);
      return;
    }
    await rename(tempPath, this.path);
    const old = this.file!;
    this.file = compacted.file;
    this.size = compacted.size;
    this.live = compacted.live;
    this.stats.compactions++;
    await old.close();
    // Until the rename is durable a crash could bring the old log back, without what is appended next.
    await syncDir(this.dir);
  }

  private async replay(apply: Apply): Promise<void> {
    const file = this.file!;
    const { size } = await file.stat();
    const reader = new WalRecordReader(file, size);
    const first = await reader.at(0);
    if (first.kind === 'record') this.checkHeader(first.value);
    else if (first.kind === 'flaw') {
      if ((await reader.nextValidAfter(0)) !== undefined) throw this.corrupt(0, first.flaw);
      // Only a header cut short while this log was being created may be dropped: any other file
      // that does not start with a header is someone's, and is not ours to truncate.
      if (!(await this.isTornHeader(file, size))) throw new FileLogRefused(`${this.path} is not a standin log; move it away or use another --data-dir`);
    }
    let offset = first.kind === 'record' ? first.bytes.length : 0;
    let failed = 0;
    for (;;) {
      const read = await reader.at(offset);
      if (read.kind === 'end') break;
      if (read.kind === 'flaw') {
        if ((await reader.nextValidAfter(offset)) !== undefined) throw this.corrupt(offset, read.flaw);
        await this.dropTail(offset, size);
        break;
      }
      if (!isLoggedCommand(read.value)) throw this.corrupt(offset, 'not a command');
      const bytes = read.bytes.length;
      this.live.observe(read.value, bytes);
      try {
        await apply(read.value);
      } catch {
        // It failed the same way when it was first applied (the answer was a 500): the state matches.
        failed++;
      }
      offset += bytes;
    }
    this.size = offset;
    if (offset === 0) await this.writeHeader();
    if (failed > 0) this.notice(`${failed} commands of ${this.path} failed again on replay, as they did when first applied`);
  }

  /** The file is a prefix of the header this log writes first (a crash during its creation). */
  private async isTornHeader(file: FileHandle, size: number): Promise<boolean> {
    if (size >= this.header.length) return false;
    const bytes = Buffer.alloc(size);
    await file.read(bytes, 0, size, 0);
    return bytes.equals(this.header.subarray(0, size));
  }

  private checkHeader(header: Record<string, unknown>): void {
    if (header.format !== FORMAT) throw new FileLogRefused(`${this.path} is not a standin log; move it away or use another --data-dir`);
    if (header.version !== VERSION) {
      throw new FileLogRefused(`${this.path} is format version ${String(header.version)}; this standin reads version ${VERSION}`);
    }
    if (header.seed !== this.options.seed) {
      throw new FileLogRefused(
        `${this.path} was written with --seed ${String(header.seed)}, not ${this.options.seed}: replaying it would build other data; start with --seed ${String(header.seed)} or another --data-dir`,
      );
    }
  }

  private corrupt(offset: number, flaw: string): FileLogRefused {
    return new FileLogRefused(
      `${this.path} is damaged at byte offset ${offset} (${flaw}) and valid records follow: refusing to start rather than lose them; restore the file or move it away`,
    );
  }

  /** A crash mid-write leaves part of the last batch: never acknowledged, so dropped. */
  private async dropTail(offset: number, size: number): Promise<void> {
    await this.file!.truncate(offset);
    await this.file!.sync();
    this.notice(`dropped ${size - offset} bytes of a torn record at the end of ${this.path} (offset ${offset})`);
  }

  private async writeHeader(): Promise<void> {
    await writeFully(this.file!, this.header, 0);
    await this.file!.sync();
    await syncDir(this.dir);
    this.size = this.header.length;
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
