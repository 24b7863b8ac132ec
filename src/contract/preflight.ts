import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

// Before a run: one GET /__admin/health per target origin, to learn that it answers HTTP at all
// and whether it is a standin. A target that cannot be reached is one line, not a failure per
// request; and whether it is a standin decides its paths (/<api> prefixes), namespaces and what a
// failed [standin choice] means.

export type Probe =
  /** A standin serving these APIs (its /__admin/health answered as standin's does); `root` is the one it serves at '/'. */
  | { kind: 'standin'; apis: string[]; root?: string }
  /** A `standin proxy`: standin's health, no API of its own; what answers behind it is the vendor. */
  | { kind: 'standin-proxy' }
  /** A standin whose /__admin refused the admin token (none given, or another). */
  | { kind: 'standin-locked' }
  /** Some other HTTP server (the vendor, Prism, an implementation). */
  | { kind: 'http'; status: number; contentType: string }
  /** Nothing could be asked: one line saying why. */
  | { kind: 'unreachable'; problem: string };

export const PREFLIGHT_TIMEOUT_MS = 5000;
const MAX_HEALTH_BYTES = 256 * 1024;

/** Why a request got no HTTP answer, in words (node's error codes are not for people). */
function problemOf(err: NodeJS.ErrnoException, url: URL, timeoutMs: number): string {
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  const code = err.code ?? '';
  if (code === 'ETIMEDOUT' || code === 'PREFLIGHT_TIMEOUT') return `no HTTP answer within ${timeoutMs / 1000} s`;
  if (code === 'ECONNREFUSED') return `nothing is listening at ${where} (connection refused)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host '${url.hostname}' not found`;
  if (code === 'ECONNRESET' || code === 'EPIPE') return `${where} closed the connection without an HTTP answer`;
  if (code.startsWith('HPE_')) return `${where} does not speak HTTP (its answer is not an HTTP response: ${err.message})`;
  if (code === 'EPROTO' || code.startsWith('ERR_SSL') || code.includes('CERT') || code.startsWith('ERR_TLS'))
    return `TLS with ${where} failed (${err.message.split('\n')[0]})`;
  return `${where}: ${err.message.split('\n')[0]}${code ? ` (${code})` : ''}`;
}

function classify(res: IncomingMessage, body: Buffer): Probe {
  const contentType = String(res.headers['content-type'] ?? '');
  const status = res.statusCode ?? 0;
  let json: unknown;
  try {
    json = /json/i.test(contentType) ? JSON.parse(body.toString('utf8')) : undefined;
  } catch {
    json = undefined;
  }
  const value = (json ?? {}) as { status?: unknown; apis?: unknown; root?: unknown; standin?: { error?: unknown } };
  if (status === 200 && value.status === 'ok' && Array.isArray(value.apis) && value.apis.every((a) => typeof a === 'string')) {
    if (!value.apis.length) return { kind: 'standin-proxy' };
    const apis = value.apis as string[];
    return typeof value.root === 'string' && apis.includes(value.root) ? { kind: 'standin', apis, root: value.root } : { kind: 'standin', apis };
  }
  if (status === 401 && value.standin?.error === 'Unauthorized') {
    return { kind: 'standin-locked' };
  }
  return { kind: 'http', status, contentType: contentType.split(';')[0] || '(no content type)' };
}

/** Asks `origin`/__admin/health once; never throws, never waits longer than timeoutMs. */
export function probeOrigin(origin: string, options: { adminToken?: string; timeoutMs?: number } = {}): Promise<Probe> {
  const timeoutMs = options.timeoutMs ?? PREFLIGHT_TIMEOUT_MS;
  const url = new URL('/__admin/health', origin);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Probe>((resolve) => {
    let settled = false;
    const done = (probe: Probe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(probe);
    };
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.adminToken) headers.authorization = `Bearer ${options.adminToken}`;
    const req = send(url, { method: 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_HEALTH_BYTES) chunks.push(chunk);
        else done(classify(res, Buffer.alloc(0)));
      });
      res.once('end', () => done(classify(res, Buffer.concat(chunks))));
      res.once('error', (err) => done({ kind: 'unreachable', problem: problemOf(err, url, timeoutMs) }));
    });
    // One timer for connect, head and body: a server that accepts and never answers is as dead as one that refuses.
    const timer = setTimeout(
      () => done({ kind: 'unreachable', problem: problemOf(Object.assign(new Error('timeout'), { code: 'PREFLIGHT_TIMEOUT' }), url, timeoutMs) }),
      timeoutMs,
    );
    req.once('error', (err) => done({ kind: 'unreachable', problem: problemOf(err, url, timeoutMs) }));
    req.end();
  });
}

/**
 * Every origin probed at once (each at most timeoutMs). The admin token goes only to an origin that
 * first answered as a standin whose /__admin wants one: never to a live vendor or any other server.
 */
export async function preflight(origins: Iterable<string>, options: { adminToken?: string; timeoutMs?: number } = {}): Promise<Map<string, Probe>> {
  const list = [...new Set(origins)];
  const bare = { timeoutMs: options.timeoutMs };
  const probes = await Promise.all(
    list.map(async (o) => {
      const first = await probeOrigin(o, bare);
      return first.kind === 'standin-locked' && options.adminToken ? probeOrigin(o, options) : first;
    }),
  );
  return new Map(list.map((o, i) => [o, probes[i]]));
}

/** What a probe found, for the line a run prints before it starts. */
export function describeProbe(probe: Probe): string {
  switch (probe.kind) {
    case 'standin':
      return probe.root ? `a standin serving ${probe.root} at its root` : `a standin serving ${probe.apis.join(', ')}`;
    case 'standin-proxy':
      return 'a standin proxy';
    case 'standin-locked':
      return 'a standin whose /__admin refused the admin token';
    case 'http':
      return `not a standin (GET /__admin/health answered ${probe.status} ${probe.contentType})`;
    case 'unreachable':
      return probe.problem;
  }
}
