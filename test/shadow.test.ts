import { PROXY_ADMIN_ROUTES } from '../src/proxy/driftAnswer';
import { VENDORS } from '../src/apis';
import { DriftLog } from '../src/proxy/driftLog';
import type { RecordedExchange } from '../src/proxy/recordedExchange';
import { Shadow } from '../src/proxy/shadow';
import { makeUpstream } from '../src/proxy/upstream';
import type { Vendors } from '../src/vendor';
import { createProxy, type StandinProxy } from '../src/proxy/proxyServer';
import { createServer, type StandinServer } from '../src/server';
import { type DeviatingVendor, sendTraffic, startDeviatingVendor } from './support/deviatingVendor';

// --shadow: the client's answers are the vendor's, the mock answers the same requests in the
// background, and /__admin/drift says where the two differ.

const API_NAMES = ['ignisign', 'altr', 'signatures', 'losant', 'droplit'];

interface Drift {
  compared: number;
  drifted: number;
  pending: number;
  operations: Array<{ api: string; operationId: string; compared: number; drifted: number; rules: Record<string, number> }>;
  entries: Array<{ api: string; operationId: string; status: { vendor: number; mock: number }; differences: Array<{ rule: string; pointer: string }> }>;
}

async function driftOnce(proxy: StandinProxy, expected: number): Promise<Drift> {
  for (let i = 0; i < 100; i++) {
    const drift = (await (await fetch(`${proxy.url()}/__admin/drift`)).json()) as Drift;
    if (drift.compared >= expected && drift.pending === 0) return drift;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the shadow did not catch up within 5 s');
}

function shadowProxy(upstream: string): StandinProxy {
  return createProxy({ pairs: API_NAMES.map((api) => ({ api, upstream: `${upstream}/${api}` })), shadow: true });
}

describe('shadow mode', () => {
  let vendor: DeviatingVendor;
  let standin: StandinServer;

  beforeAll(async () => {
    vendor = await startDeviatingVendor();
    standin = createServer({ port: 0 });
    await standin.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await vendor.close();
    await standin.close();
  });

  test('against the deviating vendor, /__admin/drift lists exactly the planted drift, per operation and rule', async () => {
    const proxy = shadowProxy(vendor.url);
    await proxy.listen(0);
    try {
      const statuses = await sendTraffic(proxy.url());
      // The client gets the vendor's answers, deviations included.
      expect(statuses[1]).toBe(409);
      const drift = await driftOnce(proxy, statuses.length);
      expect(drift.compared).toBe(statuses.length);
      expect(drift.drifted).toBe(3);
      const summary = Object.fromEntries(drift.operations.map((o) => [`${o.api} ${o.operationId}`, o.rules]));
      expect(summary).toEqual({
        'droplit createEnvironment': { status: 1, schema: 1 },
        'losant getApplicationCertificate': { field: 1, envelope: 1, schema: 1 },
      });
      expect(drift.entries.map((e) => [e.operationId, e.status])).toEqual([
        ['createEnvironment', { vendor: 409, mock: 400 }],
        ['getApplicationCertificate', { vendor: 200, mock: 200 }],
        ['getApplicationCertificate', { vendor: 404, mock: 404 }],
      ]);
      expect(drift.entries[1].differences).toEqual([expect.objectContaining({ rule: 'field', pointer: '/body/vendorExtra' })]);
      const text = JSON.stringify(drift);
      for (const secret of ['droplit-demo-account', 'losant-demo-all']) expect(text).not.toContain(secret);
    } finally {
      await proxy.close();
    }
  });

  test("against standin itself there is no drift, and ids the vendor made are followed to the mock's", async () => {
    // Another seed upstream: its ids differ from the shadow mock's for the same creates.
    const other = createServer({ port: 0, seed: 99 });
    await other.listen(0, '127.0.0.1');
    const proxy = createProxy({ pairs: ['droplit', 'altr'].map((api) => ({ api, upstream: `${other.url()}/${api}` })), shadow: true });
    await proxy.listen(0);
    try {
      const droplit = { authorization: 'droplit-demo-account', 'content-type': 'application/json' };
      const made = (await (
        await fetch(`${proxy.url()}/droplit/v0/api/environments/`, {
          method: 'POST',
          headers: droplit,
          body: JSON.stringify({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'attic' }),
        })
      ).json()) as { id: string };
      const read = await fetch(`${proxy.url()}/droplit/v0/api/environments/${made.id}`, { headers: droplit });
      expect(read.status).toBe(200);
      const drift = await driftOnce(proxy, 2);
      expect(drift).toMatchObject({ compared: 2, drifted: 0, operations: [] });
      const mockState = JSON.stringify(proxy.shadow!.app.engines.get('droplit')!.dump('shadow'));
      expect(mockState).toContain('attic');
      expect(mockState).not.toContain(made.id);
    } finally {
      await proxy.close();
      await other.close();
    }
  });

  test('the shadow never delays the client: a slow mock leaves the answer as fast as the vendor gives it', async () => {
    const proxy = shadowProxy(standin.url());
    await proxy.listen(0);
    try {
      proxy.shadow!.app.engines.get('losant')!.addFault({ kind: 'delay', delayMs: 700, times: 3, namespace: 'shadow' });
      const started = Date.now();
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${proxy.url()}/losant/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96`, {
          headers: { authorization: 'Bearer losant-demo-all' },
        });
        expect(res.status).toBe(200);
      }
      expect(Date.now() - started).toBeLessThan(600);
      const pending = (await (await fetch(`${proxy.url()}/__admin/drift`)).json()) as Drift;
      expect(pending.compared).toBeLessThan(3);
      const drift = await (async () => {
        for (let i = 0; i < 200; i++) {
          const d = (await (await fetch(`${proxy.url()}/__admin/drift`)).json()) as Drift;
          if (d.compared === 3) return d;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the shadow did not catch up');
      })();
      expect(drift.drifted).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  test('GET /__admin/drift needs --shadow: standin’s own 404 without it', async () => {
    const proxy = createProxy({ pairs: [{ api: 'losant', upstream: standin.url() }] });
    await proxy.listen(0);
    try {
      for (const route of PROXY_ADMIN_ROUTES) {
        const res = await fetch(`${proxy.url()}${route.path}`, { method: route.method });
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ standin: { error: 'NotFound', message: expect.stringContaining('--shadow') } });
      }
      // The mock's own /__admin has no drift: it is the proxy's.
      expect(((await (await fetch(`${standin.url()}/__admin/drift`)).json()) as { standin: { error: string } }).standin.error).toBe('NotFound');
    } finally {
      await proxy.close();
    }
  });

  test('the queue to the mock is bounded by count and by bytes: the excess is dropped and counted, not held', async () => {
    const up = makeUpstream({ api: 'losant', upstream: 'http://127.0.0.1:9' }, VENDORS as unknown as Vendors, true);
    const shadow = new Shadow([up]);
    const kept: RecordedExchange = {
      standinRecording: 1,
      seq: 1,
      time: new Date().toISOString(),
      api: 'losant',
      operationId: 'getApplicationCertificate',
      request: {
        method: 'GET',
        path: '/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96',
        query: '',
        headers: { authorization: 'Bearer {{credential.token}}' },
      },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: { size: 2, truncated: false, encoding: 'utf8', text: '{}' } },
      violations: [],
    };
    for (let i = 0; i < 1005; i++) shadow.enqueue(kept);
    expect(shadow.dropped).toBe(5);
    await shadow.drained();
    const big = { ...kept, response: { ...kept.response, body: { size: 40 << 20, truncated: false, encoding: 'utf8' as const, text: 'x'.repeat(40 << 20) } } };
    shadow.enqueue(big);
    shadow.enqueue(big);
    expect(shadow.dropped).toBe(6);
    await shadow.close();
    expect(shadow.drift.compared).toBe(1001);
  });

  test('drift memory is bounded: the ring keeps the latest entries, the counts keep everything', () => {
    const log = new DriftLog(3);
    for (let i = 0; i < 5; i++) {
      log.add({
        time: '',
        api: 'x',
        operationId: 'op',
        method: 'GET',
        path: `/${i}`,
        status: { vendor: 200, mock: 404 },
        differences: [{ rule: 'status', pointer: '/status', vendor: '200', mock: '404' }],
      });
    }
    expect(log.entries().map((e) => e.path)).toEqual(['/2', '/3', '/4']);
    expect(log.drifted).toBe(5);
    expect(log.operations()).toEqual([{ api: 'x', operationId: 'op', compared: 5, drifted: 5, rules: { status: 5 } }]);
  });
});
