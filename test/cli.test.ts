import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { serveConfig } from '../src/cli';

// Runs the built CLI (npm test builds first) the way a user does: start, answer, stop on a signal.
const CLI = join(__dirname, '..', 'dist', 'cli.js');

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
      expect((await res.json()).status).toBe(true);
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

describe('serveConfig', () => {
  it('maps flags and environment onto the config, flags first', () => {
    expect(serveConfig(['--port', '5000', '--api', 'altr', '--validate-responses', 'warn'], { PORT: '6000', STANDIN_ADMIN_TOKEN: 't' })).toMatchObject({
      port: 5000,
      root: 'altr',
      responseValidation: 'warn',
      adminToken: 't',
    });
    expect(serveConfig([], { PORT: '6000', HOST: '0.0.0.0' })).toMatchObject({ port: 6000, host: '0.0.0.0' });
    expect(() => serveConfig(['--port', 'abc'], {})).toThrow(/--port must be a whole number/);
    expect(() => serveConfig(['--bogus'], {})).toThrow();
  });
});
