import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli';
import { PROXY_USAGE, proxyOptions, REPLAY_USAGE, startProxy } from '../src/proxy/cli';
import { createProxy } from '../src/proxy/proxyServer';
import { createServer, type StandinServer } from '../src/server';
import { runCli, startCli } from './support/cliProcess';

// `standin proxy` and `standin replay` as a user starts them: flags, --config, --help, exit codes.

describe('standin proxy and replay commands', () => {
  let standin: StandinServer;
  const dirs: string[] = [];

  beforeAll(async () => {
    standin = createServer({ port: 0 });
    await standin.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await standin.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('each --upstream belongs to the --api before it; one pair is served at the root unless --prefixed', () => {
    const two = proxyOptions(
      ['--api', 'losant', '--upstream', 'https://api.losant.com', '--api=droplit', '--upstream=https://ioe.droplit.io', '--port', '0'],
      {},
    );
    expect(two.pairs.map((p) => [p.api, p.upstream])).toEqual([
      ['losant', 'https://api.losant.com'],
      ['droplit', 'https://ioe.droplit.io'],
    ]);
    expect(two.root).toBe(false);
    expect(proxyOptions(['--api', 'losant', '--upstream', 'http://x'], {}).root).toBe(true);
    expect(proxyOptions(['--api', 'losant', '--upstream', 'http://x', '--prefixed'], {}).root).toBe(false);
    expect(() => proxyOptions(['--upstream', 'http://x', '--api', 'losant'], {})).toThrow('each --upstream URL follows the --api NAME');
    expect(() => proxyOptions(['--api', 'losant'], {})).toThrow('--api losant needs an --upstream URL');
    expect(() => proxyOptions([], {})).toThrow('proxy needs --api NAME --upstream URL');
    expect(() => proxyOptions(['--api', 'losant', '--upstream', 'http://x', '--port', '70000'], {})).toThrow(
      "--port must be an integer from 0 to 65535 (got '70000')",
    );
    expect(() => createProxy(proxyOptions(['--api', 'nope', '--upstream', 'http://x'], {}))).toThrow("unknown API 'nope'");
    expect(() => createProxy(proxyOptions(['--api', 'losant', '--upstream', 'ftp://x'], {}))).toThrow(
      '--upstream (for --api losant) must be an http:// or https:// URL',
    );
  });

  test('--config proxies every API with a baseUrl, and names its live credentials in what is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-proxy-cli-'));
    dirs.push(dir);
    const config = join(dir, 'live.json');
    writeFileSync(
      config,
      JSON.stringify({ apis: { losant: { baseUrl: `${standin.url()}/losant`, token: 'live-token-0123456789', applicationId: 'a' }, droplit: {} } }),
    );
    const options = proxyOptions(['--config', config, '--port', '0'], { STANDIN_CONTRACT_LOSANT_READ_TOKEN: 'live-read-0123456789' });
    expect(options.pairs.map((p) => p.api)).toEqual(['losant']);
    const lines: string[] = [];
    const proxy = await startProxy(
      ['--config', config, '--port', '0', '--record', join(dir, 'rec')],
      { STANDIN_CONTRACT_LOSANT_READ_TOKEN: 'live-read-0123456789' },
      (t) => lines.push(t),
    );
    try {
      expect(lines.join('')).toMatch(/standin proxy listening on http:\/\/127\.0\.0\.1:\d+\n {2}\/losant -> http:\/\/127\.0\.0\.1:\d+\/losant \(losant\)/);
      await fetch(`${proxy.url()}/losant/applications/575ec8687ae143cd83dc4a97/certificates`, { headers: { authorization: 'Bearer live-read-0123456789' } });
      await proxy.settled();
      const text = await (await fetch(`${proxy.url()}/__admin/journal`)).text();
      expect(text).not.toContain('live-read-0123456789');
      expect(JSON.parse(text).entries[0].request.headers.authorization).toBe('Bearer ***');
      const [file] = readdirSync(join(dir, 'rec'));
      expect(file).toBe('000001-losant-listApplicationCertificates.json');
      // The recording names the live credential, so a replay can send the target's of the same kind.
      expect(JSON.parse(readFileSync(join(dir, 'rec', file), 'utf8')).request.headers.authorization).toBe('Bearer {{credential.readToken}}');
    } finally {
      await proxy.close();
    }
    expect(() => proxyOptions(['--config', config, '--api', 'droplit'], {})).toThrow('--config has no apis.droplit.baseUrl');
  });

  test('--help prints each command’s usage and exits 0', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      expect(await main(['proxy', '--help'])).toBe(0);
      expect(await main(['replay', '-h'])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual([PROXY_USAGE, REPLAY_USAGE]);
  });

  test('the built CLI: standin proxy forwards and records, standin replay exits 0 on a faithful recording, 2 on an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-proxy-cli-'));
    dirs.push(dir);
    const rec = join(dir, 'rec');
    const proxy = await startCli(['proxy', '--api', 'losant', '--upstream', `${standin.url()}/losant`, '--port', '0', '--record', rec]);
    try {
      const res = await fetch(`${proxy.url}/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96`, {
        headers: { authorization: 'Bearer losant-demo-all' },
      });
      expect(res.status).toBe(200);
    } finally {
      proxy.child.kill('SIGTERM');
    }
    expect(await proxy.exited).toBe(0);
    expect(readdirSync(rec)).toEqual(['000001-losant-getApplicationCertificate.json']);
    const replayed = await runCli(['replay', rec]);
    expect(replayed.code).toBe(0);
    expect(replayed.output).toContain('1 exchanges: 1 same, 0 differ, 0 not sent');
    expect((await runCli(['replay', dir])).code).toBe(2);
  });
});
