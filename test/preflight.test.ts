import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ContractIo, contractMain } from '../src/contract/cli';
import { preflight, probeOrigin } from '../src/contract/preflight';
import { FlagError } from '../src/flagValues';
import { createServer, type StandinServer } from '../src/server';

// Before a run, one GET /__admin/health per target origin: a target that cannot be checked is one
// line and exit 2 (not a failure per request), and whether it is a standin is known.

const sockets = new Set<Socket>();
const track = (s: Server | HttpServer) => s.on('connection', (c: Socket) => (sockets.add(c), c.once('close', () => sockets.delete(c))));

function listen<S extends Server | HttpServer>(server: S): Promise<{ server: S; origin: string }> {
  track(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

async function closedPort(): Promise<string> {
  const { server, origin } = await listen(createNetServer());
  await new Promise((r) => server.close(r));
  return origin;
}

const closeAll = (...servers: Array<Server | HttpServer>) => {
  for (const s of sockets) s.destroy();
  return Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
};

function io(timeoutMs = 5000) {
  const captured = { out: '', err: '' };
  const value: ContractIo = {
    stdout: (t) => void (captured.out += t),
    stderr: (t) => void (captured.err += t),
    isTTY: false,
    now: Date.now,
    preflightTimeoutMs: timeoutMs,
  };
  return { io: value, captured };
}

let garbage: Server;
let silent: Server;
let other: HttpServer;
let standin: StandinServer;
let locked: StandinServer;
const origins: Record<string, string> = {};

beforeAll(async () => {
  // Writes bytes that are not HTTP to whoever connects.
  ({ server: garbage, origin: origins.garbage } = await listen(createNetServer((c) => c.end('SSH-2.0-OpenSSH_9.6\r\nnot http at all\r\n\r\n'))));
  // Accepts and never answers.
  ({ server: silent, origin: origins.silent } = await listen(createNetServer(() => undefined)));
  // An HTTP server that is not a standin, answering as Prism does for a path its spec lacks.
  ({ server: other, origin: origins.other } = await listen(
    createHttpServer((_req, res) =>
      res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"type":"https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR"}'),
    ),
  ));
  standin = createServer({ apis: ['losant', 'droplit'] });
  await standin.listen(0, '127.0.0.1');
  locked = createServer({ apis: ['losant'], adminToken: 'admin-secret-123' });
  await locked.listen(0, '127.0.0.1');
  origins.closed = await closedPort();
});

afterAll(async () => {
  await closeAll(garbage, silent, other);
  await Promise.all([standin.close(), locked.close()]);
});

describe('probeOrigin', () => {
  test('says what answers: a standin and its APIs, a locked standin, another HTTP server', async () => {
    expect(await probeOrigin(standin.url())).toEqual({ kind: 'standin', apis: ['losant', 'droplit'] });
    expect(await probeOrigin(locked.url())).toEqual({ kind: 'standin-locked' });
    expect(await probeOrigin(locked.url(), { adminToken: 'admin-secret-123' })).toEqual({ kind: 'standin', apis: ['losant'] });
    expect(await probeOrigin(origins.other)).toEqual({ kind: 'http', status: 404, contentType: 'application/problem+json' });
    // `standin proxy`: standin's health with no API of its own.
    const { server: proxyLike, origin } = await listen(
      createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","apis":[]}')),
    );
    try {
      expect(await probeOrigin(origin)).toEqual({ kind: 'standin-proxy' });
    } finally {
      await closeAll(proxyLike);
    }
  });

  test('the admin token goes only to a standin that asked for it, never to another server', async () => {
    const seen: (string | undefined)[] = [];
    const { server: vendor, origin } = await listen(
      createHttpServer((req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
      }),
    );
    try {
      const found = await preflight([origin, locked.url()], { adminToken: 'admin-secret-123' });
      expect(found.get(origin)).toEqual({ kind: 'http', status: 404, contentType: 'application/json' });
      expect(found.get(locked.url())).toEqual({ kind: 'standin', apis: ['losant'] });
      expect(seen).toEqual([undefined]);
    } finally {
      await closeAll(vendor);
    }
  });

  test('https:// at a server that speaks plain HTTP: TLS failed', async () => {
    const probe = await probeOrigin(origins.other.replace('http:', 'https:'));
    expect(probe).toEqual({ kind: 'unreachable', problem: expect.stringMatching(/^TLS with 127\.0\.0\.1:\d+ failed \(/) });
  });

  test('says why nothing answers: refused, not HTTP, no answer in time', async () => {
    expect(await probeOrigin(origins.closed)).toEqual({
      kind: 'unreachable',
      problem: expect.stringMatching(/^nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)$/),
    });
    expect(await probeOrigin(origins.garbage)).toEqual({ kind: 'unreachable', problem: expect.stringMatching(/^127\.0\.0\.1:\d+ does not speak HTTP/) });
    const started = Date.now();
    expect(await probeOrigin(origins.silent, { timeoutMs: 300 })).toEqual({ kind: 'unreachable', problem: 'no HTTP answer within 0.3 s' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('standin contract preflight', () => {
  test('nothing listening: one line on stderr, exit 2, no run', async () => {
    const { io: sink, captured } = io();
    const started = Date.now();
    expect(await contractMain(['--base-url', origins.closed], {}, sink)).toBe(2);
    expect(captured.err).toMatch(
      /^standin contract: cannot check http:\/\/127\.0\.0\.1:\d+ \(for ignisign, altr, signatures, losant, droplit\): nothing is listening at 127\.0\.0\.1:\d+ \(connection refused\)\n$/,
    );
    expect(captured.out).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  test('not HTTP, and no answer in time: one line each, exit 2', async () => {
    const a = io();
    expect(await contractMain(['--base-url', origins.garbage, '--quiet'], {}, a.io)).toBe(2);
    expect(a.captured.err.trimEnd().split('\n')).toEqual([expect.stringMatching(/^standin contract: cannot check .*: 127\.0\.0\.1:\d+ does not speak HTTP/)]);
    const b = io(300);
    expect(await contractMain(['--base-url', `losant=${origins.silent}`], {}, b.io)).toBe(2);
    expect(b.captured.err).toMatch(/^standin contract: cannot check http:\/\/127\.0\.0\.1:\d+ \(for losant\): no HTTP answer within 0\.3 s\n$/);
  });

  test('one probe per origin; every failing origin has its line', async () => {
    const { io: sink, captured } = io(300);
    const code = await contractMain(
      ['--base-url', `losant=${origins.closed}/a`, '--base-url', `droplit=${origins.closed}/b`, '--base-url', `altr=${origins.silent}`],
      {},
      sink,
    );
    expect(code).toBe(2);
    const lines = captured.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^standin contract: cannot check http:\/\/127\.0\.0\.1:\d+ \(for altr\): no HTTP answer within 0\.3 s$/),
        expect.stringMatching(/^standin contract: cannot check http:\/\/127\.0\.0\.1:\d+ \(for losant, droplit\): nothing is listening/),
      ]),
    );
  });

  test('--config: the origins of the APIs that have credentials are checked too; one without credentials is only skipped', async () => {
    const config = join(tmpdir(), `standin-pf-config-${process.pid}.json`);
    const apis = { losant: { baseUrl: origins.closed, token: 't', applicationId: 'a' }, droplit: { baseUrl: 'http://127.0.0.1:9' } };
    writeFileSync(config, JSON.stringify({ apis }));
    const { io: sink, captured } = io();
    expect(await contractMain(['--config', config, '--api', 'losant', '--api', 'droplit'], {}, sink)).toBe(2);
    rmSync(config);
    expect(captured.err).toMatch(/^standin contract: cannot check http:\/\/127\.0\.0\.1:\d+ \(for losant\): nothing is listening at .*\n$/);
  });

  test('a malformed URL is a flag error naming it, before anything is sent', async () => {
    await expect(contractMain(['--base-url', '127.0.0.1:9'], {}, io().io)).rejects.toThrow(
      new FlagError(
        "--base-url must be an http:// or https:// URL such as http://127.0.0.1:4010 (got '127.0.0.1:9': no scheme, did you mean http://127.0.0.1:9?)",
      ),
    );
    await expect(contractMain(['--base-url', 'localhost:4010'], {}, io().io)).rejects.toThrow(
      /got 'localhost:4010': no scheme, did you mean http:\/\/localhost:4010\?/,
    );
    await expect(contractMain(['--base-url', 'ftp://127.0.0.1/x'], {}, io().io)).rejects.toThrow(/got 'ftp:\/\/127\.0\.0\.1\/x': scheme ftp is not HTTP/);
    await expect(contractMain(['--base-url', 'losant=127.0.0.1:9'], {}, io().io)).rejects.toThrow(
      /^--base-url losant=URL must be an http:\/\/ or https:\/\/ URL/,
    );
    await expect(contractMain(['--base-url', 'http://127.0.0.1:9/?x=1'], {}, io().io)).rejects.toThrow(/without \?query/);
  });

  test('a plain --base-url at a server that is not a standin: exit 2 saying it has no /<api> prefixes and what to give instead', async () => {
    const { io: sink, captured } = io();
    expect(await contractMain(['--base-url', origins.other, '--api', 'losant'], {}, sink)).toBe(2);
    expect(captured.err).toBe(
      `standin contract: ${origins.other} is not a standin (GET /__admin/health answered 404 application/problem+json), so it has no /<api> prefixes: for one API at its root give --base-url NAME=${origins.other} (or --no-prefix --api NAME)\n`,
    );
  });

  test('a standin whose /__admin needs a token: exit 2 saying so, never echoing a wrong one', async () => {
    const a = io();
    expect(await contractMain(['--base-url', locked.url(), '--api', 'losant'], {}, a.io)).toBe(2);
    expect(a.captured.err).toBe(
      `standin contract: ${locked.url()} is a standin whose /__admin needs its admin token: give --admin-token TOKEN (or STANDIN_ADMIN_TOKEN)\n`,
    );
    const b = io();
    expect(await contractMain(['--base-url', locked.url(), '--api', 'losant', '--admin-token', 'wrong'], {}, b.io)).toBe(2);
    expect(b.captured.err).toContain('refused the admin token given');
    expect(b.captured.err).not.toContain('wrong');
  });

  test('a standin serving one API at its root (--api NAME) is checked there, with no prefix added', async () => {
    const rooted = createServer({ apis: ['losant'], root: 'losant' });
    await rooted.listen(0, '127.0.0.1');
    try {
      expect(await probeOrigin(rooted.url())).toEqual({ kind: 'standin', apis: ['losant'], root: 'losant' });
      const { io: sink, captured } = io();
      const coverage = join(tmpdir(), `standin-pf-root-${process.pid}.json`);
      const code = await contractMain(
        ['--base-url', rooted.url(), '--api', 'losant', '--grep', 'with malformed JSON', '--quiet', '--coverage-file', coverage],
        {},
        sink,
      );
      rmSync(coverage, { force: true });
      expect(captured.out.split('\n')[0]).toBe(`standin contract: standin at ${rooted.url()}`);
      expect(captured.out).toMatch(/\nlosant: [1-9]\d* passed, 0 failed/);
      expect(code).toBe(0);
    } finally {
      await rooted.close();
    }
  });

  test('an API the standin does not serve is skipped with the reason, the others run', async () => {
    const { io: sink, captured } = io();
    const code = await contractMain(
      [
        '--base-url',
        standin.url(),
        '--api',
        'altr',
        '--api',
        'losant',
        '--grep',
        'with malformed JSON',
        '--quiet',
        '--coverage-file',
        join(tmpdir(), `standin-pf-${process.pid}.json`),
      ],
      {},
      sink,
    );
    expect(captured.out.split('\n')[0]).toBe(`standin contract: standin at ${standin.url()}/losant`);
    expect(captured.out).toContain(`altr: SKIPPED, the standin at ${standin.url()} does not serve altr (it serves losant, droplit)`);
    expect(captured.out).toMatch(/\nlosant: [1-9]\d* passed, 0 failed/);
    expect(code).toBe(0);
    expect(captured.err).toBe('');
  });
});
