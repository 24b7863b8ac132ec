import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config } from '../src/config';
import { createServer, type StandinServer } from '../src/server';
import { API_NAMES, createDroplitEnvironment, dumpAll, getAltrData, LOSANT_APP, LOSANT_SEEDED_CERT, putAltrData, send, stateOf } from './support/dataClient';

// --data-dir: what a server wrote, in every API, reads back identical from a new server on the same dir.

let root: string;
const started: StandinServer[] = [];
beforeAll(() => (root = mkdtempSync(join(tmpdir(), 'standin-datadir-'))));
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function serve(dataDir: string, extra: Partial<Config> = {}): Promise<{ server: StandinServer; base: string }> {
  const server = createServer({ port: 0, dataDir, ...extra });
  started.push(server);
  await server.listen(0);
  return { server, base: server.url() };
}

async function stop(server: StandinServer): Promise<void> {
  started.splice(started.indexOf(server), 1);
  await server.close();
}

/** A dump without the namespace's name, to compare two namespaces' contents. */
const stateIn = (dump: unknown) => (dump as { state: unknown }).state;

const allBytes = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7) % 256));

/** One write in each API, seeded records changed among them; returns the ALTR token. */
async function writeEverywhere(base: string, namespace: string): Promise<string> {
  const capsule = await send(base, 'POST', '/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules', {
    namespace,
    headers: { authorization: 'Bearer skv2_development_demo_devsecret' },
    body: { hashSha256_b64: createHash('sha256').update(`capsule ${namespace}`).digest('base64') },
  });
  expect(capsule.status).toBe(201);
  const put = await putAltrData(base, namespace, allBytes);
  expect(put.status).toBe(200);
  const version = await send(base, 'POST', '/signatures/signature', {
    namespace,
    body: { document: 'doc_12', thread: 'ticket_42', cms: `MIIBnew-${namespace}`, version: 3, version_comment: 'after restart?' },
  });
  expect(version.status).toBe(201);
  const patched = await send(base, 'PATCH', `/losant/applications/${LOSANT_APP}/certificates/${LOSANT_SEEDED_CERT}`, {
    namespace,
    headers: { authorization: 'Bearer losant-demo-all' },
    body: { description: `patched in ${namespace}`, status: 'inactive' },
  });
  expect(patched.status).toBe(200);
  const updated = await send(base, 'PUT', '/droplit/v0/api/environments/living_room', {
    namespace,
    headers: { authorization: 'droplit-demo-account' },
    body: { meta: { $label: `Living room of ${namespace}` } },
  });
  expect(updated.status).toBe(200);
  expect((await createDroplitEnvironment(base, namespace, `garage_${namespace.length}`)).status).toBe(201);
  return put.json().response.data.referenceToken as string;
}

describe('--data-dir keeps state across a restart', () => {
  it('every API, seeded records changed, reads back identical, ALTR bytes exact', async () => {
    const dataDir = join(root, 'five');
    const first = await serve(dataDir);
    const tokens = { default: await writeEverywhere(first.base, 'default'), other: await writeEverywhere(first.base, 'other') };
    const before = await dumpAll(first.base);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(API_NAMES.flatMap((api) => [`${api}/default`, `${api}/other`])));
    await stop(first.server);

    const second = await serve(dataDir);
    expect(await dumpAll(second.base)).toEqual(before);
    for (const [namespace, token] of Object.entries(tokens)) {
      const got = await getAltrData(second.base, namespace, token);
      expect(got.status).toBe(200);
      expect(got.body.equals(allBytes)).toBe(true);
    }
    // The next write carries on from the replayed state: the seeded signature is now at version 4.
    const stale = await send(second.base, 'POST', '/signatures/signature', { body: { document: 'doc_12', thread: 'ticket_42', cms: 'MIIB', version: 3 } });
    expect(stale.status).toBe(400);
    expect(
      (await send(second.base, 'POST', '/signatures/signature', { body: { document: 'doc_12', thread: 'ticket_42', cms: 'MIIB', version: 4 } })).status,
    ).toBe(201);
  });

  it('a reset is durable: reset, restart, still reset', async () => {
    const dataDir = join(root, 'reset');
    const first = await serve(dataDir);
    await writeEverywhere(first.base, 'wiped');
    await writeEverywhere(first.base, 'kept');
    const fresh = Object.fromEntries(await Promise.all(API_NAMES.map(async (api) => [api, await stateOf(first.base, api, 'never-used')])));
    const kept = await Promise.all(API_NAMES.map((api) => stateOf(first.base, api, 'kept')));
    expect((await send(first.base, 'POST', '/__admin/reset', { body: { namespace: 'wiped' } })).status).toBeLessThan(300);
    await stop(first.server);

    const second = await serve(dataDir);
    for (const api of API_NAMES) expect(stateIn(await stateOf(second.base, api, 'wiped'))).toEqual(stateIn(fresh[api]));
    expect(await Promise.all(API_NAMES.map((api) => stateOf(second.base, api, 'kept')))).toEqual(kept);
    expect((await send(second.base, 'POST', '/__admin/reset', { body: { all: true } })).status).toBeLessThan(300);
    await stop(second.server);

    const third = await serve(dataDir);
    for (const api of API_NAMES) expect(stateIn(await stateOf(third.base, api, 'kept'))).toEqual(stateIn(fresh[api]));
  });

  it('an evicted namespace (--max-namespaces 2) stays evicted after a restart', async () => {
    const dataDir = join(root, 'evict');
    const first = await serve(dataDir, { maxNamespaces: 2 });
    const fresh = await stateOf(first.base, 'droplit', 'never-used');
    for (const namespace of ['a', 'b', 'c']) expect((await createDroplitEnvironment(first.base, namespace, `env_${namespace}`)).status).toBe(201);
    const namespaces = (await send(first.base, 'GET', '/__admin/namespaces')).json();
    expect(namespaces.droplit).toEqual(expect.arrayContaining(['b', 'c']));
    expect(namespaces.droplit).not.toContain('a');
    const kept = { b: await stateOf(first.base, 'droplit', 'b'), c: await stateOf(first.base, 'droplit', 'c') };
    await stop(first.server);

    const second = await serve(dataDir, { maxNamespaces: 2 });
    expect((await send(second.base, 'GET', '/__admin/namespaces')).json().droplit.sort()).toEqual(['b', 'c']);
    expect(stateIn(await stateOf(second.base, 'droplit', 'a'))).toEqual(stateIn(fresh));
    expect({ b: await stateOf(second.base, 'droplit', 'b'), c: await stateOf(second.base, 'droplit', 'c') }).toEqual(kept);
  });

  it('a write while every kept namespace is busy is taken past the cap, not refused, and survives a restart as it was answered', async () => {
    // Refusing it would log a command the replay (which sees nothing in progress) applies: the
    // restart would then evict by the replay's order and lose a write that was answered.
    const dataDir = join(root, 'busy');
    const first = await serve(dataDir, { maxNamespaces: 1 });
    expect((await createDroplitEnvironment(first.base, 'one', 'kitchen')).status).toBe(201);
    expect(
      (await send(first.base, 'POST', '/__admin/faults', { body: { api: 'droplit', namespace: 'one', operationId: 'listEnvironments', delayMs: 400 } })).status,
    ).toBe(201);
    const busy = send(first.base, 'GET', '/droplit/v0/api/environments/?ecosystemId=C599343aecca8fba8297a3195', {
      namespace: 'one',
      headers: { authorization: 'droplit-demo-account' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await createDroplitEnvironment(first.base, 'two', 'garage')).status).toBe(201);
    expect((await busy).status).toBe(200);
    // Once 'one' is idle the surplus goes, by the usual rule: 'one' was used last (its read ended
    // after the write), so 'two' is evicted, as a logged eviction, not a lost write.
    const names = (await send(first.base, 'GET', '/__admin/namespaces')).json().droplit;
    expect(names).toEqual(['one']);
    const kept = await stateOf(first.base, 'droplit', 'one');
    expect(JSON.stringify(kept)).toContain('kitchen');
    await stop(first.server);

    const second = await serve(dataDir, { maxNamespaces: 1 });
    expect((await send(second.base, 'GET', '/__admin/namespaces')).json().droplit).toEqual(['one']);
    expect(await stateOf(second.base, 'droplit', 'one')).toEqual(kept);
  });
});
