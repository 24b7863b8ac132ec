import { createServer, type StandinServer } from '../../server';

// Cross-cutting: the version check must hold under many simultaneous requests.

let server: StandinServer;
let base: string;

beforeAll(async () => {
  server = createServer({ apis: ['signatures'] });
  await server.listen(0);
  base = `${server.url()}/signatures`;
});

afterAll(async () => {
  await server.close();
});

// fetch's json() is typed unknown; these bodies are checked by the assertions below.
const json = (res: Response): Promise<any> => res.json();

const headers = { 'content-type': 'application/json', 'x-standin-namespace': 'signatures-concurrency' };

test('100 parallel POSTs with the same (document, thread, version): exactly one 201, the others 400 version mismatch', async () => {
  const before = await json(await fetch(`${base}/signature?document=doc_12&thread=ticket_42`, { headers }));
  const version = before.content.signature.version;
  const responses = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      fetch(`${base}/signature`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ document: 'doc_12', thread: 'ticket_42', version, cms: `CMS${i}` }),
      }).then(async (res) => ({ status: res.status, body: await json(res) })),
    ),
  );
  const created = responses.filter((r) => r.status === 201);
  const refused = responses.filter((r) => r.status === 400);
  expect(created).toHaveLength(1);
  expect(refused).toHaveLength(99);
  for (const r of refused) expect(r.body).toEqual({ status: false, message: 'Version provided is not equal to actual signature version' });
  const after = await json(await fetch(`${base}/signature?document=doc_12&thread=ticket_42`, { headers }));
  expect(after.content.signature.version).toBe(version + 1);
  expect(after.content.signature.cms).toBe(created[0].body.content.signature.cms);
});
