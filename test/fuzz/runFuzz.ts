import { Agent, request as httpRequest } from 'node:http';
import { loadApiSpec } from '../../src/core/precompiled';
import { API_MODULES, type ApiName } from '../../src/apis';
import { buildRequest, type RawRequest } from './apply';
import { fuzzCases } from './cases';
import { type Answer, documentedErrorMedia, type FuzzRule, judge } from './oracle';

// A black-box fuzz run against a listening standin: malformed requests derived from each spec, one
// at a time so a state change can be pinned on the request that made it. After every request that
// was refused (or only read), the namespace's state must be what it was before.

export interface FuzzOptions {
  /** A running standin in prefix mode, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
  perApi: number;
  seed: number;
  /** An answer slower than this is a stall. */
  stallMs?: number;
  /** Admin token of the target, when it has one. */
  adminToken?: string;
}

export interface FuzzFailure {
  api: ApiName;
  index: number;
  rule: FuzzRule;
  message: string;
  request: string;
}

export interface ApiFuzzReport {
  api: ApiName;
  requests: number;
  statuses: Record<string, number>;
  failures: FuzzFailure[];
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function send(baseUrl: string, req: RawRequest, timeoutMs: number): Promise<Answer> {
  const url = new URL(baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.body && !req.chunked) headers['content-length'] = String(req.body.length);
    const r = httpRequest({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      res.on('error', reject);
    });
    r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
    if (req.body && req.chunked) {
      // Several small writes make node send real chunks.
      for (let i = 0; i < req.body.length; i += 7) r.write(req.body.subarray(i, i + 7));
      r.end();
    } else r.end(req.body);
  });
}

async function admin(options: FuzzOptions, method: string, path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.adminToken) headers.authorization = `Bearer ${options.adminToken}`;
  const answer = await send(
    options.baseUrl,
    { method, path: `/__admin${path}`, headers, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) },
    options.stallMs ?? 2000,
  );
  if (answer.status !== 200) throw new Error(`admin ${method} ${path} answered ${answer.status}: ${answer.body}`);
  return answer;
}

const describeRequest = (req: RawRequest) =>
  `${req.method} ${req.path.length > 200 ? `${req.path.slice(0, 200)}...` : req.path} headers=${JSON.stringify(req.headers).slice(0, 300)} body=${req.body ? JSON.stringify(req.body.toString('utf8').slice(0, 200)) : '-'}${req.chunked ? ' (chunked)' : ''}`;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 100) / 100;
}

export async function fuzzApi(options: FuzzOptions, api: ApiName): Promise<ApiFuzzReport> {
  const { spec, validators } = loadApiSpec(API_MODULES[api].specFile);
  const errorMedia = documentedErrorMedia(spec);
  const stallMs = options.stallMs ?? 2000;
  const namespace = `fuzz-${api}-${options.seed}`;
  const statePath = `/state/${api}?namespace=${namespace}`;
  const report: ApiFuzzReport = { api, requests: 0, statuses: {}, failures: [], p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const times: number[] = [];
  const fail = (index: number, rule: FuzzRule, message: string, req: RawRequest) =>
    report.failures.push({ api, index, rule, message, request: describeRequest(req) });

  await admin(options, 'POST', '/reset', { api, namespace });
  let state = (await admin(options, 'GET', statePath)).body.toString('utf8');
  const cases = fuzzCases(options.perApi, options.seed + api.length);
  for (const [index, fuzz] of cases.entries()) {
    const op = spec.operations[fuzz.op % spec.operations.length];
    const req = buildRequest(api, op, fuzz, namespace);
    req.path = `/${api}${req.path}`;
    let answer: Answer;
    try {
      answer = await send(options.baseUrl, req, stallMs);
    } catch (e) {
      fail(index, 'connection', (e as Error).message, req);
      continue;
    } finally {
      report.requests++;
    }
    times.push(answer.ms);
    report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
    const verdict = judge(answer, req.method, validators, errorMedia, stallMs);
    if (verdict) fail(index, verdict.rule, verdict.message, req);

    const mayWrite = answer.status >= 200 && answer.status < 300 && !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    const after = (await admin(options, 'GET', statePath)).body.toString('utf8');
    if (!mayWrite && after !== state && req.headers['x-standin-namespace'] === namespace) {
      fail(index, 'rejected-write-stored', `a ${answer.status} answer to ${req.method} changed the namespace's state`, req);
    }
    state = after;
    if (index % 100 === 99) {
      const health = await send(
        options.baseUrl,
        { method: 'GET', path: '/__admin/health', headers: options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {} },
        stallMs,
      ).catch((e: Error) => e);
      if (health instanceof Error || health.status !== 200)
        fail(index, 'server-alive', `health check failed: ${health instanceof Error ? health.message : health.status}`, req);
    }
    if (index % 500 === 499) {
      await admin(options, 'POST', '/reset', { api, namespace });
      state = (await admin(options, 'GET', statePath)).body.toString('utf8');
    }
  }
  times.sort((a, b) => a - b);
  report.p50Ms = percentile(times, 0.5);
  report.p99Ms = percentile(times, 0.99);
  report.maxMs = percentile(times, 1);
  return report;
}

export function formatFuzzReport(reports: ApiFuzzReport[]): string {
  const lines = ['api         requests  failures  p50 ms  p99 ms  max ms  statuses'];
  for (const r of reports) {
    const statuses = Object.entries(r.statuses)
      .map(([s, n]) => `${s}:${n}`)
      .join(' ');
    lines.push(
      `${r.api.padEnd(12)}${String(r.requests).padStart(8)}${String(r.failures.length).padStart(10)}${String(r.p50Ms).padStart(8)}${String(r.p99Ms).padStart(8)}${String(r.maxMs).padStart(8)}  ${statuses}`,
    );
  }
  const failures = reports.flatMap((r) => r.failures);
  const byRule = new Map<string, number>();
  for (const f of failures) byRule.set(`${f.api} ${f.rule}`, (byRule.get(`${f.api} ${f.rule}`) ?? 0) + 1);
  if (failures.length) {
    lines.push('', 'failures by rule:', ...[...byRule].map(([k, n]) => `  ${k}: ${n}`), '', 'first failures:');
    for (const f of failures.slice(0, 15)) lines.push(`  [${f.api} #${f.index} ${f.rule}] ${f.message}\n      ${f.request}`);
  }
  return lines.join('\n');
}
