import express from 'express';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../src/server';
import { contractMain, contractOptions } from '../src/contract/cli';

// `standin contract` as CI runs it: against a running standin, exit 0 when it is faithful, non-zero
// with a readable failure when one rule is broken; JUnit and coverage files are written.

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => ((out += String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => ((err += String(chunk)), true));
});
afterEach(() => jest.restoreAllMocks());

describe('standin contract --base-url', () => {
  it('passes against a running standin (all five APIs) and writes JUnit and coverage reports', async () => {
    const server = createServer();
    await server.listen(0, '127.0.0.1');
    const dir = mkdtempSync(join(tmpdir(), 'standin-contract-'));
    try {
      const code = await contractMain(['--base-url', server.url(), '--junit', join(dir, 'junit.xml'), '--coverage-file', join(dir, 'cov.json')]);
      expect({ code, tail: out.trim().split('\n').pop() }).toEqual({ code: 0, tail: expect.stringMatching(/^\d+ passed, 0 failed, 0 skipped$/) });
      // The preflight found a standin; progress went to stderr, one line per API at least (not a terminal here).
      expect(err).toContain(`standin contract: ${new URL(server.url()).origin} for ignisign, altr, signatures, losant, droplit: a standin serving`);
      for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit']) expect(err).toMatch(new RegExp(`^${api}: (\\d+)/\\1 \\(100%\\)`, 'm'));
      expect(out).not.toContain('drift');
      for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit']) {
        expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(new RegExp(`<testsuite name="${api}" tests="\\d+" failures="0" errors="0" skipped="0"`));
      }
      const cov = JSON.parse(readFileSync(join(dir, 'cov.json'), 'utf8'));
      expect(cov.exercised).toBe(cov.documented);
    } finally {
      await server.close();
    }
  });

  it('exits 1 with the failing rule, the check and a curl line when one rule is broken', async () => {
    const standin = createServer({ apis: ['ignisign'] });
    const broken = express();
    broken.use((req, _res, next) => {
      if ((req.headers.authorization ?? '').includes('not-a-real-secret')) req.headers.authorization = 'Bearer skv2_development_demo_devsecret';
      next();
    });
    broken.use(standin.app);
    const srv = broken.listen(0, '127.0.0.1');
    await new Promise((r) => srv.once('listening', r));
    try {
      const code = await contractMain([
        '--base-url',
        `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
        '--api',
        'ignisign',
        '--coverage-file',
        join(tmpdir(), `standin-cov-${process.pid}.json`),
      ]);
      expect(code).toBe(1);
      expect(out).toMatch(/FAIL auth: an unknown key -> 401 INVALID_TOKEN/);
      expect(out).toMatch(/reproduce: {2}curl -i -X GET 'http:\/\/127\.0\.0\.1:\d+\/ignisign\/v4\/applications\/appId_demo\/context'/);
      expect(out).not.toMatch(/not-a-real-secret/);
    } finally {
      await new Promise((r) => srv.close(r));
    }
  });
});

describe('standin contract against a target that does not share a standin choice', () => {
  // A "vendor" that answers an undocumented method 404 instead of standin's 405 + Allow.
  async function vendorLike() {
    const standin = createServer({ apis: ['signatures'] });
    const app = express();
    app.use((req, res, next) => (req.method === 'PATCH' ? void res.status(404).json({ status: false, message: 'Not found' }) : next()));
    app.use(standin.app);
    const srv = app.listen(0, '127.0.0.1');
    await new Promise((r) => srv.once('listening', r));
    const dir = mkdtempSync(join(tmpdir(), 'standin-choices-'));
    const config = join(dir, 'contract.config.json');
    writeFileSync(config, JSON.stringify({ apis: { signatures: { baseUrl: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/signatures` } } }));
    const args = [
      '--config',
      config,
      '--api',
      'signatures',
      '--grep',
      'generic: PATCH on /signature ->',
      '--coverage-file',
      join(dir, 'cov.json'),
      '--junit',
      join(dir, 'junit.xml'),
    ];
    return { args, junit: join(dir, 'junit.xml'), close: () => new Promise((r) => srv.close(r)) };
  }

  it('lists the difference under "choices: 1 differ" and exits 0; JUnit shows it without a <failure>', async () => {
    const target = await vendorLike();
    try {
      expect(await contractMain(target.args)).toBe(0);
      expect(out).toMatch(
        /\nchoices: 1 differ .*\n {2}signatures: generic: PATCH on \/signature -> 405 with Allow: GET, POST, DELETE, in the vendor's error envelope\n {7}\[behaviour\] signatures \(no operation\): PATCH on \/signature: expected status 405, got 404/,
      );
      expect(out).toContain('rule: README.md#rule-generic-405 [standin choice]');
      expect(out.trim().split('\n').pop()).toBe('0 passed, 0 failed, 0 skipped, 1 choices differ');
      // Not a standin: the drift table comes before the tally, the choice counted apart from vendor rules.
      expect(out).toMatch(
        /\ndrift per operation \(vendor rules failed \| \[standin choice\] rules not shared\):\n.*\n {2}signatures \(no operation\) +0 +1 +\[standin choice\] generic: PATCH/,
      );
      expect(out).toMatch(/0 vendor rule failures, 1 \[standin choice\] difference\n\n0 passed, 0 failed, 0 skipped, 1 choices differ\n$/);
      const xml = readFileSync(target.junit, 'utf8');
      expect(xml).toContain('<system-out>standin choice not shared by the target:');
      expect(xml).toMatch(/<testsuite name="signatures" tests="1" failures="0" errors="0" skipped="0" /);
      expect(xml).not.toContain('<failure');
    } finally {
      await target.close();
    }
  });

  it('--strict-choices makes it a failure: exit 1', async () => {
    const target = await vendorLike();
    try {
      expect(await contractMain([...target.args, '--strict-choices'])).toBe(1);
      expect(out).toMatch(/ {2}FAIL generic: PATCH on \/signature -> 405/);
      expect(out).not.toContain('choices:');
      expect(readFileSync(target.junit, 'utf8')).toMatch(/<failure type="behaviour" message="PATCH on \/signature: expected status 405, got 404">/);
    } finally {
      await target.close();
    }
  });
});

describe('standin contract with a live config', () => {
  it('skips an API without credentials, says how to provide them, and does not pass a run that checked nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-live-'));
    const config = join(dir, 'contract.config.json');
    writeFileSync(config, JSON.stringify({ apis: { losant: { baseUrl: 'http://127.0.0.1:9' } } }));
    const code = await contractMain(['--config', config, '--api', 'losant', '--coverage-file', join(dir, 'cov.json')]);
    expect(code).toBe(2);
    expect(out).toMatch(/nothing was checked/);
    expect(out).toMatch(/losant: SKIPPED, no live credentials: set apis\.losant\.token or STANDIN_CONTRACT_LOSANT_TOKEN/);
  });

  it('refuses two targets at once and unknown APIs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-two-'));
    writeFileSync(join(dir, 'c.json'), '{}');
    expect(() => contractOptions(['--base-url', 'http://x', '--config', join(dir, 'c.json')], {})).toThrow(/give one/);
    expect(() => contractOptions(['--api', 'nope'], {})).toThrow(/unknown API 'nope'/);
  });

  it('takes --strict-choices, and --body-limit for a standin target only', () => {
    expect(contractOptions(['--strict-choices', '--api', 'altr'], {}).options.strictChoices).toBe(true);
    expect(contractOptions(['--api', 'altr'], {}).options.strictChoices).toBeUndefined();
    expect(contractOptions(['--base-url', 'http://x', '--body-limit', '1024'], {}).plan).toMatchObject({
      bodyLimit: 1024,
      endpoints: { altr: { from: 'prefix' } },
    });
    expect(contractOptions(['--body-limit', '2048', '--api', 'altr'], {}).options.target).toMatchObject({ kind: 'in-process', bodyLimit: 2048 });
    for (const bad of ['0', '-1', '1e3', '0x10', 'lots'])
      expect(() => contractOptions([`--body-limit=${bad}`], {})).toThrow(/--body-limit must be an integer from 1 to 1073741824 bytes/);
    const dir = mkdtempSync(join(tmpdir(), 'standin-limit-'));
    writeFileSync(join(dir, 'c.json'), '{}');
    expect(() => contractOptions(['--config', join(dir, 'c.json'), '--body-limit', '10'], {})).toThrow(/describes a standin target/);
  });
});
