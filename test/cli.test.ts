import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { existsSync, readFileSync } from 'node:fs';
import { apiPorts, SERVE_USAGE, serveConfig, startServing, stateLine, USAGE, VERIFY_CAPSULE_USAGE } from '../src/cli';
import { CONTRACT_USAGE } from '../src/contract/cli';
import { PROXY_USAGE, REPLAY_USAGE } from '../src/proxy/cli';
import { createApp } from '../src/server';
import { describeIfInstalled } from './support/describeIfInstalled';

// Runs the built CLI (npm test builds first) the way a user does: start, answer, stop on a signal.
const CLI = join(__dirname, '..', 'dist', 'src', 'cli.js');

function start(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 15 s:\n${output}`)), 15000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('standin serve (built CLI)', () => {
  it('serves all five prefixes, prints the route table, and exits 0 on SIGTERM', async () => {
    const { child, url, output } = await start(['serve', '--port', '0']);
    try {
      for (const prefix of ['ignisign', 'altr', 'signatures', 'losant', 'droplit']) {
        const res = await fetch(`${url}/${prefix}/definitely-not-a-route`);
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/json/);
      }
      expect(output()).toMatch(/POST\s+\/altr\/api\/v1\/single\/\s+putData/);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('serves one API at the root with --api, and stops on SIGINT', async () => {
    const { child, url } = await start(['serve', '--api', 'signatures', '--port', '0']);
    try {
      const res = await fetch(`${url}/signatures`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: boolean }).status).toBe(true);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });

  it('refuses an unknown API with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--api', 'nope', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c) => (err += c));
    expect(await exitOf(child)).toBe(2);
    expect(err).toMatch(/unknown API 'nope'/);
  });
});

// A port below 1024 needs privileges: as root the CLI runs as nobody to meet the refusal for real,
// which needs a kernel that guards those ports and a checkout nobody may read.
const UNPRIVILEGED = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const PORT_START = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
const lowPortsGuarded = () => existsSync(PORT_START) && Number(readFileSync(PORT_START, 'utf8')) > 80;
const runsUnprivileged = () => spawnSync(process.execPath, [CLI, '--version'], { ...UNPRIVILEGED, timeout: 15000 }).status === 0;

describeIfInstalled(
  'standin serve on a port it may not open (built CLI)',
  lowPortsGuarded() && runsUnprivileged(),
  `needs ${PORT_START} above 80 and, as root, a checkout user nobody can read`,
  () => {
    it('says it is not allowed and which flag to change, exit 2', () => {
      const run = spawnSync(process.execPath, [CLI, 'serve', '--port', '80'], { ...UNPRIVILEGED, encoding: 'utf8', timeout: 15000 });
      expect({ status: run.status, stderr: run.stderr }).toEqual({
        status: 2,
        stderr: 'standin: cannot listen on 127.0.0.1:80: not allowed to open it (below 1024 needs privileges): give another with --port N\n',
      });
    });
  },
);

describe('standin serve --api-port (built CLI)', () => {
  it('prints each listener, serves the API at the root of its port, and exits 0 on SIGTERM', async () => {
    const { child, url, output } = await start(['serve', '--port', '0', '--api-port', 'ignisign=0']);
    try {
      const line = /ignisign listening on (http:\/\/\S+) \(at the root\)/;
      // The line after the main one may arrive in a later chunk.
      for (let i = 0; i < 50 && !line.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
      const ignisign = line.exec(output())?.[1];
      expect(ignisign).toBeDefined();
      const res = await fetch(`${ignisign}/v4/applications/appId_demo/context`, { headers: { authorization: 'Bearer skv2_development_demo_devsecret' } });
      expect(res.status).toBe(200);
      expect((await fetch(`${url}/ignisign/v4/applications/appId_demo/context`)).status).toBe(401);
      expect(output()).toContain(`ignisign at the root of ${ignisign}`);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it.each([
    [['--api-port', 'nope=4556'], /unknown API 'nope' for --api-port/],
    [['--api-port', 'ignisign=70000'], /--api-port ignisign must be an integer from 0 to 65535 \(got '70000'\)/],
    [['--api-port', 'ignisign=4556', '--api-port', 'ignisign=4557'], /'ignisign' is given twice/],
    [['--api-port', 'ignisign=4010'], /api port 4010 for 'ignisign' is already the main port/],
  ])('refuses %j with a clear message and exit code 2', async (args, message) => {
    const child = spawn(process.execPath, [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c) => (err += c));
    expect(await exitOf(child)).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('--api-port NAME=PORT', () => {
  it('maps each flag onto apiPorts', () => {
    expect(serveConfig(['--api-port', 'ignisign=4556', '--api-port', 'losant=0'], {}).apiPorts).toEqual({ ignisign: 4556, losant: 0 });
    expect(serveConfig([], {}).apiPorts).toBeUndefined();
  });

  it.each<[string[], RegExp]>([
    [['ignisign'], /--api-port takes NAME=PORT, e.g. ignisign=4556 \(got 'ignisign'\)/],
    [['=4556'], /--api-port takes NAME=PORT, e.g. ignisign=4556 \(got '=4556'\)/],
    [['nope=4556'], /unknown API 'nope' for --api-port: expected one of ignisign, altr, signatures, losant, droplit/],
    [['ignisign=4556', 'ignisign=4557'], /'ignisign' is given twice \(one port per API\)/],
    [['ignisign='], /--api-port ignisign must be an integer from 0 to 65535 \(got ''\)/],
    [['ignisign=-1'], /got '-1'/],
    [['ignisign=65536'], /got '65536'/],
    [['ignisign=4e3'], /got '4e3'/],
    [['ignisign=4556=1'], /got '4556=1'/],
  ])('refuses %j', (values, message) => {
    expect(() => apiPorts(values)).toThrow(message);
  });

  it('startServing prints the main URL, then each API port with its URL, and the route table lists its routes', async () => {
    let printed = '';
    const server = await startServing(['--port', '0', '--api-port', 'ignisign=0', '--api-port', 'signatures=0'], {}, (text) => (printed += text));
    try {
      const { main, apis } = server.urls();
      expect(printed).toContain(
        `\n\nstandin listening on ${main}\nignisign listening on ${apis.ignisign} (at the root)\nsignatures listening on ${apis.signatures} (at the root)\n`,
      );
      expect(printed).toContain(
        `ignisign at the root of ${apis.ignisign} (--api-port; same state as the main port, no /__admin)\n  POST   /v4/applications/{appId}/envs/{appEnv}/log-capsules  createLogCapsule`,
      );
      expect((await fetch(`${apis.signatures}/signatures`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('serveConfig', () => {
  it('maps flags and environment onto the config, flags first', () => {
    expect(serveConfig(['--port', '5000', '--api', 'altr', '--validate-responses', 'warn'], { PORT: '6000', STANDIN_ADMIN_TOKEN: 't' })).toMatchObject({
      port: 5000,
      root: 'altr',
      responseValidation: 'warn',
      adminToken: 't',
    });
    expect(serveConfig([], { PORT: '6000', HOST: '0.0.0.0' })).toMatchObject({ port: 6000, host: '0.0.0.0' });
    expect(() => serveConfig(['--port', 'abc'], {})).toThrow("--port must be an integer from 0 to 65535 (got 'abc')");
    expect(() => serveConfig(['--bogus'], {})).toThrow();
  });
});

describe('serve: where state lives', () => {
  it('maps --data-dir, --state and --workers (and their environment) onto the config', () => {
    expect(serveConfig(['--data-dir', '/d', '--workers', '1'], {})).toMatchObject({ dataDir: '/d', workers: 1 });
    expect(serveConfig([], { STANDIN_STATE: 'redis://h:1' })).toMatchObject({ state: 'redis://h:1' });
    expect(serveConfig([], { STANDIN_DATA_DIR: '/e' })).toMatchObject({ dataDir: '/e' });
  });

  it.each<[string[], RegExp]>([
    [['--data-dir', '/d', '--state', 'redis://127.0.0.1:6379'], /--data-dir and --state .* give one/],
    [['--state', 'http://127.0.0.1:6379'], /--state takes redis:\/\/HOST:PORT\[\/DB\], got http:\/\/127.0.0.1:6379/],
    [['--state', 'redis://:hunter2@127.0.0.1:6379/x'], /got redis:\/\/:\*\*\*@127.0.0.1:6379\/x$/],
    [['--state', 'not a url'], /--state takes redis/],
    [['--workers', '0'], /--workers must be an integer from 1 to 64 \(got '0'\)/],
    [['--workers', '65', '--state', 'redis://h:1'], /from 1 to 64 \(got '65'\)/],
    [['--workers', '2'], /--workers 2 needs --state redis:\/\/HOST:PORT: .* memory or --data-dir state cannot be shared/],
    [['--workers', '2', '--data-dir', '/d'], /--workers 2 needs --state/],
  ])('refuses %j', (argv, message) => {
    expect(() => createApp(serveConfig(argv, {}))).toThrow(message);
  });

  it('the banner says where state lives, and never a Redis password', () => {
    expect(stateLine({ workers: 1 })).toBe('state: memory');
    expect(stateLine({ workers: 1, dataDir: '/var/standin' })).toBe('state: data dir /var/standin (fsync per batch)');
    expect(stateLine({ workers: 3, state: 'redis://:hunter2@127.0.0.1:6379/2' })).toBe('state: redis redis://:***@127.0.0.1:6379/2, 3 workers');
  });

  it('the built CLI exits 2 with the fix named for --workers without --state, and for both stores at once', async () => {
    for (const args of [
      ['--workers', '2'],
      ['--data-dir', '/tmp/x', '--state', 'redis://127.0.0.1:1'],
    ]) {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (c) => (err += c));
      expect(await exitOf(child)).toBe(2);
      expect(err).toMatch(/needs --state redis|give one/);
    }
  });

  it('prints state: memory in the banner', async () => {
    const { child, output } = await start(['serve', '--port', '0']);
    try {
      for (let i = 0; i < 50 && !/state: memory/.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output()).toMatch(/\nstate: memory\n/);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

describe('standin verify-capsule (built CLI)', () => {
  const hash = 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=';

  async function capsuleToken(): Promise<string> {
    const res = await request(createApp({ apis: ['ignisign'] }).app)
      .post('/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules')
      .set('authorization', 'Bearer skv2_development_demo_devsecret')
      .send({ hashSha256_b64: hash });
    expect(res.status).toBe(201);
    return res.body.timestamp_b64;
  }

  function verify(args: string[]): { code: number; out: string } {
    try {
      return { code: 0, out: execFileSync(process.execPath, [CLI, 'verify-capsule', ...args], { encoding: 'utf8' }) };
    } catch (e: any) {
      return { code: e.status, out: String(e.stdout) };
    }
  }

  it('accepts a token the mock issued, for the hash it was issued over', async () => {
    const token = await capsuleToken();
    const ok = verify([token, '--hash', hash]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true });
  });

  it('refuses the token for another hash, and a tampered token', async () => {
    const token = await capsuleToken();
    expect(verify([token, '--hash', 'A'.repeat(43) + '=']).code).toBe(1);
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    const tampered = Buffer.from(JSON.stringify({ ...decoded, genTime: '2000-01-01T00:00:00.000Z' })).toString('base64');
    const bad = verify([tampered]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, reason: 'badSignature' });
  });
});

describe('--help and --version (built CLI)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 15000 });
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

  it.each<[string[], string]>([
    [['--help'], USAGE],
    [['-h'], USAGE],
    [['serve', '--help'], SERVE_USAGE],
    [['serve', '--port', 'nope', '-h'], SERVE_USAGE],
    [['--port', '0', '--help'], SERVE_USAGE],
    [['verify-capsule', '--help'], VERIFY_CAPSULE_USAGE],
    [['contract', '--help'], CONTRACT_USAGE],
    [['proxy', '--help'], PROXY_USAGE],
    [['replay', '-h'], REPLAY_USAGE],
  ])('%j prints the usage and exits 0', (args, usage) => {
    const result = run(args);
    expect(result.stdout).toBe(usage);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('each usage lists its flags; the top-level one names every command', () => {
    for (const flag of ['--port', '--body-limit', '--journal-size', '--journal-bytes', '--max-namespaces', '--workers', '--now', '--help'])
      expect(SERVE_USAGE).toContain(flag);
    for (const flag of ['--hash', '--public-key', '--help']) expect(VERIFY_CAPSULE_USAGE).toContain(flag);
    for (const command of ['serve', 'contract', 'proxy', 'replay', 'verify-capsule', '--version']) expect(USAGE).toContain(`standin ${command}`);
  });

  it.each([['--version'], ['-v']])('%s prints the version from package.json and exits 0', (flag) => {
    const result = run([flag]);
    expect(result.stdout).toBe(`${pkg.version}\n`);
    expect(result.status).toBe(0);
  });
});

describe('--now while ALTR is served (built CLI)', () => {
  it('says once on stderr that ALTR follows the pinned clock; not with --api ignisign', async () => {
    const withAltr = await start(['serve', '--port', '0', '--now', '2024-07-29T15:51:28.071Z']);
    const alone = await start(['serve', '--port', '0', '--api', 'ignisign', '--now', '2024-07-29T15:51:28.071Z']);
    try {
      for (let i = 0; i < 50 && !/state: memory/.test(withAltr.output() + alone.output()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(withAltr.output().match(/^warning: --now .* also pins ALTR's clock.*$/gm)).toHaveLength(1);
      expect(alone.output()).not.toMatch(/ALTR/);
    } finally {
      withAltr.child.kill('SIGTERM');
      alone.child.kill('SIGTERM');
      await Promise.all([exitOf(withAltr.child), exitOf(alone.child)]);
    }
  });
});
