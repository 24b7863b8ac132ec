import request from 'supertest';
import { signedHeaders } from '../src/apis/altr/testing/altrTestSupport';
import { createApp } from '../src/server';

// Bounded state and per-namespace time: refused requests keep no namespace, the cap evicts the least
// recently used one, and a namespace that pins its clock moves only its own ALTR window.

const LOSANT_CERTS = '/losant/applications/575ec8687ae143cd83dc4a97/certificates';

describe('namespaces', () => {
  it('unbounded memory: a request refused with 401 keeps no namespace', async () => {
    const standin = createApp({ apis: ['losant'] });
    for (let i = 0; i < 20; i++) await request(standin.app).get(LOSANT_CERTS).set('x-standin-namespace', `denied-${i}`).expect(401);
    await request(standin.app).get(LOSANT_CERTS).set('x-standin-namespace', 'allowed').set('authorization', 'Bearer losant-demo-all').expect(200);
    expect(standin.engines.get('losant')!.namespaces()).toEqual(['allowed']);
  });

  it('--max-namespaces: a new namespace evicts the least recently used one, which starts fresh on its next use', async () => {
    const standin = createApp({ apis: ['droplit'], maxNamespaces: 2 });
    const create = (ns: string) =>
      request(standin.app)
        .post('/droplit/v0/api/environments/')
        .set('x-standin-namespace', ns)
        .set('authorization', 'droplit-demo-account')
        .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'kept_alias' });
    expect((await create('a')).status).toBe(201);
    expect((await create('b')).status).toBe(201);
    expect((await create('a')).status).toBe(400); // still kept: the alias is taken
    expect((await create('c')).status).toBe(201); // evicts b, the least recently used
    expect(standin.engines.get('droplit')!.namespaces().sort()).toEqual(['a', 'c']);
    expect((await create('b')).status).toBe(201); // b was forgotten, so its alias is free again
  });

  it('two first requests to a new namespace, both delayed by a fault, keep one state: both writes read back', async () => {
    const { app } = createApp({ apis: ['droplit'] });
    await request(app)
      .post('/__admin/faults')
      .send({ api: 'droplit', operationId: 'createEnvironment', namespace: 'racing', times: 2, delayMs: 50 })
      .expect(201);
    const create = (alias: string) =>
      request(app)
        .post('/droplit/v0/api/environments/')
        .set('x-standin-namespace', 'racing')
        .set('authorization', 'droplit-demo-account')
        .send({ ecosystemId: 'C599343aecca8fba8297a3195', alias });
    const answers = await Promise.all([create('first_racer'), create('second_racer')]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const state = JSON.stringify((await request(app).get('/__admin/state/droplit?namespace=racing')).body);
    expect([state.includes('first_racer'), state.includes('second_racer')]).toEqual([true, true]);
  });

  it('the clock is global: a namespace that pins its clock moves only its own ALTR window', async () => {
    const { app } = createApp({ apis: ['altr'] });
    const pinned = '2020-01-01T00:00:00.000Z';
    await request(app).put('/__admin/clock').set('x-standin-namespace', 'worker-1').send({ now: pinned }).expect(200);
    const put = (ns: string, date: string) =>
      request(app)
        .post('/altr/api/v1/single/')
        .set('x-standin-namespace', ns)
        .set(signedHeaders('POST', '', date))
        .set('content-type', 'application/octet-stream')
        .send(Buffer.from('bytes'));
    expect((await put('worker-1', pinned)).status).toBe(200);
    expect((await put('worker-1', new Date().toISOString())).status).toBe(401);
    expect((await put('worker-2', new Date().toISOString())).status).toBe(200);
    expect((await put('worker-2', pinned)).status).toBe(401);
  });
});
