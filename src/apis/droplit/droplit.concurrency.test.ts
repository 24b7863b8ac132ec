import { createServer, type StandinServer } from '../../server';

// Alias uniqueness must hold when many creates (and deletes) arrive at once over real sockets, not just in sequence.

const ECO = 'C599343aecca8fba8297a3195';
let server: StandinServer;

beforeAll(async () => {
  server = createServer({ apis: ['droplit'] });
  await server.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await server.close();
});

async function create(namespace: string, alias: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url()}/droplit/v0/api/environments/`, {
    method: 'POST',
    headers: { authorization: 'droplit-demo-account', 'content-type': 'application/json', 'x-standin-namespace': namespace },
    body: JSON.stringify({ ecosystemId: ECO, alias }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('droplit alias uniqueness under concurrency', () => {
  it('100 parallel creates with one alias: exactly one 201, 99 x 400 Alias Exists', async () => {
    const namespace = `droplit-concurrency-${process.pid}`;
    const results = await Promise.all(Array.from({ length: 100 }, () => create(namespace, 'race_alias')));
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 400);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(99);
    for (const r of refused) expect(r.body).toEqual({ errorType: 'InvalidBody', errors: [{ in: 'body', path: 'alias', message: 'Alias Exists' }] });

    const list = await fetch(`${server.url()}/droplit/api/environments/?ecosystemId=${ECO}&filter=${encodeURIComponent('eq(alias, "race_alias")')}`, {
      headers: { authorization: 'droplit-demo-account', 'x-standin-namespace': namespace },
    });
    const { items } = (await list.json()) as { items: Array<{ id: string }> };
    expect(items.map((i) => i.id)).toEqual([created[0].body.id]);
  });

  it('50 parallel deletes of one environment: exactly one 200, 49 x 404; then one of 50 creates takes the freed alias', async () => {
    const namespace = `droplit-concurrency-delete-${process.pid}`;
    const remove = () =>
      fetch(`${server.url()}/droplit/v0/api/environments/living_room`, {
        method: 'DELETE',
        headers: { authorization: 'droplit-demo-account', 'x-standin-namespace': namespace },
      }).then((res) => res.status);
    const statuses = await Promise.all(Array.from({ length: 50 }, remove));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(49);
    const results = await Promise.all(Array.from({ length: 50 }, () => create(namespace, 'living_room')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });
});
