import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import type { Apply, Command } from './command';
import { APPEND_LUA, FORMAT, INIT_LUA, META_KEY, RESET_LUA, STREAMS_KEY, streamKey, streamMember } from './redisScripts';
import { type StateLog, StateUnavailable } from './stateLog';

// State shared by replicas through Redis: one stream of commands per (api, namespace). A write is one
// round trip (APPEND_LUA: append, and read everything after this replica's last applied entry), a
// read is one round trip first (the same script with nothing to append). Each replica applies the
// entries of a stream in stream order, exactly once, so every replica builds the same state and
// computes the same answers; invariants hold across replicas because the order is Redis's.
//
// Per stream, one round trip at a time: whatever arrives while one is in flight (writes and reads)
// goes in the next, as one batch, so throughput grows with concurrency instead of waiting in line.

export interface RedisLogOptions {
  seed: number;
  /** How long a Redis call may take before the request answers 503 (default 500 ms); also the connect timeout. */
  timeoutMs?: number;
  /** Entries read per round trip (default 256): a replica far behind catches up in pages, not in one huge reply. */
  pageSize?: number;
  /** Streams whose position this process remembers; past it, the least recently used idle one is dropped (with its local state). */
  maxStreams?: number;
}

interface Waiter {
  /** Absent for a catch-up. */
  command?: Command;
  json?: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Stream {
  api: string;
  namespace: string;
  member: string;
  key: string;
  /** The last entry applied here; '' when nothing is, so the next round trip reads from the start. */
  position: string;
  /** Bumped whenever the local state behind `position` is dropped: an in-flight reply is then stale. */
  epoch: number;
  busy: boolean;
  waiting: Waiter[];
  /** A catch-up queued and not yet sent, which a later catch-up can share. */
  queuedCatchUp?: Promise<void>;
}

type AppendReply = ['instance', string] | ['lost'] | ['ok', string[], [string, string[]][], string];
type ResetReply = ['instance', string] | ['ok', string[]];

interface Scripts {
  standinInit(meta: string, instance: string, seed: string, format: string): Promise<(string | null)[]>;
  standinAppend(meta: string, stream: string, streams: string, ...args: string[]): Promise<AppendReply>;
  standinReset(meta: string, streams: string, instance: string, api: string, namespace: string): Promise<ResetReply>;
}

const MAX_BATCH_COMMANDS = 256;
/** Bodies can be megabytes; a batch stops growing here so one script call stays reasonable. */
const MAX_BATCH_BYTES = 1 << 20;
/** Instance changes / lost tails retried before a request gives up with 503. */
const MAX_RETRIES = 3;

export class RedisLog implements StateLog {
  private readonly redis: Redis & Scripts;
  private readonly where: string;
  private readonly seed: string;
  private readonly pageSize: number;
  private readonly maxStreams: number;
  private readonly streams = new Map<string, Stream>();
  private apply: Apply = () => {
    throw new Error('RedisLog used before open()');
  };
  private instance = '';
  private adopting?: Promise<void>;
  /** Set when Redis came to hold another seed's state: every request answers 503 until restart. */
  private refused?: string;
  private down = false;
  private opened = false;

  constructor(url: string, options: RedisLogOptions) {
    this.where = maskUrl(url);
    this.seed = String(options.seed);
    this.pageSize = options.pageSize ?? 256;
    this.maxStreams = options.maxStreams ?? 20_000;
    const timeout = options.timeoutMs ?? 500;
    this.redis = new Redis(url, {
      lazyConnect: true,
      // Fail fast instead of queueing: a Redis that is down answers 503 now, never a hang.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Never resend a script after a reconnect: it may have run, and appending twice would apply twice.
      autoResendUnfulfilledCommands: false,
      connectTimeout: timeout,
      commandTimeout: timeout,
      // Reconnects on its own once open; a first connect that fails is final (open rejects).
      retryStrategy: (times) => (this.opened ? Math.min(100 * times, 500) : null),
      scripts: {
        standinInit: { lua: INIT_LUA, numberOfKeys: 1 },
        standinAppend: { lua: APPEND_LUA, numberOfKeys: 3 },
        standinReset: { lua: RESET_LUA, numberOfKeys: 2 },
      },
    }) as Redis & Scripts;
    this.redis.on('error', (error: Error) => {
      if (this.down) return;
      this.down = true;
      process.stderr.write(`standin: Redis at ${this.where} unreachable (${error.message}); answering 503 until it is back\n`);
    });
    this.redis.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      process.stderr.write(`standin: Redis at ${this.where} is back\n`);
    });
  }

  // Nothing is replayed here: a replica rebuilds each namespace from its stream on first use, so
  // starting one costs one round trip however much the others have written, and namespaces nobody
  // asks this replica about take no memory in it.
  async open(apply: Apply): Promise<void> {
    this.apply = apply;
    let found: { instance: string; seed: string };
    try {
      await this.redis.connect();
      found = await this.init();
    } catch (error) {
      // A first connect that failed has ended the client already (no retries before open).
      if (this.redis.status !== 'end') this.redis.disconnect();
      throw new StateUnavailable(`cannot reach Redis at ${this.where}: ${(error as Error).message}`);
    }
    this.down = false;
    if (found.seed !== this.seed) {
      await this.close();
      throw new Error(
        `Redis at ${this.where} holds state built with --seed ${found.seed}; this replica has --seed ${this.seed}, so it would build other data. ` +
          `Start it with --seed ${found.seed}, or use another Redis database.`,
      );
    }
    this.instance = found.instance;
    this.opened = true;
  }

  submit(command: Command): Promise<unknown> {
    if (command.kind === 'reset' && (command.api === undefined || command.namespace === undefined)) {
      return this.resetMany(command);
    }
    if (command.kind === 'evict') {
      // Local memory only: another replica keeps the namespace, and this one rebuilds it on next use.
      const result = this.apply(command);
      this.evicted(command.api, command.namespace);
      return Promise.resolve(result);
    }
    const stream = this.stream(command.api as string, command.namespace as string);
    return new Promise((resolve, reject) => {
      stream.waiting.push({ command, json: JSON.stringify(command), resolve, reject });
      this.pump(stream);
    });
  }

  catchUp(api: string, namespace: string): Promise<void> {
    const stream = this.stream(api, namespace);
    // A catch-up not yet sent starts after this call, so it sees every write acknowledged before it.
    if (stream.queuedCatchUp) return stream.queuedCatchUp;
    const done = new Promise<void>((resolve, reject) => {
      stream.waiting.push({ resolve: () => resolve(), reject });
    });
    stream.queuedCatchUp = done;
    this.pump(stream);
    return done;
  }

  evicted(api: string, namespace: string): void {
    const member = streamMember(api, namespace);
    const stream = this.streams.get(member);
    if (stream) this.drop(stream);
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  private stream(api: string, namespace: string): Stream {
    const member = streamMember(api, namespace);
    let stream = this.streams.get(member);
    if (stream) {
      // Re-inserted, so the map iterates least recently used first.
      this.streams.delete(member);
    } else {
      stream = { api, namespace, member, key: streamKey(member), position: '', epoch: 0, busy: false, waiting: [] };
      this.dropIdleStreams();
    }
    this.streams.set(member, stream);
    return stream;
  }

  /** Keeps the positions remembered bounded: an idle stream dropped takes its local state with it, so it is rebuilt exactly. */
  private dropIdleStreams(): void {
    if (this.streams.size < this.maxStreams) return;
    for (const [member, stream] of this.streams) {
      if (stream.busy || stream.waiting.length > 0) continue;
      this.streams.delete(member);
      if (stream.position !== '') this.applyLocally({ kind: 'reset', api: stream.api, namespace: stream.namespace });
      return;
    }
  }

  /** Forgets a stream whose local state is gone: an idle one entirely, a busy one's position. */
  private drop(stream: Stream): void {
    if (!stream.busy && stream.waiting.length === 0) this.streams.delete(stream.member);
    else this.forget(stream);
  }

  /** Drops what this process knows of a stream; its next round trip rebuilds it from the start. */
  private forget(stream: Stream): void {
    stream.position = '';
    stream.epoch++;
  }

  private pump(stream: Stream): void {
    if (stream.busy || stream.waiting.length === 0) return;
    stream.busy = true;
    const batch = takeBatch(stream.waiting);
    if (!stream.waiting.some((w) => w.command === undefined)) stream.queuedCatchUp = undefined;
    void this.roundTrips(stream, batch);
  }

  /** The stream is free again: in the same tick as its waiters are answered, so what they do next goes straight out. */
  private release(stream: Stream): void {
    stream.busy = false;
    if (stream.waiting.length > 0) this.pump(stream);
    else if (stream.position === '' && this.streams.get(stream.member) === stream) this.streams.delete(stream.member);
  }

  /**
   * Sends the batch (appending its commands) and pages on until the end of the stream, applying
   * every entry in order and answering each waiter: a command with apply's result for its entry.
   * Never rejects: a failure answers every waiter of the batch with StateUnavailable.
   */
  private async roundTrips(stream: Stream, batch: Waiter[]): Promise<void> {
    const commands = batch.filter((w) => w.json !== undefined);
    let pending = commands.map((w) => w.json as string);
    const isReset = commands.length === 1 && commands[0].command?.kind === 'reset';
    const own = new Map<string, Waiter>();
    try {
      for (let retries = 0; ;) {
        if (this.refused) throw new StateUnavailable(this.refused);
        const epoch = stream.epoch;
        const reply = await this.redis.standinAppend(
          META_KEY,
          stream.key,
          STREAMS_KEY,
          this.instance,
          stream.position,
          stream.member,
          String(this.pageSize),
          isReset && pending.length > 0 ? '1' : '0',
          ...pending,
        );
        if (reply[0] !== 'ok') {
          if (reply[0] === 'instance') await this.adoptInstance();
          else this.dropLocal(stream);
          // Our commands went into data Redis has since lost: nothing holds them, no answer is known.
          if (own.size > 0) throw new StateUnavailable('Redis lost its data while this request was in flight; retry it');
          if (++retries > MAX_RETRIES) throw new StateUnavailable('Redis keeps losing its data; retry later');
          continue;
        }
        const [, ids, entries, more] = reply;
        ids.forEach((id, i) => own.set(id, commands[i]));
        pending = [];
        // The local state was dropped while this was in flight (eviction, another Redis): start over.
        if (stream.epoch !== epoch) continue;
        this.applyEntries(stream, entries, own);
        if (more !== '1') break;
      }
      // Entries of ours not met were trimmed away by another replica's reset before this one read them.
      for (const waiter of own.values()) waiter.reject(new StateUnavailable('the namespace was reset while this request was in flight; retry it'));
      for (const waiter of batch) if (waiter.command === undefined) waiter.resolve(undefined);
    } catch (error) {
      const unavailable = this.unavailable(error);
      for (const waiter of batch) waiter.reject(unavailable);
    } finally {
      this.release(stream);
    }
  }

  private applyEntries(stream: Stream, entries: [string, string[]][], own: Map<string, Waiter>): void {
    // Applied one after another with no await between: the engine changes state synchronously
    // within each call, so the order of changes is the stream's.
    for (const [id, fields] of entries) {
      stream.position = id;
      const waiter = own.get(id);
      own.delete(id);
      let result: unknown;
      try {
        result = this.apply(parseEntry(fields));
      } catch (error) {
        if (waiter) waiter.reject(error as Error);
        else replayFailed(stream, id, error);
        continue;
      }
      if (waiter) waiter.resolve(result);
      else if (result instanceof Promise) result.catch((error: unknown) => replayFailed(stream, id, error));
    }
  }

  /** Redis no longer has what this stream's local state was built from: drop that state, rebuild from what Redis has. */
  private dropLocal(stream: Stream): void {
    this.applyLocally({ kind: 'reset', api: stream.api, namespace: stream.namespace });
    this.forget(stream);
  }

  /** Redis's instance id is gone or new (restarted empty, FLUSHALL): every bit of local state is from data it no longer has. */
  private adoptInstance(): Promise<void> {
    this.adopting ??= (async () => {
      try {
        const { instance, seed } = await this.init();
        if (seed !== this.seed) {
          this.refused = `Redis at ${this.where} now holds state built with --seed ${seed}, not ${this.seed}; restart this replica with --seed ${seed}`;
          process.stderr.write(`standin: ${this.refused}\n`);
        }
        if (instance === this.instance) return;
        this.instance = instance;
        // Synchronously with the reset, so no reply in flight applies on top of the fresh state.
        this.applyLocally({ kind: 'reset' });
        for (const stream of [...this.streams.values()]) this.drop(stream);
        process.stderr.write(`standin: Redis at ${this.where} lost its data; local state dropped\n`);
      } finally {
        this.adopting = undefined;
      }
    })();
    return this.adopting;
  }

  /** A reset of this process's state only, never logged: what it drops is rebuilt from Redis on next use. */
  private applyLocally(command: Command): void {
    const result = this.apply(command);
    if (result instanceof Promise) result.catch((error: unknown) => process.stderr.write(`standin: dropping local state failed (${(error as Error)?.name})\n`));
  }

  private async init(): Promise<{ instance: string; seed: string }> {
    const [instance, seed] = await this.redis.standinInit(META_KEY, randomBytes(12).toString('hex'), this.seed, FORMAT);
    return { instance: instance ?? '', seed: seed ?? '' };
  }

  private async resetMany(command: Command & { kind: 'reset' }): Promise<unknown> {
    try {
      for (let retries = 0; ; retries++) {
        if (this.refused) throw new StateUnavailable(this.refused);
        const reply = await this.redis.standinReset(META_KEY, STREAMS_KEY, this.instance, command.api ?? '', command.namespace ?? '');
        if (reply[0] === 'ok') break;
        await this.adoptInstance();
        if (retries >= MAX_RETRIES) throw new StateUnavailable('Redis keeps losing its data; retry later');
      }
    } catch (error) {
      throw this.unavailable(error);
    }
    // Every matching stream now starts at its reset marker: drop the local state and positions
    // together, so each is rebuilt from the marker on next use (a reply in flight is then stale).
    const result = this.apply(command);
    for (const stream of this.streams.values()) {
      if ((command.api === undefined || command.api === stream.api) && (command.namespace === undefined || command.namespace === stream.namespace))
        this.drop(stream);
    }
    return result;
  }

  private unavailable(error: unknown): Error {
    if (error instanceof StateUnavailable) return error;
    if (this.refused) return new StateUnavailable(this.refused);
    return new StateUnavailable(`Redis at ${this.where}: ${(error as Error).message}`);
  }
}

/** One round trip's worth from the front of the queue; a reset goes alone, so trimming at it loses no entry of the batch. */
function takeBatch(waiting: Waiter[]): Waiter[] {
  const batch: Waiter[] = [];
  let commands = 0;
  let bytes = 0;
  let hasReset = false;
  while (waiting.length > 0) {
    const next = waiting[0];
    if (next.json !== undefined) {
      const reset = next.command?.kind === 'reset';
      const full = commands >= MAX_BATCH_COMMANDS || bytes + next.json.length > MAX_BATCH_BYTES;
      if (commands > 0 && (reset || hasReset || full)) break;
      commands++;
      bytes += next.json.length;
      hasReset = reset;
    }
    batch.push(waiting.shift() as Waiter);
  }
  return batch;
}

function parseEntry(fields: string[]): Command {
  const at = fields.indexOf('c');
  return JSON.parse(fields[at + 1]) as Command;
}

// Only the entry id and the error's kind: the entry is a request as sent, credentials included.
function replayFailed(stream: Stream, id: string, error: unknown): void {
  process.stderr.write(`standin: applying ${stream.api} entry ${id} of a shared stream failed (${(error as Error)?.name ?? 'error'})\n`);
}

/** The URL without its password, for messages. */
function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.username && !parsed.password) parsed.username = '***';
    return parsed.toString();
  } catch {
    return 'the configured Redis';
  }
}
