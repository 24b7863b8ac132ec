import { createHmac } from 'node:crypto';
import { createServer, type StandinServer } from '../src/server';
import { send as sendTo } from './support/dataClient';
import { describeWithRedis, type RedisServer, startRedisServer } from './support/redisServer';

// Three replicas on one Redis (--state redis://): each vendor invariant holds across them with no
// lock, because every replica applies the same commands in Redis's order; a write answered by one
// is seen by a read on any other; their states are equal.

const DROPLIT_ECOSYSTEM = 'C599343aecca8fba8297a3195';
const ALTR_CAP = 1_048_576;
const ALTR_SEEDED_BYTES = 16;

/** The shared test client, with the namespace and headers as positional arguments. */
const send = (base: string, method: string, path: string, namespace: string, headers: Record<string, string> = {}, body?: unknown) =>
  sendTo(base, method, path, { namespace, headers, body });

const createEnvironment = (base: string, namespace: string, alias: string) =>
  send(base, 'POST', '/droplit/v0/api/environments/', namespace, { authorization: 'droplit-demo-account' }, { ecosystemId: DROPLIT_ECOSYSTEM, alias });

function altrHeaders(method: 'GET' | 'POST', resource: string, key: string, secret: string): Record<string, string> {
  const date = new Date().toISOString();
  const signature = createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
  return { authorization: `ALTR ${key}:${signature}`, 'x-altr-date': date };
}

const putData = (base: string, namespace: string, bytes: Buffer) =>
  send(
    base,
    'POST',
    '/altr/api/v1/single/',
    namespace,
    { ...altrHeaders('POST', '', 'ALTR-demo-rw', 'demo-rw-secret'), 'content-type': 'application/octet-stream' },
    bytes,
  );

const getData = (base: string, namespace: string, token: string) =>
  send(base, 'GET', `/altr/api/v1/single/${token}`, namespace, altrHeaders('GET', token, 'ALTR-demo-ro', 'demo-ro-secret'));

async function stateOf(base: string, api: string, namespace: string): Promise<unknown> {
  const res = await send(base, 'GET', `/__admin/state/${api}?namespace=${encodeURIComponent(namespace)}`, namespace);
  expect(res.status).toBe(200);
  return res.json().state;
}

describeWithRedis('three replicas on one Redis', () => {
  let redis: RedisServer;
  let replicas: StandinServer[];
  let bases: string[];

  beforeAll(async () => {
    redis = await startRedisServer();
    replicas = [0, 1, 2].map(() => createServer({ state: redis.url }));
    await Promise.all(replicas.map((r) => r.listen(0)));
    bases = replicas.map((r) => r.url());
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((r) => r.close()));
    await redis?.destroy();
  });

  it('100 concurrent creates of one Droplit alias over the three: exactly one 201, 99 Alias Exists', async () => {
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => createEnvironment(bases[i % 3], 'alias-race', 'kitchen')));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = replies.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(99);
    for (const r of refused) {
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({ errorType: 'InvalidBody', errors: [{ in: 'body', path: 'alias', message: 'Alias Exists' }] });
    }
    // Every replica lists the one environment.
    for (const base of bases) {
      const list = await send(base, 'GET', `/droplit/api/environments?ecosystemId=${DROPLIT_ECOSYSTEM}`, 'alias-race', { authorization: 'droplit-demo-user' });
      expect(list.json().items.filter((e: any) => e.alias === 'kitchen')).toHaveLength(1);
    }
  });

  it('100 concurrent saves of version 4 of one ncanode signature over the three: exactly one succeeds', async () => {
    const body = (i: number) => ({ document: 'doc_12', thread: 'ticket_42', version: 3, cms: `MIIBsigned${i}==` });
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => send(bases[i % 3], 'POST', '/signatures/signature', 'versions', {}, body(i))));
    const saved = replies.filter((r) => r.status === 201);
    expect(saved).toHaveLength(1);
    for (const r of replies.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({ status: false, message: 'Version provided is not equal to actual signature version' });
    }
    const winner = saved[0].json().content.signature.cms;
    for (const base of bases) {
      const current = (await send(base, 'GET', '/signatures/signature?document=doc_12&thread=ticket_42', 'versions')).json().content.signature;
      expect([current.version, current.cms]).toEqual([4, winner]);
    }
  });

  it('concurrent ALTR PutData past the data cap over the three: the stored total never passes it, and all agree', async () => {
    const size = 20_000;
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => putData(bases[i % 3], 'cap', Buffer.alloc(size, i))));
    const accepted = replies.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(Math.floor((ALTR_CAP - ALTR_SEEDED_BYTES) / size));
    for (const r of replies.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(400);
      expect(r.json()).toEqual({ success: false, response: { error_type: 'bad_request', error_message: 'Organization data cap exceeded' } });
    }
    const states = await Promise.all(bases.map((base) => stateOf(base, 'altr', 'cap')));
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);
    const used = JSON.stringify(states[0]).match(/"usedBytes":(\d+)/);
    expect(Number(used?.[1])).toBe(ALTR_SEEDED_BYTES + accepted.length * size);
    // The bytes each accepted write stored read back from every replica.
    const token = accepted[0].json().response.data.referenceToken;
    for (const base of bases) expect((await getData(base, 'cap', token)).body.length).toBe(size);
  });

  it('reads your writes: a write answered by one replica is seen at once by the other two', async () => {
    for (let i = 0; i < 30; i++) {
      const created = await createEnvironment(bases[i % 3], 'ryw', `room_${i}`);
      expect(created.status).toBe(201);
      const { id } = created.json();
      for (const other of [1, 2]) {
        const info = await send(bases[(i + other) % 3], 'GET', `/droplit/api/environments/${id}`, 'ryw', { authorization: 'droplit-demo-user' });
        expect(info.status).toBe(200);
        expect(info.json()).toMatchObject({ id, alias: `room_${i}` });
      }
    }
  });

  it('a reset on one replica is seen by all', async () => {
    expect((await createEnvironment(bases[0], 'reset', 'hall')).status).toBe(201);
    expect((await createEnvironment(bases[1], 'reset', 'hall')).status).toBe(400);
    const reset = await send(bases[2], 'POST', '/__admin/reset', 'reset', {}, { namespace: 'reset' });
    expect(reset.status).toBe(200);
    // The alias is free again everywhere: the first create after the reset wins, wherever it lands.
    expect((await createEnvironment(bases[1], 'reset', 'hall')).status).toBe(201);
    expect((await createEnvironment(bases[0], 'reset', 'hall')).status).toBe(400);
    // A reset of every namespace too.
    expect((await send(bases[0], 'POST', '/__admin/reset', 'reset', {}, { all: true })).status).toBe(200);
    expect((await createEnvironment(bases[2], 'alias-race', 'kitchen')).status).toBe(201);
  });

  it('ends with the three holding equal state in every API and namespace', async () => {
    const namespaces = ['alias-race', 'versions', 'cap', 'ryw', 'reset'];
    for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit']) {
      for (const namespace of namespaces) {
        const [a, b, c] = await Promise.all(bases.map((base) => stateOf(base, api, namespace)));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }
    }
  });
});
