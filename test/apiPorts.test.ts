import { createServer as createNetServer, type Server } from 'node:net';
import { resolveConfig } from '../src/config';
import { createServer, type StandinServer } from '../src/server';

// `apiPorts` (`serve --api-port NAME=PORT`): one process, one set of engines; each extra listener
// serves one API at the root of its own port, the main port keeps the prefixes and /__admin.

const DEV_KEY = 'Bearer skv2_development_demo_devsecret';
const HASH = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';

function capsule(base: string, namespace: string): Promise<Response> {
  return fetch(`${base}/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules`, {
    method: 'POST',
    headers: { authorization: DEV_KEY, 'content-type': 'application/json', 'x-standin-namespace': namespace },
    body: JSON.stringify({ hashSha256_b64: HASH }),
  });
}

async function state(main: string, namespace: string): Promise<{ lastSerial: number }> {
  const res = await fetch(`${main}/__admin/state/ignisign?namespace=${namespace}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { state: { lastSerial: number } }).state;
}

describe('api ports: each API at the root of its own port, beside the prefixed main port', () => {
  let server: StandinServer;
  beforeAll(async () => {
    server = createServer({ port: 0, apiPorts: { ignisign: 0, signatures: 0 } });
    await server.listen();
  });
  afterAll(() => server.close());

  it('port 0 picks a free port per listener, and urls() tells which', () => {
    const { main, apis } = server.urls();
    expect(Object.keys(apis).sort()).toEqual(['ignisign', 'signatures']);
    const ports = [main, apis.ignisign!, apis.signatures!].map((u) => new URL(u).port);
    expect(new Set(ports).size).toBe(3);
    expect(ports.every((p) => Number(p) > 0)).toBe(true);
    expect(server.url()).toBe(main);
  });

  it('serves the API at the root of its port, and keeps the prefix on the main port', async () => {
    const { main, apis } = server.urls();
    const root = await fetch(`${apis.ignisign}/v4/applications/appId_demo/context`, { headers: { authorization: DEV_KEY } });
    expect(root.status).toBe(200);
    expect(await root.json()).toMatchObject({ appId: 'appId_demo', appType: 'LOG_CAPSULE' });
    expect((await fetch(`${main}/ignisign/v4/applications/appId_demo/context`, { headers: { authorization: DEV_KEY } })).status).toBe(200);
    const signatures = await fetch(`${apis.signatures}/signatures`);
    expect(signatures.status).toBe(200);
    expect(await signatures.json()).toMatchObject({ status: true });
  });

  it('an extra port serves only its API: other prefixes and /__admin are that vendor 404', async () => {
    const { apis } = server.urls();
    for (const path of ['/__admin/health', '/signatures/signatures', '/ignisign/v4/applications/appId_demo/context']) {
      const res = await fetch(`${apis.ignisign}${path}`, { headers: { authorization: DEV_KEY } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 404, code: 'NOT_YET_IMPLEMENTED' });
    }
  });

  it('shares state, namespaces and the journal with the main port', async () => {
    const { main, apis } = server.urls();
    const namespace = 'api-ports-shared';
    expect((await capsule(apis.ignisign!, namespace)).status).toBe(201);
    expect((await capsule(`${main}/ignisign`, namespace)).status).toBe(201);
    expect((await state(main, namespace)).lastSerial).toBe(2);
    expect((await state(main, 'api-ports-other')).lastSerial).toBe(0);
    const journal = (await (await fetch(`${main}/__admin/journal?namespace=${namespace}`)).json()) as {
      entries: Array<{ api: string; operationId: string; path: string }>;
    };
    expect(
      journal.entries
        .filter((e) => e.operationId === 'createLogCapsule')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules', '/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules']);
  });

  it('the route table lists each extra port with its URL and its routes at the root', () => {
    const table = server.routeTable();
    const { apis } = server.urls();
    expect(table).toMatch(/POST {3}\/ignisign\/v4\/applications\/\{appId\}\/envs\/\{appEnv\}\/log-capsules {2}createLogCapsule/);
    expect(table).toContain(`ignisign at the root of ${apis.ignisign} (--api-port; same state as the main port, no /__admin)`);
    expect(table).toMatch(/\n {2}POST {3}\/v4\/applications\/\{appId\}\/envs\/\{appEnv\}\/log-capsules {2}createLogCapsule/);
    expect(table).toContain(`signatures at the root of ${apis.signatures}`);
    expect(table).toMatch(/\n {2}GET {4}\/signatures {2}listSignatures/);
  });
});

describe('api ports: listen and close', () => {
  it('before listening the route table says the port is picked at listen', () => {
    expect(createServer({ apiPorts: { ignisign: 0 } }).routeTable()).toContain('ignisign at the root of a free port');
    expect(createServer({ apiPorts: { ignisign: 4556 } }).routeTable()).toContain('ignisign at the root of port 4556');
  });

  it('close() closes every listener', async () => {
    const server = createServer({ port: 0, apiPorts: { ignisign: 0 } });
    await server.listen();
    const { main, apis } = server.urls();
    await server.close();
    await expect(fetch(`${apis.ignisign}/v4/applications/appId_demo/context`)).rejects.toThrow();
    await expect(fetch(`${main}/__admin/health`)).rejects.toThrow();
    expect(() => server.urls()).toThrow(/not listening/);
  });

  it('a busy extra port fails listen() with the API and port named, and leaves nothing open', async () => {
    const busy: Server = await new Promise((resolve) => {
      const s = createNetServer().listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (busy.address() as { port: number }).port;
    try {
      const server = createServer({ port: 0, apiPorts: { ignisign: port } });
      await expect(server.listen()).rejects.toMatchObject({
        message: `cannot listen for ignisign on 127.0.0.1:${port}: the port is in use: stop what holds it, or give another with --api-port ignisign=PORT (0 picks a free one)`,
        code: 'EADDRINUSE',
      });
      expect(() => server.url()).toThrow(/not listening/);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it("a busy main port fails listen() saying so, with node's code kept", async () => {
    const busy: Server = await new Promise((resolve) => {
      const s = createNetServer().listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (busy.address() as { port: number }).port;
    try {
      const server = createServer({ port });
      await expect(server.listen()).rejects.toMatchObject({
        message: `cannot listen on 127.0.0.1:${port}: the port is in use: stop what holds it, or give another with --port N (0 picks a free one)`,
        code: 'EADDRINUSE',
      });
      expect(() => server.url()).toThrow(/not listening/);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it("an address that is not this machine's is named as the --host to change", async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737): never an address of a real interface.
    await expect(createServer({ port: 0, host: '192.0.2.1' }).listen()).rejects.toMatchObject({
      message: 'cannot listen on 192.0.2.1:0: 192.0.2.1 is not an address of this machine (--host)',
      code: 'EADDRNOTAVAIL',
    });
  });

  it('listenerFor refuses an API that is not served', () => {
    expect(() => createServer({ apis: ['altr'] }).listenerFor('ignisign')).toThrow(/'ignisign' is not served \(serving: altr\)/);
  });
});

describe('api ports: config validation', () => {
  it.each<[string, Parameters<typeof resolveConfig>[0], RegExp]>([
    ['an unknown API', { apiPorts: { nope: 4556 } as never }, /api port for unknown API 'nope'/],
    ['an API that is not served', { apis: ['altr'], apiPorts: { ignisign: 4556 } }, /api port for 'ignisign', which is not served \(serving: altr\)/],
    ['another API than the --api root', { root: 'signatures', apiPorts: { ignisign: 4556 } }, /not served \(serving: signatures\)/],
    ['a port over 65535', { apiPorts: { ignisign: 70000 } }, /api port for 'ignisign' must be 0-65535, got 70000/],
    ['a negative port', { apiPorts: { ignisign: -1 } }, /must be 0-65535, got -1/],
    ['a fractional port', { apiPorts: { ignisign: 1.5 } }, /must be 0-65535, got 1.5/],
    ['the main port', { port: 4010, apiPorts: { ignisign: 4010 } }, /api port 4010 for 'ignisign' is already the main port/],
    ['two APIs on one port', { apiPorts: { ignisign: 4556, losant: 4556 } }, /api port 4556 for 'losant' is already the port of 'ignisign'/],
  ])('refuses %s', (_name, partial, message) => {
    expect(() => resolveConfig(partial)).toThrow(message);
  });

  it('accepts port 0 for several APIs, the root API itself, and drops unset entries', () => {
    expect(resolveConfig({ port: 0, apiPorts: { ignisign: 0, losant: 0, altr: undefined } }).apiPorts).toEqual({ ignisign: 0, losant: 0 });
    expect(resolveConfig({ root: 'ignisign', apiPorts: { ignisign: 4556 } }).apiPorts).toEqual({ ignisign: 4556 });
    expect(resolveConfig({}).apiPorts).toEqual({});
  });
});
