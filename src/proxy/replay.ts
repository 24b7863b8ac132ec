import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { VENDORS } from '../apis';
import { type ContractConfig, liveApiConfig, liveValues, requiredLiveFields } from '../contract/liveConfig';
import { createServer, type StandinServer } from '../server';
import type { Vendors } from '../vendor';
import { recordedAnswer, receivedAnswer } from './answers';
import { compareAnswers, type Difference } from './compareAnswers';
import { type FieldKindOf, fieldKinds } from './fieldKinds';
import { headerRecord } from './hopByHop';
import { IdMap } from './idMap';
import type { RecordedExchange } from './recordedExchange';
import { RECORDING_FILE } from './recorder';
import { resendRequest } from './resend';
import { makeUpstream, type Upstream } from './upstream';

// `standin replay DIR`: the recorded requests sent again, in order, to a target (an in-process
// standin unless --against names one), each answer compared with the recorded one. On a standin
// target the run has namespaces of its own, so a recorded sequence replays from the same start.

export interface ReplayOptions {
  dir: string;
  against?: string;
  api?: string;
  /** Live credentials for a target that is not standin (the contract config's format). */
  config?: ContractConfig;
  adminToken?: string;
  env?: NodeJS.ProcessEnv;
  out: (line: string) => void;
  vendors?: Vendors;
}

export interface ReplayedExchange {
  file: string;
  seq: number;
  api: string;
  operationId?: string;
  method: string;
  path: string;
  recordedStatus: number;
  status?: number;
  differences: Difference[];
  /** Why it was not sent (a body not recorded whole, the target unreachable). */
  notSent?: string;
}

export interface ReplayResult {
  code: 0 | 1 | 2;
  exchanges: ReplayedExchange[];
  target: string;
}

/** Answers kept per exchange; a larger one is compared on what was read. */
const MAX_ANSWER = 16 * 1024 * 1024;
const HEALTH_TIMEOUT_MS = 5000;

function readRecordings(dir: string, api: string | undefined, out: (line: string) => void): { file: string; kept: RecordedExchange }[] {
  const files = readdirSync(dir)
    .filter((name) => RECORDING_FILE.test(name))
    .sort();
  const kept: { file: string; kept: RecordedExchange }[] = [];
  for (const file of files) {
    try {
      const value = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RecordedExchange;
      if (value.standinRecording !== 1) throw new Error('not a standin recording');
      if (api === undefined || value.api === api) kept.push({ file, kept: value });
    } catch (error) {
      out(`  ${file}: skipped, ${(error as Error).message}`);
    }
  }
  return kept;
}

/** Whether the URL is a standin (its /__admin/health answers as standin's does), and which APIs it serves. */
async function standinAt(url: string, adminToken: string | undefined): Promise<string[] | undefined> {
  try {
    const res = await fetch(`${url.replace(/\/+$/, '')}/__admin/health`, {
      headers: adminToken ? { authorization: `Bearer ${adminToken}` } : {},
      signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
    });
    const body = (await res.json()) as { status?: unknown; apis?: unknown };
    return body.status === 'ok' && Array.isArray(body.apis) && body.apis.length > 0 ? (body.apis as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function send(up: Upstream, resend: { method: string; path: string; query: string; headers: Record<string, string>; body?: Buffer }) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    const req = up.request(
      {
        protocol: up.url.protocol,
        hostname: up.url.hostname,
        port: up.url.port,
        method: resend.method,
        path: `${up.basePath}${resend.path}${resend.query ? `?${resend.query}` : ''}`,
        headers: resend.headers,
        agent: up.agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER) chunks.push(chunk);
          size += chunk.length;
        });
        res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: headerRecord(res.rawHeaders), body: Buffer.concat(chunks) }));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(resend.body);
  });
}

function credentialsFor(api: string, vendors: Vendors, standin: boolean, options: ReplayOptions): Record<string, unknown> {
  const contract = vendors[api].contract;
  if (standin || !options.config) return contract.demoCredentials as Record<string, unknown>;
  const live = liveApiConfig(api, contract, options.config, options.env ?? process.env);
  const missing = requiredLiveFields(contract).filter((f) => f !== 'baseUrl' && live[f] === undefined);
  if (missing.length) return contract.demoCredentials as Record<string, unknown>;
  return contract.credentials(liveValues(contract, live)) as Record<string, unknown>;
}

export async function replay(options: ReplayOptions): Promise<ReplayResult> {
  const vendors = options.vendors ?? (VENDORS as unknown as Vendors);
  const { out } = options;
  if (options.api !== undefined && !vendors[options.api]) throw new Error(`unknown API '${options.api}' (known: ${Object.keys(vendors).join(', ')})`);
  const recordings = readRecordings(options.dir, options.api, out);
  const apis = [...new Set(recordings.map((r) => r.kept.api))].filter((api) => vendors[api]);
  if (recordings.length === 0 || apis.length === 0) {
    out(`replay: no recordings${options.api ? ` of ${options.api}` : ''} in ${options.dir}`);
    return { code: 2, exchanges: [], target: '' };
  }
  let server: StandinServer | undefined;
  let base = options.against?.replace(/\/+$/, '');
  let standin: boolean;
  if (base === undefined) {
    server = createServer({ port: 0, apis: apis as never });
    await server.listen(0, '127.0.0.1');
    base = server.url();
    standin = true;
  } else standin = (await standinAt(base, options.adminToken)) !== undefined;
  const target = server ? 'an in-process standin' : `${base}${standin ? ' (standin)' : ''}`;
  const runId = `replay-${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  out(
    `replay of ${options.dir}: ${recordings.length} exchange${recordings.length === 1 ? '' : 's'} against ${target}${standin ? `, namespaces ${runId}.*` : ''}`,
  );
  const upstreams = new Map<string, { up: Upstream; kinds: FieldKindOf; creds: Record<string, unknown> }>();
  for (const api of apis) {
    const up = makeUpstream({ api, upstream: standin ? `${base}/${api}` : base }, vendors, true);
    upstreams.set(api, { up, kinds: fieldKinds(up.spec), creds: credentialsFor(api, vendors, standin, options) });
  }
  const idMaps = new Map<string, IdMap>();
  const exchanges: ReplayedExchange[] = [];
  try {
    for (const { file, kept } of recordings) {
      const { up, kinds, creds } = upstreams.get(kept.api)!;
      const namespace = standin ? `${runId}.${kept.namespace ?? 'default'}`.slice(0, 100) : undefined;
      const idKey = `${kept.api} ${namespace ?? kept.namespace ?? ''}`;
      let ids = idMaps.get(idKey);
      if (!ids) idMaps.set(idKey, (ids = new IdMap()));
      const result: ReplayedExchange = {
        file,
        seq: kept.seq,
        api: kept.api,
        operationId: kept.operationId,
        method: kept.request.method,
        path: kept.request.path,
        recordedStatus: kept.response.status,
        differences: [],
      };
      exchanges.push(result);
      const resend = resendRequest(up, kept, creds, ids, namespace);
      if ('skip' in resend) {
        result.notSent = resend.skip;
        continue;
      }
      try {
        const answer = await send(up, resend);
        result.status = answer.status;
        const v = kept.operationId ? up.validators.operations.get(kept.operationId) : undefined;
        result.differences = compareAnswers(recordedAnswer(kept), receivedAnswer(v, answer.status, answer.headers, answer.body, up.redactor), kinds, ids);
      } catch (error) {
        result.notSent = `${base} cannot be reached: ${(error as Error).message}`;
      }
    }
  } finally {
    for (const { up } of upstreams.values()) up.agent.destroy();
    await server?.close();
  }
  for (const line of reportLines(exchanges)) out(line);
  const sent = exchanges.filter((e) => e.notSent === undefined);
  const code = sent.length === 0 ? 2 : exchanges.some((e) => e.differences.length > 0 || e.notSent !== undefined) ? 1 : 0;
  return { code, exchanges, target };
}

function reportLines(exchanges: ReplayedExchange[]): string[] {
  const lines: string[] = [];
  const byRule = new Map<string, number>();
  for (const e of exchanges) {
    const label = `#${e.seq} ${e.api} ${e.operationId ?? '(no operation)'} ${e.method} ${e.path}`;
    if (e.notSent !== undefined) {
      lines.push(`  NOT SENT ${label}: ${e.notSent}`);
      continue;
    }
    if (e.differences.length === 0) {
      lines.push(`  same     ${label}: ${e.recordedStatus}`);
      continue;
    }
    lines.push(`  DIFFERS  ${label}: recorded ${e.recordedStatus}, replayed ${e.status}`);
    for (const d of e.differences) {
      byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
      lines.push(`           ${d.rule.padEnd(8)} ${d.pointer}: recorded ${d.vendor}, replayed ${d.mock}`);
    }
  }
  const differing = exchanges.filter((e) => e.differences.length > 0).length;
  const notSent = exchanges.filter((e) => e.notSent !== undefined).length;
  const rules = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
  lines.push(
    `${exchanges.length} exchanges: ${exchanges.length - differing - notSent} same, ${differing} differ${rules ? ` (${rules})` : ''}, ${notSent} not sent`,
  );
  return lines;
}
