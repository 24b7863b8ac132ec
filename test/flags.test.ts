import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowWarning, serveConfig } from '../src/cli';
import { createApp } from '../src/server';
import { apiNameFlag, choiceFlag, FlagError, intFlag, parseFlags, portFlag, readJsonFile, wantsHelp } from '../src/flagValues';
import { proxyOptions } from '../src/proxy/cli';

// Every numeric and enum flag of serve, proxy and replay: a bad value is one line naming the flag,
// the value and the range, and the built CLI exits 2 with it.
const CLI = join(__dirname, '..', 'dist', 'src', 'cli.js');

describe('flag values', () => {
  it('intFlag takes decimal integers within range and names flag, value and range otherwise', () => {
    const range = { min: 1, max: 1073741824, unit: 'bytes' };
    expect(intFlag('--body-limit', '64', range)).toBe(64);
    expect(intFlag('--n', '-3', { min: -5 })).toBe(-3);
    expect(() => intFlag('--body-limit', '-5', range)).toThrow(new FlagError("--body-limit must be an integer from 1 to 1073741824 bytes (got '-5')"));
    for (const raw of [undefined, '', '1.5', '12abc', '0x10', '1e3', ' ', '99999999999999999999'])
      expect(() => intFlag('--body-limit', raw, range)).toThrow(FlagError);
    expect(() => intFlag('--n', undefined, { min: 0 })).toThrow('--n must be an integer of at least 0 (got no value)');
  });

  it('portFlag is 0-65535; apiNameFlag and choiceFlag list what would do', () => {
    expect(portFlag('--port', '0')).toBe(0);
    expect(portFlag('--port', '65535')).toBe(65535);
    for (const raw of ['-1', '65536', 'abc']) expect(() => portFlag('--port', raw)).toThrow(`--port must be an integer from 0 to 65535 (got '${raw}')`);
    expect(apiNameFlag('--api', 'altr', ['altr', 'losant'])).toBe('altr');
    expect(() => apiNameFlag('--api', 'foo', ['ignisign', 'altr'])).toThrow("unknown API 'foo' for --api: expected one of ignisign, altr");
    expect(() => choiceFlag('--validate-responses', 'loud', ['strict', 'warn', 'off'])).toThrow(
      "--validate-responses must be one of strict, warn, off (got 'loud')",
    );
  });

  it('parseFlags turns parseArgs refusals into one FlagError line, and reads --port -1 as a value to range-check', () => {
    const options = { port: { type: 'string' }, quiet: { type: 'boolean' } } as const;
    expect(() => parseFlags('serve', ['--nope'], options)).toThrow(new FlagError("serve: Unknown option '--nope' (serve --help lists the flags)"));
    expect(() => parseFlags('serve', ['--port'], options)).toThrow(FlagError);
    expect(parseFlags('serve', ['--port', '-1'], options).values.port).toBe('-1');
    expect(wantsHelp(['--port', 'x', '-h'])).toBe(true);
    expect(wantsHelp(['--', '--help'])).toBe(false);
  });

  it('readJsonFile names a missing file, and a broken one with its line and column, never quoting its contents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-flags-'));
    const broken = join(dir, 'live.json');
    writeFileSync(broken, '{\n  "apis": {\n    "losant": { "token": "secret-token-123", }\n  }\n}\n');
    expect(() => readJsonFile('--config', join(dir, 'missing.json'))).toThrow(`--config ${join(dir, 'missing.json')}: no such file`);
    expect(() => readJsonFile('--config', broken)).toThrow(`--config ${broken}: not valid JSON, at line 3 column 46`);
    try {
      readJsonFile('--config', broken);
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
    writeFileSync(broken, '{"apis": ');
    expect(() => readJsonFile('--config', broken)).toThrow('not valid JSON, ends early');
    writeFileSync(broken, '{"apis": {}} x');
    expect(() => readJsonFile('--config', broken)).toThrow('at line 1 column 14');
  });
});

describe('serve, proxy and replay values', () => {
  it.each<[string[], string]>([
    [['--body-limit=-5'], "--body-limit must be an integer from 1 to 1073741824 bytes (got '-5')"],
    [['--body-limit', 'lots'], "--body-limit must be an integer from 1 to 1073741824 bytes (got 'lots')"],
    [['--journal-size=-3'], "--journal-size must be an integer from 0 to 1000000 requests (got '-3')"],
    [['--journal-bytes=-1'], "--journal-bytes must be an integer from 0 to 1073741824 bytes (got '-1')"],
    [['--max-namespaces', '0'], "--max-namespaces must be an integer from 1 to 1000000 (got '0')"],
    [['--seed', '1.5'], "--seed must be an integer from 0 to 4294967295 (got '1.5')"],
    [['--port', '-1'], "--port must be an integer from 0 to 65535 (got '-1')"],
    [['--port', '65536'], "--port must be an integer from 0 to 65535 (got '65536')"],
    [['--port', 'abc'], "--port must be an integer from 0 to 65535 (got 'abc')"],
    [['--api', 'foo'], "unknown API 'foo' for --api: expected one of ignisign, altr, signatures, losant, droplit"],
    [['--api-port', 'foo=1'], "unknown API 'foo' for --api-port"],
    [['--api-port', 'losant=70000'], "--api-port losant must be an integer from 0 to 65535 (got '70000')"],
    [['--workers', '0'], "--workers must be an integer from 1 to 64 (got '0')"],
    [['--validate-responses', 'loud'], '--validate-responses must be one of strict, warn, off'],
    [['--now', 'yesterday'], "--now must be an ISO 8601 instant such as 2024-07-29T15:51:28.071Z (got 'yesterday')"],
  ])('serve %j', (argv, message) => {
    expect(() => serveConfig(argv, {})).toThrow(message);
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ PORT: '70000' }, "PORT (environment) must be an integer from 0 to 65535 (got '70000')"],
    [{ STANDIN_SEED: 'x' }, 'STANDIN_SEED (environment) must be an integer'],
    [{ STANDIN_MAX_NAMESPACES: '-2' }, "STANDIN_MAX_NAMESPACES (environment) must be an integer from 1 to 1000000 (got '-2')"],
  ])('serve with env %j', (env, message) => {
    expect(() => serveConfig([], env)).toThrow(message);
  });

  it('createApp refuses the same values from code', () => {
    expect(() => createApp({ bodyLimit: -5 })).toThrow("bodyLimit must be an integer from 1 to 1073741824 bytes (got '-5')");
    expect(() => createApp({ journalSize: -3 })).toThrow('journalSize must be an integer from 0');
    expect(() => createApp({ journalBytes: 1.5 })).toThrow('journalBytes must be an integer');
    expect(() => createApp({ now: 'soon' })).toThrow('now must be an ISO 8601 instant');
    // What --now refuses, createApp refuses too: Date.parse alone would read '1' as 2001.
    expect(() => createApp({ now: '1' })).toThrow("now must be an ISO 8601 instant such as 2024-07-29T15:51:28.071Z (got '1')");
  });

  it.each<[string[], string]>([
    [['--body-limit=-5'], "--body-limit must be an integer from 1 to 1073741824 bytes (got '-5')"],
    [['--journal-size=-3'], '--journal-size must be an integer from 0 to 1000000'],
    [['--journal-bytes', 'x'], '--journal-bytes must be an integer'],
    [['--port', '-1'], "--port must be an integer from 0 to 65535 (got '-1')"],
    [['--port', '65536'], '--port must be an integer from 0 to 65535'],
  ])('proxy %j', (argv, message) => {
    expect(() => proxyOptions(['--api', 'losant', '--upstream', 'http://127.0.0.1:1', ...argv], {})).toThrow(message);
  });

  it('proxy names an unknown API, a URL that is not http(s), and a broken --config file', () => {
    expect(() => proxyOptions(['--api', 'foo', '--upstream', 'http://x'], {})).toThrow("unknown API 'foo' for --api");
    expect(() => proxyOptions(['--api', 'losant', '--upstream', 'localhost:4010'], {})).toThrow(
      '--upstream (for --api losant) must be an http:// or https:// URL',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'standin-flags-')), 'c.json');
    writeFileSync(file, '{"apis": {"losant": {"baseUrl": "http://x"}}');
    expect(() => proxyOptions(['--config', file], {})).toThrow(`--config ${file}: not valid JSON, ends early`);
  });
});

describe('--now and ALTR', () => {
  const far = '2024-07-29T15:51:28.071Z';
  it('warns in one line when --now pins ALTR far from the real time, not when ALTR is not served or the pin is near', () => {
    const line = nowWarning({ now: far, apis: ['ignisign', 'altr'] });
    expect(line).toMatch(/^warning: --now 2024-07-29T15:51:28\.071Z also pins ALTR's clock.*15 minutes.*PUT \/__admin\/clock.*--api ignisign/);
    expect(line).not.toContain('\n');
    expect(nowWarning({ now: far, apis: ['ignisign'] })).toBeUndefined();
    expect(nowWarning({ now: new Date().toISOString(), apis: ['altr'] })).toBeUndefined();
    expect(nowWarning({ apis: ['altr'] })).toBeUndefined();
  });
});

describe('the built CLI on bad values', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 15000, env: { ...process.env, PORT: '', ...env } });

  it.each<[string[], NodeJS.ProcessEnv, RegExp]>([
    [['serve', '--body-limit=-5'], {}, /^standin: --body-limit must be an integer from 1 to 1073741824 bytes \(got '-5'\)\n$/],
    [['serve', '--port', '-1'], {}, /^standin: --port must be an integer from 0 to 65535 \(got '-1'\)\n$/],
    [['--api', 'foo'], {}, /^standin: unknown API 'foo' for --api: expected one of ignisign, altr, signatures, losant, droplit\n$/],
    [['serve', '--nope'], {}, /^standin: serve: Unknown option '--nope' \(serve --help lists the flags\)\n$/],
    [['serve'], { STANDIN_MAX_NAMESPACES: '0' }, /^standin: STANDIN_MAX_NAMESPACES \(environment\) must be an integer from 1 to 1000000 \(got '0'\)\n$/],
    [['proxy', '--api', 'losant', '--upstream', 'http://x', '--journal-size=-3'], {}, /^standin: --journal-size must be an integer from 0 to 1000000 requests/],
    [['replay', 'dir', '--api', 'foo'], {}, /^standin: unknown API 'foo' for --api/],
    [['verify-capsule'], {}, /^standin: verify-capsule takes one timestamp_b64 argument/],
  ])('%j exits 2 with one line', (args, env, stderr) => {
    const result = run(args, env);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});
