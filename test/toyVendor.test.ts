import request from 'supertest';
import { createApp, createServer } from '../src/server';
import { runContract } from '../src/contract/runner';
import { TOY_TOKEN, TOY_VENDORS } from './toyVendor/toy';

// A vendor outside the registry, served with createApp's `vendors` option: one module and one spec
// beside this test, no change to src/core, src/apis or the registry; the contract runner checks it
// from its descriptor and spec alone.

const auth = { authorization: `Token ${TOY_TOKEN}` };

describe("a vendor of the tests' own", () => {
  const standin = createApp({}, { vendors: TOY_VENDORS });

  it('is served under its prefix from a spec given by absolute path, compiled at start-up', async () => {
    expect(standin.config.apis).toEqual(['toy', 'plain']);
    expect(standin.engines.get('toy')!.spec.title).toBe('Toy things');
    const made = await request(standin.app).post('/toy/things').set(auth).send({ name: 'a' });
    expect(made.status).toBe(201);
    expect(made.body).toEqual({ id: 1, name: 'a' });
    expect((await request(standin.app).get('/toy/things').set(auth)).body).toEqual({ things: [{ id: 1, name: 'a' }] });
    expect((await request(standin.app).get('/plain/things').set(auth)).body).toEqual({ things: [] });
  });

  it('goes through the whole pipeline: validation in its envelope, the journal, admin', async () => {
    const refused = await request(standin.app).post('/toy/things').set(auth).send({ name: '' });
    expect([refused.status, refused.body]).toEqual([400, { oops: 'validation: name' }]);
    const health = await request(standin.app).get('/__admin/health');
    expect(health.body.apis).toEqual(['toy', 'plain']);
    const journal = await request(standin.app).get('/__admin/journal?api=toy');
    expect(journal.body.entries.map((e: { operationId: string }) => e.operationId)).toContain('createThing');
    expect((await request(standin.app).get('/__admin/state/toy')).body.state.things.length).toBeGreaterThan(0);
  });

  it('is checked against the registry in use: a name of the five is unknown here, and the default registry knows no toy', () => {
    expect(() => createApp({ apis: ['losant'] } as never, { vendors: TOY_VENDORS })).toThrow("unknown API 'losant' (known: toy, plain)");
    expect(() => createApp({ apiPorts: { losant: 0 } } as never, { vendors: TOY_VENDORS })).toThrow("api port for unknown API 'losant' (known: toy, plain)");
    expect(() => createApp({ apis: ['toy'] } as never)).toThrow(/unknown API 'toy' \(known: ignisign, altr, signatures, losant, droplit\)/);
  });

  it('can be served at the root, and at the root of its own port', async () => {
    const root = createApp({ root: 'toy' }, { vendors: TOY_VENDORS });
    expect((await request(root.app).get('/things').set(auth)).status).toBe(200);
    const server = createServer({ port: 0, apiPorts: { toy: 0 } }, { vendors: TOY_VENDORS });
    await server.listen();
    try {
      const { apis } = server.urls();
      expect((await fetch(`${apis.toy}/things`, { headers: auth })).status).toBe(200);
      expect(server.routeTable()).toMatch(/\n {2}POST {3}\/things {2}createThing/);
    } finally {
      await server.close();
    }
  });

  it('is refused without its token, in its own envelope', async () => {
    const refused = await request(standin.app).get('/toy/things');
    expect([refused.status, refused.body]).toEqual([401, { oops: 'unauthorized' }]);
  });

  it("passes the contract runner's checks, served on a port; one valid request per operation catches its broken one", async () => {
    const server = createServer({ port: 0, apis: ['toy'] }, { vendors: TOY_VENDORS });
    await server.listen();
    try {
      const target = { kind: 'base-url' as const, baseUrl: server.url() };
      const full = await runContract({ vendors: TOY_VENDORS, apis: ['toy'], target, allowWrites: true });
      expect(full.skippedApis).toEqual([]);
      expect(full.results.map((r) => r.outcome).filter((o) => o !== 'passed')).toEqual([]);
      // Its own rule, then the generic and generated checks, all from the spec and the descriptor.
      expect(full.results[0].name).toBe('a created thing is listed');
      expect(full.results.filter((r) => r.name.startsWith('generic: ')).length).toBeGreaterThanOrEqual(8);
      expect(full.results.filter((r) => r.name.startsWith('generated: ')).length).toBeGreaterThanOrEqual(3);

      const schemaOnly = await runContract({ vendors: TOY_VENDORS, apis: ['toy'], target, schemaOnly: true });
      const failed = schemaOnly.results.filter((r) => r.outcome === 'failed');
      expect(failed.flatMap((r) => r.failures.map((f) => f.operationId))).toEqual(expect.arrayContaining(['brokenAnswer']));
      expect(failed.flatMap((r) => r.failures).filter((f) => f.operationId !== 'brokenAnswer')).toEqual([]);
      expect(schemaOnly.results.filter((r) => r.outcome === 'passed').length).toBe(2);
    } finally {
      await server.close();
    }
  });
});
