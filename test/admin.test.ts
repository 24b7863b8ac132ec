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
    const { app } = createApp({ apis: ['signatures'], journalSize: 3 });
    for (let i = 0; i < 4; i++) await request(app).get('/signatures/signatures');
    await request(app).get('/signatures/signatures?limit=abc');
    const { body } = await request(app).get('/__admin/journal');
    expect(body.entries).toHaveLength(3);
    const last = body.entries[2];
    expect(last).toMatchObject({ id: 5, operationId: 'listSignatures', status: 400, namespace: 'default', api: 'signatures' });
    expect(last.requestProblems[0]).toMatchObject({ in: 'query', field: 'limit' });
  });

  it('dumps and resets one namespace without touching another', async () => {
    const { app } = createApp({ apis: ['droplit'] });
    const create = (ns: string) =>
      request(app).post('/droplit/v0/api/environments/').set('x-standin-namespace', ns).set('authorization', 'droplit-demo-account')
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

  it('answers unknown admin routes and bad bodies in its own envelope', async () => {
    const { app } = createApp({ apis: ['signatures'] });
    expect((await request(app).get('/__admin/nope')).body.standin.error).toBe('NotFound');
    const bad = await request(app).post('/__admin/reset').set('content-type', 'application/json').send('{');
    expect(bad.status).toBe(400);
  });
});
