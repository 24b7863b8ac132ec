import request from 'supertest';
import { SEEDED_TOKEN, signedHeaders } from '../src/apis/altr/testing/altrTestSupport';
import type { Config } from '../src/config';
import { createApp, type StandinApp } from '../src/server';
import type { Command } from '../src/state/command';
import { MemoryLog } from '../src/state/testing/memoryLog';

// The seam between the app and a state log, proved with an in-memory log: every state change of
// every API goes through submit, as plain data that rebuilds the same state when replayed into a
// fresh app; reads never do; a delay fault cannot reorder the log; a log that fails gives 503.

const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';
const ECO = 'C599343aecca8fba8297a3195';
const DROPLIT_SEEDED = 'E59e347bcaa0961c9631d6da1';
const LOSANT_APP = '575ec8687ae143cd83dc4a97';
const LOSANT_CERT = '575ec76c7ae143cd83dc4a96';
const APIS = ['ignisign', 'altr', 'signatures', 'losant', 'droplit'] as const;

type App = StandinApp['app'];

/** One write per API, each in the vendor's own auth scheme. */
const writes = {
  ignisign: (app: App, ns: string) =>
    request(app)
      .post('/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules')
      .set('x-standin-namespace', ns)
      .set('authorization', 'Bearer skv2_development_demo_devsecret')
      .send({ hashSha256_b64: HASH }),
  altr: (app: App, ns: string) =>
    request(app)
      .post('/altr/api/v1/single/')
      .set('x-standin-namespace', ns)
      .set(signedHeaders('POST', '', new Date().toISOString()))
      .set('content-type', 'application/octet-stream')
      .send(Buffer.from([0, 1, 2, 255, 254])),
  signatures: (app: App, ns: string) =>
    request(app).post('/signatures/signature').set('x-standin-namespace', ns).send({ document: 'doc_seam', thread: 'ticket_seam', cms: 'MIIseam' }),
  losant: (app: App, ns: string) =>
    request(app)
      .patch(`/losant/applications/${LOSANT_APP}/certificates/${LOSANT_CERT}`)
      .set('x-standin-namespace', ns)
      .set('authorization', 'Bearer losant-demo-all')
      .send({ description: `changed in ${ns}` }),
  droplit: (app: App, ns: string, alias = `seam_${ns.replace(/\W/g, '_')}`) =>
    request(app)
      .post('/droplit/v0/api/environments/')
      .set('x-standin-namespace', ns)
      .set('authorization', 'droplit-demo-account')
      .send({ ecosystemId: ECO, alias }),
};

const reads = {
  ignisign: (app: App, ns: string) =>
    request(app)
      .get('/ignisign/v4/applications/appId_demo/context')
      .set('x-standin-namespace', ns)
      .set('authorization', 'Bearer skv2_development_demo_devsecret'),
  altr: (app: App, ns: string) =>
    request(app)
      .get(`/altr/api/v1/single/${SEEDED_TOKEN}`)
      .set('x-standin-namespace', ns)
      .set(signedHeaders('GET', SEEDED_TOKEN, new Date().toISOString())),
  signatures: (app: App, ns: string) => request(app).get('/signatures/signatures').set('x-standin-namespace', ns),
  losant: (app: App, ns: string) =>
    request(app).get(`/losant/applications/${LOSANT_APP}/certificates`).set('x-standin-namespace', ns).set('authorization', 'Bearer losant-demo-all'),
  droplit: (app: App, ns: string) =>
    request(app).get(`/droplit/v0/api/environments/${DROPLIT_SEEDED}`).set('x-standin-namespace', ns).set('authorization', 'droplit-demo-account'),
};

/** Every API's state in every namespace either app keeps, through /__admin/state. */
async function dumps(apps: StandinApp[]): Promise<Record<string, unknown>[]> {
  const names = new Set<string>();
  for (const standin of apps) for (const api of APIS) for (const ns of standin.engines.get(api)!.namespaces()) names.add(ns);
  return Promise.all(
    apps.map(async (standin) => {
      const out: Record<string, unknown> = {};
      for (const api of APIS) {
        for (const ns of [...names].sort()) {
          const res = await request(standin.app).get(`/__admin/state/${api}`).query({ namespace: ns });
          expect(res.status).toBe(200);
          out[`${api} ${ns}`] = res.body.state;
        }
      }
      return out;
    }),
  );
}

async function replayed(commands: readonly Command[], config: Partial<Config> = {}): Promise<StandinApp> {
  const standin = createApp(config, { log: new MemoryLog(commands) });
  await standin.ready();
  return standin;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the state seam', () => {
  it('every state change of all five APIs, resets and seeds go through submit, and replaying them rebuilds identical state', async () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    await live.ready();
    for (const api of APIS) expect((await writes[api](live.app, 'seam-a')).status).toBeLessThan(300);
    expect((await writes.droplit(live.app, 'seam-b')).status).toBe(201);
    expect((await request(live.app).post('/__admin/reset').send({ namespace: 'seam-b' })).status).toBe(200);
    expect((await request(live.app).post('/__admin/reset').send({ namespace: 'seam-a', api: 'losant' })).status).toBe(200);
    expect((await request(live.app).post('/__admin/seed').send({ api: 'signatures', namespace: 'seam-a', count: 5 })).status).toBe(200);
    // After the seed, so the replay must draw the faker in the same order to give the same id.
    expect((await writes.droplit(live.app, 'seam-a', 'after_seed')).status).toBe(201);
    expect((await writes.droplit(live.app, 'seam-b', 'after_reset')).status).toBe(201);
    expect(log.commands.map((c) => c.kind)).toEqual([...APIS.map(() => 'request'), 'request', 'reset', 'reset', 'seed', 'request', 'request']);
    expect(log.requests().map((c) => c.api)).toEqual([...APIS, 'droplit', 'droplit', 'droplit']);
    expect(log.commands[APIS.length + 3]).toEqual({ kind: 'seed', api: 'signatures', namespace: 'seam-a', count: 5 });

    // Later real time: a replay that read the clock instead of the command's `at` would differ.
    await pause(30);
    const copy = await replayed(log.commands);
    const [before, after] = await dumps([live, copy]);
    expect(Object.keys(before)).toHaveLength(APIS.length * 2);
    expect(after).toEqual(before);
    expect(JSON.stringify(before['losant seam-a'])).not.toContain('changed in seam-a');
    expect(JSON.stringify(before['droplit seam-b'])).toContain('after_reset');
    expect(JSON.stringify(before['droplit seam-b'])).not.toContain('seam_seam_b');
  });

  it('reads never submit, and each catches up first', async () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    for (const api of APIS) expect((await reads[api](live.app, 'reads')).status).toBe(200);
    expect((await request(live.app).head('/signatures/signatures').set('x-standin-namespace', 'reads')).status).toBe(200);
    expect(log.commands).toEqual([]);
    expect(log.catchUps).toBe(APIS.length + 1);
  });

  it('refusals that change nothing never become commands', async () => {
    const log = new MemoryLog();
    const live = createApp({ bodyLimit: 10 }, { log });
    expect((await request(live.app).post('/droplit/v0/api/environments/').set('x-standin-namespace', 'a b').send({})).status).toBe(400);
    expect((await writes.droplit(live.app, 'big')).status).toBe(413);
    expect((await request(live.app).post('/droplit/nowhere').send('{}')).status).toBe(404);
    expect(log.commands).toEqual([]);
  });

  it('a delay fault waits before the command is ordered, so it cannot reorder the log', async () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    const fault = { api: 'droplit', operationId: 'createEnvironment', namespace: 'race', delayMs: 150 };
    expect((await request(live.app).post('/__admin/faults').send(fault)).status).toBe(201);
    const delayed = writes.droplit(live.app, 'race', 'contested').then((r) => r);
    await pause(30);
    const prompt = await writes.droplit(live.app, 'race', 'contested');
    expect(prompt.status).toBe(201);
    expect((await delayed).status).toBe(400);
    const copy = await replayed(log.commands);
    const [before, after] = await dumps([live, copy]);
    expect(after).toEqual(before);
    const { ecosystems } = before['droplit race'] as { ecosystems: { environments: { id: string; alias: string }[] }[] };
    const winner = ecosystems.flatMap((e) => e.environments).filter((e) => e.alias === 'contested');
    expect(winner.map((e) => e.id)).toEqual([prompt.body.id]);
  });

  it("a request waits for the log's replay, however early it comes", async () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    const created = await writes.droplit(live.app, 'early');
    const copy = createApp({}, { log: new MemoryLog(log.commands) });
    const res = await request(copy.app)
      .get(`/droplit/v0/api/environments/${created.body.id}`)
      .set('x-standin-namespace', 'early')
      .set('authorization', 'droplit-demo-account');
    expect(res.status).toBe(200);
  });

  it('an eviction is recorded, and a replay keeps every namespace the live run kept even when the record follows its cause', async () => {
    const log = new MemoryLog([], { recordBeforeApply: true });
    const live = createApp({ maxNamespaces: 2 }, { log });
    await writes.droplit(live.app, 'ev-a');
    await writes.droplit(live.app, 'ev-b');
    expect((await reads.droplit(live.app, 'ev-a')).status).toBe(200); // ev-a is now the most recent: ev-b goes next
    await writes.droplit(live.app, 'ev-c');
    expect(log.commands.filter((c) => c.kind === 'evict')).toEqual([{ kind: 'evict', api: 'droplit', namespace: 'ev-b' }]);
    const copy = await replayed(log.commands, { maxNamespaces: 2 });
    expect(copy.engines.get('droplit')!.namespaces().sort()).toEqual(['ev-a', 'ev-c']);
    const [before, after] = await dumps([live, copy]);
    expect(after).toEqual(before);
  });

  it('/__admin/state catches up before it dumps', async () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    await request(live.app).get('/__admin/state/droplit').query({ namespace: 'dumped' });
    expect(log.catchUps).toBe(1);
  });

  describe('a log that cannot be reached', () => {
    const log = new MemoryLog();
    const live = createApp({}, { log });
    beforeAll(async () => {
      await live.ready();
      log.failing = true;
    });

    const envelopes: Record<(typeof APIS)[number], object> = {
      ignisign: { status: 503, code: 'INTERNAL_ERROR' },
      altr: { success: false, response: { error_type: 'service_unavailable' } },
      signatures: { status: false },
      losant: { type: 'ServiceUnavailable' },
      droplit: { errorType: 'ServiceUnavailable', errors: [{ path: '' }] },
    };

    it.each(APIS)('%s answers writes and reads 503 in its own envelope, marked, with Retry-After', async (api) => {
      for (const res of [await writes[api](live.app, 'down'), await reads[api](live.app, 'down')]) {
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject(envelopes[api]);
        expect(JSON.stringify(res.body)).toMatch(/cannot reach its state log \(the test log is failing\)/);
        expect(res.headers['x-standin-error']).toBe('StateUnavailable');
        expect(res.headers['retry-after']).toBe('1');
      }
    });

    it('admin resets and seeds answer 503 in standin’s envelope', async () => {
      for (const res of [
        await request(live.app).post('/__admin/reset').send({ all: true }),
        await request(live.app).post('/__admin/seed').send({ api: 'losant', namespace: 'down', count: 2 }),
        await request(live.app).get('/__admin/state/losant').query({ namespace: 'down' }),
      ]) {
        expect([res.status, res.body.standin?.error]).toEqual([503, 'StateUnavailable']);
      }
    });
  });

  it('a log that cannot be opened: ready() rejects and every request through it is a 503', async () => {
    const broken = new MemoryLog();
    broken.open = () => Promise.reject(new Error('seed mismatch'));
    const standin = createApp({}, { log: broken });
    await expect(standin.ready()).rejects.toThrow('seed mismatch');
    expect((await writes.droplit(standin.app, 'x')).status).toBe(503);
  });
});
