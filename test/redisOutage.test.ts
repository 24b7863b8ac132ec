import { createHmac } from 'node:crypto';
import { createServer, type StandinServer } from '../src/server';
import { type Reply, send as sendTo } from './support/dataClient';
import { describeWithRedis, type RedisServer, startRedisServer } from './support/redisServer';

// Redis goes away under two replicas: every request answers 503 in its vendor's envelope within a
// second (never a hang, never an answer from state that may be stale); Redis back with its data
// (append-only file) → answers are right again; Redis back EMPTY → the replicas drop their state.

const ECOSYSTEM = 'C599343aecca8fba8297a3195';
const MAX_OUTAGE_ANSWER_MS = 1000;

/** The shared test client, with the namespace and headers as positional arguments. */
const send = (base: string, method: string, path: string, namespace: string, headers: Record<string, string> = {}, body?: unknown) =>
  sendTo(base, method, path, { namespace, headers, body, timeoutMs: 10_000 });

function altr(method: 'GET' | 'POST', resource: string): Record<string, string> {
  const [key, secret] = method === 'POST' ? ['ALTR-demo-rw', 'demo-rw-secret'] : ['ALTR-demo-ro', 'demo-ro-secret'];
  const date = new Date().toISOString();
  const signature = createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
  return { authorization: `ALTR ${key}:${signature}`, 'x-altr-date': date };
}

const createEnvironment = (base: string, namespace: string, alias: string) =>
  send(base, 'POST', '/droplit/v0/api/environments/', namespace, { authorization: 'droplit-demo-account' }, { ecosystemId: ECOSYSTEM, alias });
const listAliases = async (base: string, namespace: string): Promise<string[]> => {
  const res = await send(base, 'GET', `/droplit/api/environments?ecosystemId=${ECOSYSTEM}`, namespace, { authorization: 'droplit-demo-user' });
  expect(res.status).toBe(200);
  return res.json().items.map((e: any) => e.alias);
};
const currentVersion = async (base: string, namespace: string): Promise<number> =>
  (await send(base, 'GET', '/signatures/signature?document=doc_12&thread=ticket_42', namespace)).json().content.signature.version;

/** A write and a read per API, each with what its vendor's 503 looks like. */
const CALLS: { api: string; call: (base: string, ns: string) => Promise<Reply>; envelope: (body: any) => void }[] = [
  ...(['POST', 'GET'] as const).map((method) => ({
    api: `ignisign ${method}`,
    call: (base: string, ns: string) =>
      method === 'POST'
        ? send(
            base,
            'POST',
            '/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules',
            ns,
            { authorization: 'Bearer skv2_development_demo_devsecret' },
            { hashSha256_b64: 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=' },
          )
        : send(base, 'GET', '/ignisign/v4/applications/appId_demo/context', ns, { authorization: 'Bearer skv2_development_demo_devsecret' }),
    envelope: (body: any) => expect(body).toMatchObject({ status: 503, code: 'INTERNAL_ERROR', message: expect.any(String), timestamp: expect.any(String) }),
  })),
  ...(['POST', 'GET'] as const).map((method) => ({
    api: `altr ${method}`,
    call: (base: string, ns: string) =>
      method === 'POST'
        ? send(base, 'POST', '/altr/api/v1/single/', ns, { ...altr('POST', ''), 'content-type': 'application/octet-stream' }, Buffer.from('bytes'))
        : send(base, 'GET', '/altr/api/v1/single/9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70', ns, altr('GET', '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70')),
    envelope: (body: any) => expect(body).toEqual({ success: false, response: { error_type: 'service_unavailable', error_message: expect.any(String) } }),
  })),
  ...(['POST', 'GET'] as const).map((method) => ({
    api: `signatures ${method}`,
    call: (base: string, ns: string) =>
      method === 'POST'
        ? send(base, 'POST', '/signatures/signature', ns, {}, { document: 'doc_9', thread: 't', cms: 'MIIB==' })
        : send(base, 'GET', '/signatures/signature?document=doc_12&thread=ticket_42', ns),
    envelope: (body: any) => expect(body).toEqual({ status: false, message: expect.any(String) }),
  })),
  ...(['PATCH', 'GET'] as const).map((method) => ({
    api: `losant ${method}`,
    call: (base: string, ns: string) =>
      send(
        base,
        method,
        '/losant/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96',
        ns,
        { authorization: 'Bearer losant-demo-all' },
        method === 'PATCH' ? { description: 'x' } : undefined,
      ),
    envelope: (body: any) => expect(body).toEqual({ type: 'ServiceUnavailable', message: expect.any(String) }),
  })),
  ...(['POST', 'GET'] as const).map((method) => ({
    api: `droplit ${method}`,
    call: (base: string, ns: string) =>
      method === 'POST'
        ? createEnvironment(base, ns, 'during')
        : send(base, 'GET', `/droplit/api/environments?ecosystemId=${ECOSYSTEM}`, ns, { authorization: 'droplit-demo-user' }),
    envelope: (body: any) => expect(body).toEqual({ errorType: 'ServiceUnavailable', errors: [{ path: '', message: expect.any(String) }] }),
  })),
];

/** Until Redis answers again: the client reconnects on its own within half a second. */
async function untilServed<T extends Reply>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const reply = await attempt();
    if (reply.status !== 503 || i > 100) return reply;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithRedis('replicas through a Redis outage', () => {
  let redis: RedisServer;
  let replicas: StandinServer[];
  let bases: string[];

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: true });
    replicas = [0, 1].map(() => createServer({ state: redis.url }));
    await Promise.all(replicas.map((r) => r.listen(0)));
    bases = replicas.map((r) => r.url());
  });
  afterAll(async () => {
    await Promise.all((replicas ?? []).map((r) => r.close()));
    await redis?.destroy();
  });

  it('answers 503 in each vendor envelope within a second while Redis is down, then right answers once it is back', async () => {
    expect((await createEnvironment(bases[0], 'outage', 'before')).status).toBe(201);
    expect(await listAliases(bases[1], 'outage')).toContain('before');

    // Writes in flight when Redis stops: each is answered (no hang), and each 201 must survive.
    const load = Array.from({ length: 60 }, (_, i) => createEnvironment(bases[i % 2], 'outage', `load_${i}`));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await redis.stop();
    const loaded = await Promise.all(load);
    for (const r of loaded) expect([201, 503]).toContain(r.status);

    for (const { api, call, envelope } of CALLS) {
      for (const base of bases) {
        const started = Date.now();
        const reply = await call(base, 'outage');
        const took = Date.now() - started;
        expect({ api, status: reply.status, fast: took < MAX_OUTAGE_ANSWER_MS }).toEqual({ api, status: 503, fast: true });
        expect(reply.headers.get('retry-after')).toBe('1');
        expect(reply.headers.get('x-standin-error')).toBeTruthy();
        envelope(reply.json());
      }
    }

    await redis.start();
    const created = await untilServed(() => createEnvironment(bases[1], 'outage', 'after'));
    expect(created.status).toBe(201);
    for (const base of bases) {
      const aliases = await listAliases(base, 'outage');
      expect(aliases).toEqual(expect.arrayContaining(['before', 'after']));
      for (const [i, r] of loaded.entries()) if (r.status === 201) expect(aliases).toContain(`load_${i}`);
      // The invariant still holds across the outage: the alias taken before it is taken on both.
      expect((await createEnvironment(base, 'outage', 'before')).status).toBe(400);
    }
    const [a, b] = await Promise.all(bases.map((base) => send(base, 'GET', '/__admin/state/droplit?namespace=outage', 'outage')));
    expect(b.json()).toEqual(a.json());
  });

  it('Redis back empty: the replicas drop their local state and answer from the fresh namespace', async () => {
    expect((await createEnvironment(bases[0], 'emptied', 'ghost')).status).toBe(201);
    const saved = await send(
      bases[0],
      'POST',
      '/signatures/signature',
      'emptied',
      {},
      { document: 'doc_12', thread: 'ticket_42', version: 3, cms: 'MIIBv4==' },
    );
    expect(saved.status).toBe(201);
    for (const base of bases) {
      expect(await listAliases(base, 'emptied')).toContain('ghost');
      expect(await currentVersion(base, 'emptied')).toBe(4);
    }

    await redis.stop();
    await redis.start({ empty: true });

    for (const base of bases) {
      const list = await untilServed(() =>
        send(base, 'GET', `/droplit/api/environments?ecosystemId=${ECOSYSTEM}`, 'emptied', { authorization: 'droplit-demo-user' }),
      );
      expect(list.status).toBe(200);
      expect(list.json().items.map((e: any) => e.alias)).toEqual(['living_room']);
      expect(await currentVersion(base, 'emptied')).toBe(3);
    }
    // No stale "Alias Exists": the alias is free again, once, across both.
    const again = await Promise.all(bases.map((base) => createEnvironment(base, 'emptied', 'ghost')));
    expect(again.map((r) => r.status).sort()).toEqual([201, 400]);
    // Other namespaces are gone too: the whole Redis was lost.
    expect(await listAliases(bases[1], 'outage')).toEqual(['living_room']);
  });
});
