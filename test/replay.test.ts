import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VENDORS } from '../src/apis';
import { IdMap } from '../src/proxy/idMap';
import { createProxy } from '../src/proxy/proxyServer';
import type { RecordedExchange } from '../src/proxy/recordedExchange';
import { resendRequest } from '../src/proxy/resend';
import { makeUpstream } from '../src/proxy/upstream';
import type { Vendors } from '../src/vendor';
import { replay } from '../src/proxy/replay';
import { createServer, type StandinServer } from '../src/server';
import { PLANTED_STEPS, sendTraffic, startDeviatingVendor } from './support/deviatingVendor';

// Record through the proxy, replay against the mock: a standin upstream replays with no difference,
// the deviating one with exactly the differences planted in it.

const API_NAMES = ['ignisign', 'altr', 'signatures', 'losant', 'droplit'];

async function recordTraffic(upstream: string, dir: string): Promise<number[]> {
  const proxy = createProxy({ pairs: API_NAMES.map((api) => ({ api, upstream: `${upstream}/${api}` })), record: dir });
  await proxy.listen(0);
  try {
    return await sendTraffic(proxy.url());
  } finally {
    await proxy.close();
  }
}

describe('record and replay', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'standin-replay-'));
    dirs.push(dir);
    return dir;
  };
  let standin: StandinServer;
  let standinDir: string;
  let statuses: number[];

  beforeAll(async () => {
    standin = createServer({ port: 0 });
    await standin.listen(0, '127.0.0.1');
    standinDir = tempDir();
    statuses = await recordTraffic(standin.url(), standinDir);
  });

  afterAll(async () => {
    await standin.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('one redacted file per exchange: credentials become placeholders naming them, signatures are hidden', () => {
    const files = readdirSync(standinDir).sort();
    expect(files).toHaveLength(statuses.length);
    expect(files[0]).toBe('000001-droplit-createEnvironment.json');
    const all = files.map((f) => readFileSync(join(standinDir, f), 'utf8')).join('\n');
    for (const secret of ['droplit-demo-account', 'losant-demo-all', 'losant-demo-read', 'skv2_development_demo_devsecret', 'demo-rw-secret'])
      expect(all).not.toContain(secret);
    const first = JSON.parse(readFileSync(join(standinDir, files[0]), 'utf8'));
    expect(first).toMatchObject({ standinRecording: 1, seq: 1, api: 'droplit', operationId: 'createEnvironment', response: { status: 201 } });
    expect(first.request.headers.authorization).toBe('{{credential.accountToken}}');
    expect(JSON.parse(first.request.body.text)).toMatchObject({ alias: 'kitchen' });
    const altrPut = JSON.parse(
      readFileSync(
        join(
          standinDir,
          files.find((f) => f.includes('altr-putData'))!,
        ),
        'utf8',
      ),
    );
    expect(altrPut.request.headers.authorization).toBe('ALTR {{credential.key}}:****');
    expect(altrPut.request.body).toEqual({ size: 4, truncated: false, encoding: 'base64', text: Buffer.from([1, 2, 3, 250]).toString('base64') });
    const readToken = JSON.parse(readFileSync(join(standinDir, files[5]), 'utf8'));
    expect(readToken.request.headers.authorization).toBe('Bearer {{credential.readToken}}');
  });

  test('replaying a standin recording against the in-process mock: 0 differences, exit 0', async () => {
    const lines: string[] = [];
    const result = await replay({ dir: standinDir, out: (l) => lines.push(l) });
    expect(result.exchanges.filter((e) => e.differences.length || e.notSent)).toEqual([]);
    expect(result.exchanges.map((e) => e.status)).toEqual(statuses);
    expect(result.code).toBe(0);
    expect(lines.at(-1)).toBe(`${statuses.length} exchanges: ${statuses.length} same, 0 differ, 0 not sent`);
  });

  test('against a running standin the replay gets fresh namespaces: the recorded create succeeds again, and only the duplicate is refused', async () => {
    const result = await replay({ dir: standinDir, against: standin.url(), out: () => undefined });
    expect(result.target).toContain('(standin)');
    expect(result.exchanges.map((e) => e.status)).toEqual(statuses);
    expect(result.code).toBe(0);
  });

  test('the deviating vendor: exactly the planted differences, at the planted exchanges, and nothing else', async () => {
    const vendor = await startDeviatingVendor();
    try {
      const dir = tempDir();
      const deviating = await recordTraffic(vendor.url, dir);
      expect(deviating[1]).toBe(409);
      const lines: string[] = [];
      const result = await replay({ dir, api: undefined, out: (l) => lines.push(l) });
      const found = Object.fromEntries(
        result.exchanges.map((e, i) => [i, [...new Set(e.differences.map((d) => d.rule))].sort()] as const).filter(([, rules]) => rules.length > 0),
      );
      expect(found).toEqual(Object.fromEntries(Object.entries(PLANTED_STEPS).map(([i, rules]) => [i, [...rules].sort()])));
      expect(result.exchanges[3].differences).toEqual([{ rule: 'field', pointer: '/body/vendorExtra', vendor: 'true', mock: '(absent)' }]);
      expect(result.exchanges[1].differences).toEqual([
        { rule: 'status', pointer: '/status', vendor: '409', mock: '400' },
        { rule: 'schema', pointer: '/status', vendor: expect.stringContaining('status 409 is not documented'), mock: 'valid' },
      ]);
      expect(result.code).toBe(1);
      expect(lines.join('\n')).toContain('DIFFERS  #2 droplit createEnvironment POST /v0/api/environments/: recorded 409, replayed 400');
    } finally {
      await vendor.close();
    }
  });

  test("ids the vendor made are mapped to the ones the target made: a later read names the target's", async () => {
    // Another seed: the upstream makes other ids than the replay's standin for the same creates.
    const other = createServer({ port: 0, seed: 4242 });
    await other.listen(0, '127.0.0.1');
    try {
      const dir = tempDir();
      await recordTraffic(other.url(), dir);
      const created = JSON.parse(readFileSync(join(dir, readdirSync(dir).sort()[0]), 'utf8'));
      for (const api of ['droplit', 'altr']) {
        const result = await replay({ dir, api, out: () => undefined });
        expect(result.exchanges.filter((e) => e.differences.length)).toEqual([]);
        expect(result.code).toBe(0);
      }
      const read = (await replay({ dir, api: 'droplit', out: () => undefined })).exchanges[2];
      expect(read).toMatchObject({ operationId: 'getEnvironment', status: 200 });
      expect(read.path).toContain(JSON.parse(created.response.body.text).id);
    } finally {
      await other.close();
    }
  });

  test('a request body over --body-limit reaches the vendor whole, is recorded cut and "not checked", and is not replayed', async () => {
    const dir = tempDir();
    const proxy = createProxy({ pairs: [{ api: 'droplit', upstream: `${standin.url()}/droplit` }], root: true, record: dir, bodyLimit: 40 });
    await proxy.listen(0);
    try {
      const res = await fetch(`${proxy.url()}/v0/api/environments/`, {
        method: 'POST',
        headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json' },
        body: JSON.stringify({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'cellar_over_the_limit' }),
      });
      expect(res.status).toBe(201);
    } finally {
      await proxy.close();
    }
    const [file] = readdirSync(dir);
    const kept = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    expect(kept.request.body).toMatchObject({ truncated: true, size: 75 });
    expect(kept.violations).toContainEqual({ in: 'request', pointer: '/body', message: 'not checked: body over 40 bytes' });
    const result = await replay({ dir, out: () => undefined });
    expect(result.exchanges[0].notSent).toBe('its body (75 bytes) was not recorded whole');
    expect(result.code).toBe(2);
  });

  test('a credential in the URL is recorded as its placeholder and sent again as the target’s', async () => {
    const dir = tempDir();
    const proxy = createProxy({ pairs: [{ api: 'losant', upstream: `${standin.url()}/losant` }], root: true, record: dir });
    await proxy.listen(0);
    try {
      await fetch(`${proxy.url()}/applications/575ec8687ae143cd83dc4a97/certificates?note=losant-demo-read`, {
        headers: { authorization: 'Bearer losant-demo-all' },
      });
    } finally {
      await proxy.close();
    }
    const kept = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')) as RecordedExchange;
    expect(kept.request.query).toBe('note={{credential.readToken}}');
    const up = makeUpstream({ api: 'losant', upstream: 'http://127.0.0.1:9' }, VENDORS as unknown as Vendors, true);
    const resend = resendRequest(up, kept, { token: 'target-token-1', readToken: 'target-read-1' }, new IdMap());
    expect(resend).toMatchObject({ query: 'note=target-read-1', headers: { authorization: 'Bearer target-token-1' } });
    up.agent.destroy();
  });

  test('--api keeps one API; nothing to replay, or a target that cannot be reached, is exit 2', async () => {
    const only = await replay({ dir: standinDir, api: 'losant', out: () => undefined });
    expect(new Set(only.exchanges.map((e) => e.api))).toEqual(new Set(['losant']));
    expect(only.code).toBe(0);
    expect((await replay({ dir: tempDir(), out: () => undefined })).code).toBe(2);
    const unreachable = await replay({ dir: standinDir, against: 'http://127.0.0.1:9', out: () => undefined });
    expect(unreachable.code).toBe(2);
    expect(unreachable.exchanges[0].notSent).toContain('cannot be reached');
  });
});
