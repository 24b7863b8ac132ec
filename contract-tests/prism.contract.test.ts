import { API_NAMES, VENDORS } from '../src/apis';
import { formatResult } from '../src/contract/report';
import { type ContractReport, runContract } from '../src/contract/runner';
import { createServer, type StandinServer } from '../src/server';
import { type PrismProcess, startPrism } from './testing/prism';

// Independent checks with Prism: (1) the whole suite against our mock through `prism proxy --errors`,
// Prism validating every request and response on its own, with zero violations; (2) the schema-level
// checks against `prism mock`, which proves the specs and their examples agree.

const failuresOf = (report: ContractReport) => report.results.filter((r) => r.failures.length).map(formatResult);

describe.each([...API_NAMES])('%s through Prism', (api) => {
  let standin: StandinServer;
  let proxy: PrismProcess;
  let mock: PrismProcess;

  beforeAll(async () => {
    standin = createServer({ root: api });
    await standin.listen(0, '127.0.0.1');
    [proxy, mock] = await Promise.all([startPrism({ mode: 'proxy', upstream: standin.url() }, api), startPrism({ mode: 'mock' }, api)]);
  }, 60000);

  afterAll(async () => {
    await Promise.all([proxy?.stop(), mock?.stop()]);
    await standin?.close();
  });

  it('passes the suite against the mock behind prism proxy --errors, with no violation', async () => {
    const report = await runContract({
      vendors: VENDORS,
      apis: [api],
      // The implementation behind the proxy is standin, so its choices must hold too.
      strictChoices: true,
      target: {
        kind: 'prism',
        urls: { [api]: proxy.url },
        admin: `${standin.url()}/__admin`,
        limits: {
          invalid: 'prism proxy --errors answers spec-invalid requests itself',
          getBody: 'prism proxy answers a GET with a body 501 instead of forwarding it (stoplightio/prism#2259)',
          binaryBody: 'prism proxy forwards a body that is not UTF-8 re-encoded as text, so bytes cannot round-trip through it',
          chunked: 'prism proxy does not forward a chunked upload as one (it answers 500 on the empty upstream reply)',
        },
      },
    });
    expect(failuresOf(report)).toEqual([]);
    expect(proxy.output()).not.toMatch(/Violation:|violat/i);
    const ran = report.results.filter((r) => r.outcome === 'passed').length;
    expect(ran).toBeGreaterThan(0);
    // What Prism cannot carry is skipped with a reason, never silently passed; so is a check of
    // standin's own configuration (its body limit), which a proxy in front may change.
    for (const r of report.results.filter((x) => x.outcome === 'skipped')) expect(r.reason).toMatch(/^prism proxy |^checks standin's own configuration/);
  }, 120000);

  it('passes the schema-level checks against prism mock for every operation', async () => {
    const report = await runContract({ vendors: VENDORS, apis: [api], schemaOnly: true, target: { kind: 'prism', urls: { [api]: mock.url } } });
    expect(failuresOf(report)).toEqual([]);
    expect(report.results.map((r) => r.outcome)).toEqual(report.results.map(() => 'passed'));
    // Prism loaded the spec and answered every operation with its documented success example.
    const answered2xx = new Set(report.coverage.filter((c) => c.exercised && /^2/.test(c.status)).map((c) => c.operationId));
    expect([...new Set(report.coverage.map((c) => c.operationId))].filter((id) => !answered2xx.has(id))).toEqual([]);
  }, 60000);
});
