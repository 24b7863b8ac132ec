import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PrismProcess, startPrism } from '../contract-tests/testing/prism';
import { type ContractIo, contractMain } from '../src/contract/cli';
import { PACKAGE_ROOT } from '../src/paths';
import { describeIfInstalled } from './support/describeIfInstalled';

// `standin contract --schema-only` against a real `prism mock specs/losant.yaml -p <port>` with one
// command: the API named with its URL (or --no-prefix), no /losant prefix, so Prism answers every
// operation from the spec instead of 404 problem+json ("content type not documented").

const PRISM = join(PACKAGE_ROOT, 'node_modules', '.bin', 'prism');

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

const coverage = join(tmpdir(), `standin-prism-cov-${process.pid}.json`);

describeIfInstalled('standin contract --schema-only against prism mock', existsSync(PRISM), 'node_modules/.bin/prism missing: run npm ci', () => {
  let prism: PrismProcess;
  beforeAll(async () => {
    prism = await startPrism({ mode: 'mock' }, 'losant');
  }, 60000);
  afterAll(async () => {
    await prism?.stop();
  });

  test('--base-url losant=URL: every operation answered as documented, exit 0', async () => {
    const { io: sink, captured } = io();
    const code = await contractMain(['--base-url', `losant=${prism.url}`, '--schema-only', '--coverage-file', coverage], {}, sink);
    expect(captured.out).not.toMatch(/FAIL|problem\+json|not documented/);
    expect(captured.out).toMatch(/^standin contract: http:\/\/127\.0\.0\.1:\d+\n\nlosant: 5 passed, 0 failed, 0 skipped\n/);
    expect(captured.out).toContain('drift: none');
    expect(captured.out.trimEnd().split('\n').pop()).toBe('5 passed, 0 failed, 0 skipped');
    expect(code).toBe(0);
    // The preflight said what it found; progress went to stderr.
    expect(captured.err).toContain(`standin contract: ${prism.url} for losant: not a standin (GET /__admin/health answered 404 application/problem+json)`);
    expect(captured.err).toContain('losant: 5/5 (100%) 5 passed, 0 failed, 0 skipped');
  }, 60000);

  test('--base-url URL --no-prefix --api losant: the same', async () => {
    const { io: sink, captured } = io();
    expect(
      await contractMain(['--base-url', prism.url, '--no-prefix', '--api', 'losant', '--schema-only', '--quiet', '--coverage-file', coverage], {}, sink),
    ).toBe(0);
    expect(captured.out).toContain('losant: 5 passed, 0 failed, 0 skipped');
    expect(captured.err).toBe('');
  }, 60000);

  test("a plain --base-url (standin's /<api> prefixes) at Prism: one line naming the cause and the fix, exit 2, no misleading failures", async () => {
    const { io: sink, captured } = io();
    expect(await contractMain(['--base-url', prism.url, '--api', 'losant', '--schema-only', '--coverage-file', coverage], {}, sink)).toBe(2);
    expect(captured.out).toBe('');
    expect(captured.err).toBe(
      `standin contract: ${prism.url} is not a standin (GET /__admin/health answered 404 application/problem+json), so it has no /<api> prefixes: for one API at its root give --base-url NAME=${prism.url} (or --no-prefix --api NAME)\n`,
    );
  }, 60000);
});
