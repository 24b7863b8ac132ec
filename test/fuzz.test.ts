import { API_NAMES } from '../src/apis';
import { createServer, type StandinServer } from '../src/server';
import { type ApiFuzzReport, formatFuzzReport, fuzzApi } from './fuzz/runFuzz';

// The project's own fuzz run: a small seeded slice in `npm test`, 10,000 requests per API with
// `npm run fuzz` (STANDIN_FUZZ_PER_API, STANDIN_FUZZ_SEED). Every failure is printed with the
// request that caused it; the same seed replays the same sequence.

const PER_API = Number(process.env.STANDIN_FUZZ_PER_API ?? 300);
const SEED = Number(process.env.STANDIN_FUZZ_SEED ?? 20261203);

describe.each([...API_NAMES])('fuzz %s', (api) => {
  let server: StandinServer;
  let report: ApiFuzzReport;

  beforeAll(
    async () => {
      server = createServer({ apis: [api] });
      await server.listen(0, '127.0.0.1');
      report = await fuzzApi({ baseUrl: server.url(), perApi: PER_API, seed: SEED }, api);
      process.stdout.write(`${formatFuzzReport([report])}\n`);
    },
    Math.max(60_000, PER_API * 50),
  );

  afterAll(() => server?.close());

  it(`answers ${PER_API} hostile requests with no 5xx, each error in the vendor's envelope, quickly, storing nothing it refused`, () => {
    expect(report.requests).toBe(PER_API);
    expect(report.failures.map((f) => `[#${f.index} ${f.rule}] ${f.message} <- ${f.request}`)).toEqual([]);
  });
});
