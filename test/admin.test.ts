import request from 'supertest';
import { createApp } from '../src/server';

describe('/__admin', () => {
  it('reports health', async () => {
    const { app } = createApp({ apis: ['signatures'] });
    const res = await request(app).get('/__admin/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', apis: ['signatures'] });
  });

  it('keeps a journal capped at --journal-size, with operation, status and problems', async () => {
    const { app } = createApp({ apis: ['droplit'], journalSize: 3 });
    const env = '/droplit/v0/api/environments/';
    for (let i = 0; i < 4; i++) await request(app).get('/droplit/nothing');
    await request(app).post(env).set('authorization', 'droplit-demo-account').send({ alias: 'no_ecosystem' });
    const { body } = await request(app).get('/__admin/journal');
    expect(body.entries).toHaveLength(3);
    const last = body.entries[2];
    expect(last).toMatchObject({ id: 5, status: 400, namespace: 'default', api: 'droplit' });
    expect(last.operationId).toEqual(expect.any(String));
    expect(last.requestProblems[0]).toMatchObject({ in: 'body', field: 'ecosystemId' });
  });

  it('dumps and resets one namespace without touching another', async () => {
    const { app } = createApp({ apis: ['droplit'] });
    const create = (ns: string) =>
      request(app)
        .post('/droplit/v0/api/environments/')
        .set('x-standin-namespace', ns)
        .set('authorization', 'droplit-demo-account')
        .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'admin_test' });
    expect((await create('a')).status).toBe(201);
    expect((await create('b')).status).toBe(201);
    expect(JSON.stringify((await request(app).get('/__admin/state/droplit?namespace=a')).body)).toContain('admin_test');
    await request(app).post('/__admin/reset').send({ api: 'droplit', namespace: 'a' }).expect(200);
    expect(JSON.stringify((await request(app).get('/__admin/state/droplit?namespace=a')).body)).not.toContain('admin_test');
    expect(JSON.stringify((await request(app).get('/__admin/state/droplit?namespace=b')).body)).toContain('admin_test');
    expect((await create('a')).status).toBe(201);
  });

  it('requires the admin token when one is configured, and never echoes it', async () => {
    const { app } = createApp({ apis: ['signatures'], adminToken: 's3cret-token' });
    const denied = await request(app).get('/__admin/health');
    expect(denied.status).toBe(401);
    expect(denied.text).not.toContain('s3cret-token');
    expect((await request(app).get('/__admin/health').set('authorization', 'Bearer s3cret-token')).status).toBe(200);
    expect((await request(app).get('/__admin/health').set('authorization', 'Bearer s3cret-tokeX')).status).toBe(401);
  });

  it('pins and releases the clock', async () => {
    const standin = createApp({ apis: ['signatures'] });
    const pinned = await request(standin.app).put('/__admin/clock').send({ now: '2030-01-02T03:04:05Z' });
    expect(pinned.body).toEqual({ now: '2030-01-02T03:04:05.000Z', pinned: true });
    expect(standin.clock.now().toISOString()).toBe('2030-01-02T03:04:05.000Z');
    await request(standin.app).put('/__admin/clock').send({ now: null }).expect(200);
    expect(standin.clock.isPinned()).toBe(false);
    expect((await request(standin.app).put('/__admin/clock').send({ now: 'yesterday' })).status).toBe(400);
  });

  it('injects a one-shot fault in the vendor envelope, then recovers', async () => {
    const { app } = createApp({ apis: ['signatures'] });
    await request(app).post('/__admin/faults').send({ api: 'signatures', operationId: 'listSignatures' }).expect(201);
    const failed = await request(app).get('/signatures/signatures');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ status: false, message: expect.stringMatching(/fault injected/) });
    expect((await request(app).get('/signatures/signatures')).status).toBe(200);
    expect((await request(app).post('/__admin/faults').send({ api: 'signatures', operationId: 'nope' })).status).toBe(400);
  });

  it('reports memory in health', async () => {
    const { app } = createApp({ apis: ['signatures'] });
    const { body } = await request(app).get('/__admin/health?gc=1');
    expect(body.memory).toMatchObject({ rss: expect.any(Number), heapUsed: expect.any(Number) });
  });

  it('seeds a namespace in bulk, which lists, counts and pages like any other data', async () => {
    const { app } = createApp({ apis: ['signatures', 'losant'] });
    const seeded = await request(app).post('/__admin/seed').send({ api: 'signatures', namespace: 'scale', count: 500 });
    expect(seeded.status).toBe(200);
    expect(seeded.body.seeded).toMatchObject({ api: 'signatures', namespace: 'scale', created: 500 });
    const list = await request(app).get('/signatures/signatures?count=1&limit=5&offset=10').set('x-standin-namespace', 'scale');
    expect(list.status).toBe(200);
    expect(list.body.content.signatures).toHaveLength(5);
    const fixtures = (await request(app).get('/signatures/signatures?count=1&limit=1')).body.content.nb_results;
    expect(list.body.content.nb_results).toBe(fixtures + 500); // the fixtures, then the bulk; the default namespace untouched

    await request(app).post('/__admin/seed?api=losant&namespace=scale&count=300').expect(200);
    const certificates = await request(app)
      .get('/losant/applications/575ec8687ae143cd83dc4a97/certificates?filterField=status&filter=active&page=2&perPage=10')
      .set('x-standin-namespace', 'scale')
      .set('authorization', 'Bearer losant-demo-all');
    expect(certificates.status).toBe(200);
    expect(certificates.body.items).toHaveLength(10);
    expect(certificates.body.items.every((c: { status: string }) => c.status === 'active')).toBe(true);
  });

  it('refuses a bulk seed for an API without one, an unknown API, and a count out of range', async () => {
    const { app } = createApp({ apis: ['signatures', 'droplit'] });
    const unsupported = await request(app).post('/__admin/seed').send({ api: 'droplit', count: 10 });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.standin.error).toBe('BulkSeedUnsupported');
    expect((await request(app).post('/__admin/seed').send({ api: 'nope', count: 10 })).status).toBe(404);
    for (const count of [0, -1, 1.5, 2_000_001, 'many', undefined]) {
      const res = await request(app).post('/__admin/seed').send({ api: 'signatures', count });
      expect(res.status).toBe(400);
      expect(res.body.standin.error).toBe('InvalidSeed');
    }
    expect((await request(app).post('/__admin/seed').send({ api: 'signatures', namespace: 'bad namespace!', count: 1 })).status).toBe(400);
  });

  it('answers unknown admin routes and bad bodies in its own envelope', async () => {
    const { app } = createApp({ apis: ['signatures'] });
    expect((await request(app).get('/__admin/nope')).body.standin.error).toBe('NotFound');
    const bad = await request(app).post('/__admin/reset').set('content-type', 'application/json').send('{');
    expect(bad.status).toBe(400);
  });

  it("a reset sent with a worker's x-standin-namespace header resets that namespace only; every namespace needs {all: true}", async () => {
    const { app } = createApp({ apis: ['droplit'] });
    const create = (ns: string) =>
      request(app)
        .post('/droplit/v0/api/environments/')
        .set('x-standin-namespace', ns)
        .set('authorization', 'droplit-demo-account')
        .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'parallel' });
    const holds = async (ns: string) =>
      JSON.stringify((await request(app).get('/__admin/state/droplit').set('x-standin-namespace', ns)).body).includes('parallel');
    await create('w1').expect(201);
    await create('w2').expect(201);
    expect(await holds('w1')).toBe(true);
    await request(app).post('/__admin/reset').set('x-standin-namespace', 'w1').expect(200);
    expect([await holds('w1'), await holds('w2')]).toEqual([false, true]);
    // body and query win over the header
    await request(app).post('/__admin/reset').set('x-standin-namespace', 'w1').send({ namespace: 'w2' }).expect(200);
    expect(await holds('w2')).toBe(false);

    const bare = await request(app).post('/__admin/reset');
    expect(bare.status).toBe(400);
    expect(bare.body.standin).toEqual({ error: 'NamespaceRequired', message: expect.stringContaining('{"all": true}') });
    await create('w1').expect(201);
    expect((await request(app).post('/__admin/reset').send({ all: true })).body.reset.namespace).toBe('(all)');
    expect(await holds('w1')).toBe(false);
    expect((await request(app).post('/__admin/reset').set('x-standin-namespace', 'a b')).body.standin.error).toBe('InvalidNamespace');
  });

  it('the clock is global: PUT /__admin/clock with a namespace pins that namespace only', async () => {
    const standin = createApp({ apis: ['signatures'] });
    const pin = await request(standin.app).put('/__admin/clock').set('x-standin-namespace', 'w1').send({ now: '2030-01-02T03:04:05Z' });
    expect(pin.body).toEqual({ namespace: 'w1', now: '2030-01-02T03:04:05.000Z', pinned: true });
    expect(standin.clock.isPinned()).toBe(false);
    expect(standin.clock.nowIn('w1').toISOString()).toBe('2030-01-02T03:04:05.000Z');
    const other = await request(standin.app).get('/__admin/clock?namespace=w2');
    expect(other.body.pinned).toBe(false);
    await request(standin.app).put('/__admin/clock').send({ namespace: 'w1', now: null }).expect(200);
    expect(standin.clock.isPinnedIn('w1')).toBe(false);
  });

  it("journal and faults follow the worker's namespace header", async () => {
    const { app } = createApp({ apis: ['signatures'] });
    await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w1');
    await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w2');
    expect((await request(app).get('/__admin/journal').set('x-standin-namespace', 'w1')).body.entries.map((e: any) => e.namespace)).toEqual(['w1']);
    await request(app).delete('/__admin/journal').set('x-standin-namespace', 'w1').expect(204);
    expect((await request(app).get('/__admin/journal')).body.entries.map((e: any) => e.namespace)).toEqual(['w2']);
    await request(app).post('/__admin/faults').set('x-standin-namespace', 'w1').send({ api: 'signatures', operationId: 'listSignatures' }).expect(201);
    expect((await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w2')).status).toBe(200);
    expect((await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w1')).status).toBe(500);
  });

  it("DELETE /__admin/faults with a worker's namespace clears only that worker's faults", async () => {
    const { app } = createApp({ apis: ['signatures'] });
    for (const ns of ['w1', 'w2']) {
      await request(app)
        .post('/__admin/faults')
        .set('x-standin-namespace', ns)
        .send({ api: 'signatures', operationId: 'listSignatures', times: 5 })
        .expect(201);
    }
    await request(app).delete('/__admin/faults').set('x-standin-namespace', 'w1').expect(204);
    expect((await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w1')).status).toBe(200);
    expect((await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w2')).status).toBe(500);
    await request(app).delete('/__admin/faults').expect(204);
    expect((await request(app).get('/signatures/signatures').set('x-standin-namespace', 'w2')).status).toBe(200);
  });

  it('{"all": true} resets every namespace even when the worker\'s client adds its x-standin-namespace, and releases clock pins', async () => {
    const { app, clock } = createApp({ apis: ['droplit'] });
    const create = (ns: string) =>
      request(app)
        .post('/droplit/v0/api/environments/')
        .set('x-standin-namespace', ns)
        .set('authorization', 'droplit-demo-account')
        .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'all_reset' });
    expect((await create('w1')).status).toBe(201);
    expect((await create('w2')).status).toBe(201);
    await request(app).put('/__admin/clock').set('x-standin-namespace', 'w2').send({ now: '2020-01-01T00:00:00Z' }).expect(200);
    const res = await request(app).post('/__admin/reset').set('x-standin-namespace', 'w1').send({ all: true }).expect(200);
    expect(res.body.reset.namespace).toBe('(all)');
    expect((await create('w2')).status).toBe(201);
    expect(clock.isPinnedIn('w2')).toBe(false);
  });

  it("reading a namespace's state does not keep it, so at the cap it evicts no one", async () => {
    const standin = createApp({ apis: ['droplit'], maxNamespaces: 1 });
    await request(standin.app)
      .post('/droplit/v0/api/environments/')
      .set('x-standin-namespace', 'worker')
      .set('authorization', 'droplit-demo-account')
      .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'kept_by_worker' })
      .expect(201);
    await request(standin.app).get('/__admin/state/droplit?namespace=typo').expect(200);
    expect(standin.engines.get('droplit')!.namespaces()).toEqual(['worker']);
  });
});
