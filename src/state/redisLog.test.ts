import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../test/support/redisServer';
import type { Command } from './command';
import { RedisLog } from './redisLog';
import { StateUnavailable } from './stateLog';

// RedisLog against a real redis-server, with a toy state machine in place of the engines: a list of
// unique values per (api, namespace), so "applied exactly once, in stream order" is visible as
// equal lists and exactly one 'created' per value.

interface Toy {
  state: Map<string, string[]>;
  applied: Command[];
  apply(command: Command): unknown;
}

const keyOf = (api: string, namespace: string) => `${api} ${namespace}`;

function toy(): Toy {
  const state = new Map<string, string[]>();
  const applied: Command[] = [];
  return {
    state,
    applied,
    apply(command) {
      applied.push(command);
      if (command.kind === 'request') {
        const key = keyOf(command.api, command.namespace);
        const list = state.get(key) ?? [];
        state.set(key, list);
        const value = Buffer.from(command.request.body ?? '', 'base64').toString();
        if (list.includes(value)) return Promise.resolve({ status: 409 });
        list.push(value);
        // As the engine does: the state changes synchronously, the answer comes as a promise.
        return Promise.resolve({ status: 201, index: list.length - 1 });
      }
      if (command.kind === 'reset' || command.kind === 'evict') {
        for (const key of [...state.keys()]) {
          const [api, namespace] = [key.slice(0, key.indexOf(' ')), key.slice(key.indexOf(' ') + 1)];
          if ((command.api === undefined || command.api === api) && (command.namespace === undefined || command.namespace === namespace)) state.delete(key);
        }
      }
      return undefined;
    },
  };
}

const write = (api: string, namespace: string, value: string, at = 0): Command => ({
  kind: 'request',
  api,
  namespace,
  at,
  request: { method: 'POST', path: '/things', rawQuery: '', headers: {}, body: Buffer.from(value).toString('base64') },
});

describeWithRedis('RedisLog', () => {
  let server: RedisServer;
  let admin: Redis;
  const opened: RedisLog[] = [];

  beforeAll(async () => {
    server = await startRedisServer({ appendOnly: true });
    admin = new Redis(server.url, { retryStrategy: () => 100 });
  });
  afterAll(async () => {
    await admin.quit();
    await server.destroy();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
  });

  async function replica(seed = 1, options: { pageSize?: number; maxStreams?: number } = {}): Promise<{ log: RedisLog; toy: Toy }> {
    const state = toy();
    const log = new RedisLog(server.url, { seed, ...options });
    opened.push(log);
    await log.open((command) => state.apply(command));
    return { log, toy: state };
  }

  it('orders concurrent writes from three replicas once: exactly one creates a value, all build the same state', async () => {
    const replicas = await Promise.all([replica(), replica(), replica()]);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => replicas[i % 3].log.submit(write('toy', 'race', `v${i % 20}`))));
    expect(results.filter((r: any) => r.status === 201)).toHaveLength(20);
    expect(results.filter((r: any) => r.status === 409)).toHaveLength(40);
    await Promise.all(replicas.map((r) => r.log.catchUp('toy', 'race')));
    const lists = replicas.map((r) => r.toy.state.get(keyOf('toy', 'race')));
    expect(lists[0]).toHaveLength(20);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).toEqual(lists[0]);
    // Each entry applied once on each replica.
    for (const r of replicas) expect(r.toy.applied).toHaveLength(60);
  });

  it('batches the writes that arrive during a round trip into the next one', async () => {
    const { log } = await replica();
    const calls = jest.spyOn((log as any).redis, 'standinAppend');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => log.submit(write('toy', 'batch', `v${i}`))));
    expect(results.every((r: any) => r.status === 201)).toBe(true);
    expect((results as any[]).map((r) => r.index)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(calls.mock.calls.length).toBeLessThan(10);
  });

  it('a read on another replica sees every acknowledged write (one round trip per catch-up)', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    const calls = jest.spyOn((b.log as any).redis, 'standinAppend');
    for (let i = 0; i < 20; i++) {
      await a.log.submit(write('toy', 'ryw', `v${i}`));
      await b.log.catchUp('toy', 'ryw');
      expect(b.toy.state.get(keyOf('toy', 'ryw'))).toHaveLength(i + 1);
    }
    expect(calls).toHaveBeenCalledTimes(20);
  });

  it('reads through pages when a replica is far behind', async () => {
    const a = await replica();
    for (let i = 0; i < 25; i++) await a.log.submit(write('toy', 'pages', `v${i}`));
    const b = await replica(1, { pageSize: 4 });
    const result = await b.log.submit(write('toy', 'pages', 'last'));
    expect(result).toEqual({ status: 201, index: 25 });
    expect(b.toy.state.get(keyOf('toy', 'pages'))).toEqual(a.toy.state.get(keyOf('toy', 'pages'))!.concat('last'));
  });

  it('pages by bytes as well as by count, so a namespace of large bodies is rebuilt in replies it can take', async () => {
    const a = await replica();
    // Six commands of 1.5 MiB each: one page of them by count, but 9 MiB, past the 4 MiB a page holds.
    const big = (i: number) => `${i}`.padEnd(1.5 * 1024 * 1024, 'x');
    for (let i = 0; i < 6; i++) await a.log.submit(write('toy', 'large', big(i)));
    const b = await replica();
    const redis = (b.log as any).redis;
    const replies: number[] = [];
    const append = redis.standinAppend.bind(redis);
    redis.standinAppend = async (...args: unknown[]) => {
      const reply = await append(...args);
      if (reply[0] === 'ok') replies.push(reply[2].length);
      return reply;
    };
    await b.log.catchUp('toy', 'large');
    expect(b.toy.state.get(keyOf('toy', 'large'))).toEqual(a.toy.state.get(keyOf('toy', 'large')));
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...replies)).toBeLessThanOrEqual(3);
  });

  it('a reset of one namespace is ordered like a write, trims the stream, and every replica drops the state', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await a.log.submit(write('toy', 'one', 'x'));
    await a.log.submit(write('toy', 'one', 'y'));
    await b.log.catchUp('toy', 'one');
    await a.log.submit({ kind: 'reset', api: 'toy', namespace: 'one' });
    await a.log.submit(write('toy', 'one', 'z'));
    expect(await admin.xlen('standin:log:{toy:one}')).toBe(2);
    await b.log.catchUp('toy', 'one');
    expect(b.toy.state.get(keyOf('toy', 'one'))).toEqual(['z']);
    // A replica that never saw the namespace rebuilds it from the reset on.
    const c = await replica();
    await c.log.catchUp('toy', 'one');
    expect(c.toy.state.get(keyOf('toy', 'one'))).toEqual(['z']);
    expect(c.toy.applied.map((cmd) => cmd.kind)).toEqual(['reset', 'request']);
  });

  it('a reset across streams (a namespace in every API, an API, everything) reaches every replica', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    for (const [api, ns] of [
      ['p', 'n1'],
      ['q', 'n1'],
      ['p', 'n2'],
      ['q', 'n:2'],
    ]) {
      await a.log.submit(write(api, ns, 'v'));
      await b.log.catchUp(api, ns);
    }
    await a.log.submit({ kind: 'reset', namespace: 'n1' });
    await Promise.all(['p n1', 'q n1', 'p n2', 'q n:2'].map((k) => b.log.catchUp(k.split(' ')[0], k.split(' ')[1])));
    for (const r of [a, b]) expect([...r.toy.state.keys()].sort()).toEqual(['p n2', 'q n:2']);
    await b.log.submit({ kind: 'reset', api: 'q' });
    await a.log.catchUp('q', 'n:2');
    for (const r of [a, b]) expect([...r.toy.state.keys()]).toEqual(['p n2']);
    await a.log.submit({ kind: 'reset' });
    await b.log.catchUp('p', 'n2');
    for (const r of [a, b]) expect(r.toy.state.size).toBe(0);
  });

  it('after an eviction the namespace is rebuilt from the stream, exactly, even with a round trip in flight', async () => {
    const a = await replica();
    await a.log.submit(write('toy', 'ev', 'x'));
    // The engine dropped the state; the log forgets its position.
    a.toy.state.delete(keyOf('toy', 'ev'));
    a.log.evicted('toy', 'ev');
    await a.log.catchUp('toy', 'ev');
    expect(a.toy.state.get(keyOf('toy', 'ev'))).toEqual(['x']);
    // Evicted while a write is on its way: the reply is from before the drop, so it pages from the start.
    const redis = (a.log as any).redis;
    const send = redis.standinAppend.bind(redis);
    jest.spyOn(redis, 'standinAppend').mockImplementationOnce((...args: unknown[]) => {
      const sent = send(...args);
      a.toy.state.delete(keyOf('toy', 'ev'));
      a.log.evicted('toy', 'ev');
      return sent;
    });
    expect(await a.log.submit(write('toy', 'ev', 'y'))).toEqual({ status: 201, index: 1 });
    expect(a.toy.state.get(keyOf('toy', 'ev'))).toEqual(['x', 'y']);
  });

  it('remembers a bounded number of streams, dropping the idle one with its local state', async () => {
    const a = await replica(1, { maxStreams: 2 });
    for (const ns of ['s1', 's2', 's3']) await a.log.submit(write('toy', ns, ns));
    expect((a.log as any).streams.size).toBe(2);
    expect(a.toy.state.has(keyOf('toy', 's1'))).toBe(false);
    await a.log.catchUp('toy', 's1');
    expect(a.toy.state.get(keyOf('toy', 's1'))).toEqual(['s1']);
  });

  it('a Redis emptied under the replicas (FLUSHALL) makes each drop all its local state', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await a.log.submit(write('toy', 'f1', 'x'));
    await a.log.submit(write('other', 'f2', 'y'));
    await b.log.catchUp('toy', 'f1');
    await admin.flushall();
    await b.log.catchUp('toy', 'f1');
    expect(b.toy.state.size).toBe(0);
    expect(await a.log.submit(write('other', 'f2', 'y'))).toEqual({ status: 201, index: 0 });
    expect([...a.toy.state.entries()]).toEqual([['other f2', ['y']]]);
    // Both adopted the one new instance id.
    expect((a.log as any).instance).toBe((b.log as any).instance);
  });

  it('an entry Redis lost under a replica (a lost tail) makes it rebuild that namespace from what Redis has', async () => {
    const a = await replica();
    await a.log.submit(write('toy', 'tail', 'x'));
    const { index } = (await a.log.submit(write('toy', 'tail', 'y'))) as any;
    expect(index).toBe(1);
    const [[lastId]] = (await admin.xrevrange('standin:log:{toy:tail}', '+', '-', 'COUNT', 1)) as [string, string[]][];
    await admin.xdel('standin:log:{toy:tail}', lastId);
    await a.log.catchUp('toy', 'tail');
    expect(a.toy.state.get(keyOf('toy', 'tail'))).toEqual(['x']);
    await admin.del('standin:log:{toy:tail}');
    await a.log.catchUp('toy', 'tail');
    expect(a.toy.state.has(keyOf('toy', 'tail'))).toBe(false);
  });

  it('refuses a replica started with another seed than the one Redis holds', async () => {
    await replica(1);
    const other = new RedisLog(server.url, { seed: 2 });
    await expect(other.open(() => undefined)).rejects.toThrow(/holds state built with --seed 1; this replica has --seed 2/);
  });

  it('answers StateUnavailable fast when Redis is down, and is correct again when it returns', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await a.log.submit(write('toy', 'down', 'x'));
    await server.stop();
    const started = Date.now();
    await expect(a.log.submit(write('toy', 'down', 'y'))).rejects.toBeInstanceOf(StateUnavailable);
    await expect(b.log.catchUp('toy', 'down')).rejects.toBeInstanceOf(StateUnavailable);
    expect(Date.now() - started).toBeLessThan(1000);
    await server.start();
    const result = await retry(() => b.log.submit(write('toy', 'down', 'y')));
    expect(result).toEqual({ status: 201, index: 1 });
    await a.log.catchUp('toy', 'down');
    expect(a.toy.state.get(keyOf('toy', 'down'))).toEqual(['x', 'y']);
  });

  it('answers StateUnavailable within the timeout when Redis hangs; a write it timed out is applied once if Redis kept it', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await a.log.submit(write('toy', 'hung', 'x'));
    server.pause();
    const started = Date.now();
    try {
      await expect(a.log.submit(write('toy', 'hung', 'y'))).rejects.toBeInstanceOf(StateUnavailable);
      await expect(b.log.catchUp('toy', 'hung')).rejects.toBeInstanceOf(StateUnavailable);
    } finally {
      server.resume();
    }
    expect(Date.now() - started).toBeLessThan(1500);
    // Redis ran the write once it woke: answered 503, yet stored, so both replicas apply it, once.
    await retry(() => a.log.catchUp('toy', 'hung'));
    await retry(() => b.log.catchUp('toy', 'hung'));
    expect(a.toy.state.get(keyOf('toy', 'hung'))).toEqual(['x', 'y']);
    expect(b.toy.state.get(keyOf('toy', 'hung'))).toEqual(['x', 'y']);
  });

  it('cannot open without Redis, says so quickly, and never prints the password', async () => {
    const log = new RedisLog('redis://:hunter2@127.0.0.1:1', { seed: 1 });
    const started = Date.now();
    const error = await log
      .open(() => undefined)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error).toBeInstanceOf(StateUnavailable);
    expect(error?.message).toMatch(/cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    expect(error?.message).not.toContain('hunter2');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

/** Until the client has reconnected (it retries on its own every few hundred ms). */
async function retry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StateUnavailable) || i > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
