import { createHmac } from 'node:crypto';

// Requests in all five APIs against a running standin, with the demo credentials, for the tests that
// check what --data-dir keeps across a restart and a crash.

export const LOSANT_APP = '575ec8687ae143cd83dc4a97';
export const LOSANT_SEEDED_CERT = '575ec76c7ae143cd83dc4a96';
const DROPLIT_ECOSYSTEM = 'C599343aecca8fba8297a3195';
export const API_NAMES = ['ignisign', 'altr', 'signatures', 'losant', 'droplit'] as const;

export interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
  json: () => any;
}

export async function send(
  base: string,
  method: string,
  path: string,
  options: { namespace?: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.namespace ? { 'x-standin-namespace': options.namespace } : {}), ...options.headers };
  let body: Buffer | string | undefined;
  if (Buffer.isBuffer(options.body)) body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const signal = options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
  const res = await fetch(`${base}${path}`, { method, headers, body, signal });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: bytes, json: () => JSON.parse(bytes.toString()) };
}

/** ALTR's HMAC signature: RESOURCE is empty for POST and the token for GETs. */
function altrHeaders(method: 'GET' | 'POST', resource: string, key = 'ALTR-demo-rw', secret = 'demo-rw-secret'): Record<string, string> {
  const date = new Date().toISOString();
  const signature = createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
  return { authorization: `ALTR ${key}:${signature}`, 'x-altr-date': date };
}

export async function putAltrData(base: string, namespace: string, bytes: Buffer): Promise<Reply> {
  return send(base, 'POST', '/altr/api/v1/single/', {
    namespace,
    headers: { ...altrHeaders('POST', ''), 'content-type': 'application/octet-stream' },
    body: bytes,
  });
}

export async function getAltrData(base: string, namespace: string, token: string): Promise<Reply> {
  return send(base, 'GET', `/altr/api/v1/single/${token}`, { namespace, headers: altrHeaders('GET', token, 'ALTR-demo-ro', 'demo-ro-secret') });
}

export async function createDroplitEnvironment(base: string, namespace: string, alias: string): Promise<Reply> {
  return send(base, 'POST', '/droplit/v0/api/environments/', {
    namespace,
    headers: { authorization: 'droplit-demo-account' },
    body: { ecosystemId: DROPLIT_ECOSYSTEM, alias, meta: { $label: alias } },
  });
}

/** Every API's state in every namespace it holds, through the admin API. */
export async function dumpAll(base: string): Promise<Record<string, unknown>> {
  const namespaces = (await send(base, 'GET', '/__admin/namespaces')).json() as Record<string, string[]>;
  const dump: Record<string, unknown> = { namespaces };
  for (const [api, names] of Object.entries(namespaces)) {
    for (const namespace of names) dump[`${api}/${namespace}`] = await stateOf(base, api, namespace);
  }
  return dump;
}

export async function stateOf(base: string, api: string, namespace: string): Promise<unknown> {
  const res = await send(base, 'GET', `/__admin/state/${api}?namespace=${encodeURIComponent(namespace)}`);
  if (res.status !== 200) throw new Error(`admin state of ${api}/${namespace}: ${res.status} ${res.body.toString()}`);
  return res.json();
}
