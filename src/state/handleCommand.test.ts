import { createApp } from '../server';
import type { EngineRequest } from '../core/types';

// A request handled as a command (the state-log path): one clock reading for all of it, no faults,
// and its state change made before the call returns its promise.

const ECO = 'C599343aecca8fba8297a3195';
const AT = Date.parse('2021-03-04T05:06:07.000Z');

function create(alias: string): EngineRequest {
  const body = Buffer.from(JSON.stringify({ ecosystemId: ECO, alias }));
  return {
    method: 'POST',
    path: '/v0/api/environments/',
    rawQuery: '',
    query: {},
    headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json', 'content-length': String(body.length) },
    body,
  };
}

const engineOf = (evicted: string[] = []) => {
  const standin = createApp({ apis: ['droplit'], maxNamespaces: 2 });
  const engine = standin.engines.get('droplit')!;
  return { standin, engine, evicted };
};

describe('handleCommand', () => {
  it('changes state synchronously within the call, before its promise settles', async () => {
    const { engine } = engineOf();
    const pending = engine.handleCommand(create('sync_alias'), 'cmd', AT);
    expect(JSON.stringify(engine.dump('cmd'))).toContain('sync_alias');
    expect((await pending).response.status).toBe(201);
  });

  it('answers at the command’s clock reading, and the namespace it kept stays on the live clock', async () => {
    const { engine } = engineOf();
    const outcome = await engine.handleCommand(create('timed'), 'clocked', AT);
    expect((outcome.response.body as { createdAt: string }).createdAt).toBe(new Date(AT).toISOString());
    const live = await engine.handle(create('later'), 'clocked');
    expect(Date.parse((live.response.body as { createdAt: string }).createdAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('takes no fault; beforeCommand takes them, and answers what changes nothing', async () => {
    const { engine } = engineOf();
    engine.addFault({ kind: 'error', times: 1, namespace: 'f' });
    expect((await engine.handleCommand(create('no_fault'), 'f', AT)).response.status).toBe(201);
    expect((await engine.beforeCommand(create('x'), 'f'))?.response.status).toBe(500);
    expect(await engine.beforeCommand(create('x'), 'f')).toBeUndefined();
    expect((await engine.beforeCommand({ ...create('x'), path: '/nowhere' }, 'f'))?.response.status).toBe(404);
    expect((await engine.beforeCommand({ ...create('x'), bodyTooLarge: 1 }, 'f'))?.response.status).toBe(413);
  });
});
