import { createServer, type StandinServer } from '../../server';
import { describeLosantRest } from './testing/losantRestScenario';
import { EXAMPLE_PEM } from './testing/certificates';

// losant-rest 2.8.1, the newest release the registry has; the scenario is shared with 2.3.7.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- losant-rest ships no types; LosantRest is the part the scenario uses
describeLosantRest('2.8.1', require('losant-rest'));

describe('losant: parallel creates', () => {
  const APP = '575ec8687ae143cd83dc4a97';
  let server: StandinServer;

  beforeAll(async () => {
    server = createServer({ apis: ['losant'] });
    await server.listen(0);
  });

  afterAll(async () => {
    await server.close();
  });

  it('100 simultaneous POSTs each get their own id, and all are stored', async () => {
    const namespace = 'losant-parallel';
    const headers = { authorization: 'Bearer losant-demo-all', 'content-type': 'application/json', 'x-standin-namespace': namespace };
    const url = `${server.url()}/losant/applications/${APP}/certificates`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => fetch(url, { method: 'POST', headers, body: JSON.stringify({ certificate: EXAMPLE_PEM, description: `n${i}` }) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(100);
    const list = (await (await fetch(`${url}?perPage=1000`, { headers })).json()) as { totalCount: number };
    expect(list.totalCount).toBe(105);
  });
});
