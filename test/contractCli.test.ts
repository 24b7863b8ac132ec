import { spawnSync } from 'node:child_process';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_FLAGS, CONTRACT_USAGE, type ContractIo, contractMain, contractOptions } from '../src/contract/cli';
import { FlagError } from '../src/flagValues';

// `standin contract`'s flags: --help lists every one and exits 0; an unknown flag or a bad value
// (unknown API, bad number, malformed URL, a --config file that is not JSON) is a FlagError, which
// the top-level CLI prints as one line and exit 2; a target that is not standin gets the demo
// credentials unless --config gives others; --quiet silences progress.

function io() {
  const captured = { out: '', err: '' };
  const value: ContractIo = {
    stdout: (t) => void (captured.out += t),
    stderr: (t) => void (captured.err += t),
    isTTY: false,
    now: Date.now,
    preflightTimeoutMs: 5000,
  };
  return { io: value, captured };
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'standin-contract-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('standin contract --help', () => {
  test('prints every flag and exits 0, whatever else is on the line', async () => {
    for (const argv of [['--help'], ['-h'], ['--api', 'nope', '--help']]) {
      const { io: sink, captured } = io();
      expect(await contractMain(argv, {}, sink)).toBe(0);
      expect(captured.out).toBe(CONTRACT_USAGE);
    }
    for (const flag of Object.keys(CONTRACT_FLAGS)) expect(CONTRACT_USAGE).toMatch(new RegExp(`^ +(-h, )?--${flag}\\b`, 'm'));
    expect(CONTRACT_USAGE).toContain('--base-url NAME=URL');
  });
});

describe('standin contract flag errors', () => {
  const refused = (argv: string[]) => {
    try {
      contractOptions(argv, {});
    } catch (err) {
      expect(err).toBeInstanceOf(FlagError);
      return (err as Error).message;
    }
    throw new Error(`accepted: ${argv.join(' ')}`);
  };

  test('unknown flags and flags without their value', () => {
    expect(refused(['--nope'])).toMatch(/^contract: Unknown option '--nope' \(contract --help lists the flags\)$/);
    expect(refused(['--junit'])).toMatch(/^contract: Option '--junit <value>' argument missing/);
  });

  test('unknown API names, in --api and in --base-url NAME=URL, with the valid ones', () => {
    const known = 'expected one of ignisign, altr, signatures, losant, droplit';
    expect(refused(['--api', 'nope'])).toBe(`unknown API 'nope' for --api: ${known}`);
    expect(refused(['--base-url', 'nope=http://127.0.0.1:4011'])).toBe(`unknown API 'nope' for --base-url NAME=URL: ${known}`);
  });

  test('bad numbers: the range', () => {
    for (const bad of ['0', '-5', '1.5', '12abc', '', '2000000000'])
      expect(refused([`--body-limit=${bad}`])).toMatch(/^--body-limit must be an integer from 1 to 1073741824 bytes \(got /);
  });

  test('URLs and prefixes that cannot work together', () => {
    expect(refused(['--base-url', 'http://a', '--base-url', 'http://b'])).toMatch(/given twice/);
    expect(refused(['--base-url', 'losant=http://a', '--base-url', 'losant=http://b'])).toMatch(/--base-url losant=URL is given twice/);
    expect(refused(['--base-url', 'http://a', '--no-prefix'])).toMatch(/^--no-prefix serves one API at the URL's root: name it with --api NAME \(got 5 APIs\)/);
    expect(refused(['--no-prefix', '--api', 'losant'])).toMatch(/^--no-prefix applies to a plain --base-url URL/);
    expect(refused(['--base-url', 'losant=http://a', '--api', 'droplit'])).toBe(
      "no URL for API 'droplit': give --base-url droplit=URL (or leave it out of --api)",
    );
  });

  test('a --config file that is missing or not JSON is named, with the line and column', () => {
    expect(refused(['--config', join(dir, 'absent.json')])).toBe(`--config ${join(dir, 'absent.json')}: no such file`);
    const broken = file('broken.json', '{\n  "apis": {\n    "losant": { "token": "tok-secret-1", }\n  }\n}\n');
    const message = refused(['--config', broken]);
    expect(message).toBe(`--config ${broken}: not valid JSON, at line 3 column 42`);
    expect(message).not.toContain('tok-secret-1');
    expect(refused(['--config', file('array.json', '[]')])).toMatch(/must hold a JSON object/);
    expect(refused(['--config', file('badurl.json', '{"apis":{"losant":{"baseUrl":"api.losant.com"}}}'), '--api', 'losant'])).toMatch(
      /^apis\.losant\.baseUrl of --config .*badurl\.json must be an http:\/\/ or https:\/\/ URL .*did you mean http:\/\/api\.losant\.com\?\)$/,
    );
  });

  test('NAME=URL alone runs only the APIs it names, in registry order', () => {
    const { plan } = contractOptions(['--base-url', 'droplit=http://127.0.0.1:1/x/', '--base-url', 'losant=http://127.0.0.1:2'], {});
    expect(plan.apis).toEqual(['losant', 'droplit']);
    expect(plan.endpoints).toEqual({
      losant: { url: 'http://127.0.0.1:2', origin: 'http://127.0.0.1:2', from: 'named', given: 'http://127.0.0.1:2' },
      droplit: { url: 'http://127.0.0.1:1/x', origin: 'http://127.0.0.1:1', from: 'named', given: 'http://127.0.0.1:1/x' },
    });
  });
});

describe('a target that is not standin: its credentials', () => {
  let server: Server;
  let url: string;
  const seen: IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  beforeAll(async () => {
    // Not a standin: answers everything 404 in Losant's envelope, and remembers what it was sent.
    server = createHttpServer((req, res) => {
      seen.push(req.headers);
      paths.push(req.url ?? '');
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"type":"NotFound","message":"not here"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  beforeEach(() => ((seen.length = 0), (paths.length = 0)));

  const run = (extra: string[], env: NodeJS.ProcessEnv = {}) => {
    const { io: sink, captured } = io();
    const args = ['--base-url', `losant=${url}`, '--schema-only', '--grep', 'listApplicationCertificates', '--coverage-file', join(dir, 'cov.json'), ...extra];
    return contractMain(args, env, sink).then((code) => ({ code, ...captured }));
  };

  test('the demo credentials by default; no standin namespace header', async () => {
    const { out } = await run(['--quiet']);
    expect(out).toContain('losant: 1 passed');
    const apiCalls = seen.filter((_, i) => !paths[i].startsWith('/__admin'));
    expect(apiCalls.length).toBeGreaterThan(0);
    for (const h of apiCalls) {
      expect(h.authorization).toMatch(/^Bearer losant-demo-all$/);
      expect(h['x-standin-namespace']).toBeUndefined();
    }
  });

  test("--config's credentials for the API, and its variables, with the URL from the flag", async () => {
    const config = file(
      'live.json',
      JSON.stringify({ apis: { losant: { baseUrl: 'http://127.0.0.1:9', token: 'live-token-abc', applicationId: 'app-from-config' } } }),
    );
    const { code, out } = await run(['--config', config, '--quiet']);
    expect(code).toBe(0);
    expect(out).not.toContain('live-token-abc');
    const api = seen.filter((_, i) => !paths[i].startsWith('/__admin'));
    expect(api.map((h) => h.authorization)).toEqual(api.map(() => 'Bearer live-token-abc'));
    expect(paths.filter((p) => !p.startsWith('/__admin')).every((p) => p.startsWith('/applications/app-from-config/'))).toBe(true);
    await run(['--config', config, '--quiet'], { STANDIN_CONTRACT_LOSANT_TOKEN: 'from-env-xyz' });
    expect(seen.filter((_, i) => !paths[i].startsWith('/__admin')).map((h) => h.authorization)).toContain('Bearer from-env-xyz');
  });

  test('credentials only half given: the API is skipped saying which field is missing', async () => {
    const config = file('half.json', JSON.stringify({ apis: { losant: { token: 'only-a-token' } } }));
    const { code, out } = await run(['--config', config, '--quiet']);
    expect(out).toContain('losant: SKIPPED, incomplete credentials: set apis.losant.applicationId or STANDIN_CONTRACT_LOSANT_APPLICATION_ID');
    expect(code).toBe(2);
  });

  test('progress on stderr unless --quiet; the summary on stdout either way', async () => {
    const loud = await run([]);
    expect(loud.err).toMatch(
      /^standin contract: http:\/\/127\.0\.0\.1:\d+ for losant: not a standin \(GET \/__admin\/health answered 404 application\/json\)\nlosant: 1 scenarios\nlosant: 1\/1 \(100%\) 1 passed, 0 failed, 0 skipped, [\d.]+ s\n$/,
    );
    const quiet = await run(['--quiet']);
    expect(quiet.err).toBe('');
    const body = (s: string) => s.replace(/\d+\.\d+ s/g, '');
    expect(body(quiet.out)).toBe(body(loud.out));
  });
});

describe('the built CLI (as a user runs it)', () => {
  const CLI = join(__dirname, '..', 'dist', 'src', 'cli.js');
  const standin = (...args: string[]) => spawnSync(process.execPath, [CLI, 'contract', ...args], { encoding: 'utf8', timeout: 20000 });

  test('nothing listening at --base-url: one line on stderr, nothing on stdout, exit 2', () => {
    const r = standin('--base-url', 'http://127.0.0.1:9');
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'standin contract: cannot check http://127.0.0.1:9 (for ignisign, altr, signatures, losant, droplit): nothing is listening at 127.0.0.1:9 (connection refused)\n',
    });
  });

  test('a flag error is `standin: <message>` and exit 2; --help exit 0', () => {
    const bad = standin('--base-url', '127.0.0.1:9');
    expect({ status: bad.status, stdout: bad.stdout }).toEqual({ status: 2, stdout: '' });
    expect(bad.stderr).toBe(
      "standin: --base-url must be an http:// or https:// URL such as http://127.0.0.1:4010 (got '127.0.0.1:9': no scheme, did you mean http://127.0.0.1:9?)\n",
    );
    const help = standin('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(CONTRACT_USAGE);
  });
});
