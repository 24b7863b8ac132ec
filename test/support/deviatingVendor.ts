import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createStandin, type StandinServer } from '../../src/server';

// A "vendor" that is standin with three deliberate deviations, for the proxy, replay and shadow
// tests: each is one kind of drift a mock can have from the live service.
//   1. Droplit: a duplicate alias answers 409 (standin: 400 "Alias Exists"), the body unchanged.
//   2. Losant: GET certificate carries an extra field, `vendorExtra` (beside what the spec lists).
//   3. Losant: a certificate that is not found answers {"error":"Not Found"} (not {type, message}).

const PLANTED = {
  // 409 is not a status the spec documents for the create, so the schema rule sees it too.
  duplicateAlias: { api: 'droplit', operationId: 'createEnvironment', rules: ['status', 'schema'] },
  extraField: { api: 'losant', operationId: 'getApplicationCertificate', rules: ['field'] },
  wrongEnvelope: { api: 'losant', operationId: 'getApplicationCertificate', rules: ['envelope', 'schema'] },
} as const;

export interface DeviatingVendor {
  url: string;
  standin: StandinServer;
  close(): Promise<void>;
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

/** The deviation for one answer, or undefined to pass it as standin gave it. */
function deviate(method: string, path: string, status: number, body: Buffer): { status: number; body: Buffer } | undefined {
  const text = body.toString('utf8');
  if (method === 'POST' && path.startsWith('/droplit/v0/api/environments') && status === 400 && text.includes('Alias Exists')) return { status: 409, body };
  if (method === 'GET' && /^\/losant\/applications\/[^/]+\/certificates\/[^/?]+$/.test(path)) {
    if (status === 200) return { status, body: Buffer.from(JSON.stringify({ ...JSON.parse(text), vendorExtra: true })) };
    if (status === 404) return { status, body: Buffer.from('{"error":"Not Found"}') };
  }
  return undefined;
}

export async function startDeviatingVendor(): Promise<DeviatingVendor> {
  const standin = createStandin({ port: 0 });
  await standin.listen(0, '127.0.0.1');
  const upstream = new URL(standin.url());
  const server: Server = createServer((req, res) => {
    void readAll(req).then((body) => {
      const headers = { ...req.headers, host: upstream.host };
      delete headers['transfer-encoding'];
      headers['content-length'] = String(body.length);
      const out = request({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
        void readAll(answer).then((answerBody) => {
          const changed = deviate(req.method ?? 'GET', (req.url ?? '').split('?')[0], answer.statusCode ?? 500, answerBody);
          const sent = changed?.body ?? answerBody;
          const answerHeaders = { ...answer.headers, 'content-length': String(sent.length) };
          delete answerHeaders['transfer-encoding'];
          res.writeHead(changed?.status ?? answer.statusCode ?? 500, answerHeaders);
          res.end(sent);
        });
      });
      out.once('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    standin,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await standin.close();
    },
  };
}

const ALTR_SIGN = (secret: string, method: string, resource: string, date: string) =>
  createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');

/** Where in `sendTraffic` each planted deviation shows: the step's index (0-based) and its rules. */
export const PLANTED_STEPS: Record<number, readonly string[]> = {
  1: PLANTED.duplicateAlias.rules,
  3: PLANTED.extraField.rules,
  4: PLANTED.wrongEnvelope.rules,
};

/**
 * A day of traffic in miniature, through `base` (a proxy serving every API under its prefix): a create
 * then its duplicate, a read of what was made, reads, an unknown id, an ALTR write and read back, an
 * unauthenticated call. Returns the statuses, in order.
 */
export async function sendTraffic(base: string, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  const call = async (path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) => {
    const res = await fetch(`${base}${path}`, { method: init.method ?? 'GET', headers: { ...headers, ...init.headers }, body: init.body });
    statuses.push(res.status);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    try {
      return JSON.parse(text) as Record<string, any>;
    } catch {
      return {};
    }
  };
  const droplit = { authorization: 'droplit-demo-account', 'content-type': 'application/json' };
  const env = JSON.stringify({ ecosystemId: 'C599343aecca8fba8297a3195', alias: 'kitchen', meta: { $label: 'Kitchen' } });
  const created = await call('/droplit/v0/api/environments/', { method: 'POST', headers: droplit, body: env });
  await call('/droplit/v0/api/environments/', { method: 'POST', headers: droplit, body: env });
  await call(`/droplit/v0/api/environments/${created.id}`, { headers: droplit });
  const losant = { authorization: 'Bearer losant-demo-all' };
  await call('/losant/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96', { headers: losant });
  await call('/losant/applications/575ec8687ae143cd83dc4a97/certificates/aaaaaaaaaaaaaaaaaaaaaaaa', { headers: losant });
  await call('/losant/applications/575ec8687ae143cd83dc4a97/certificates?perPage=2', { headers: { authorization: 'Bearer losant-demo-read' } });
  let date = new Date().toISOString();
  const put = await call('/altr/api/v1/single/', {
    method: 'POST',
    headers: {
      'x-altr-date': date,
      authorization: `ALTR ALTR-demo-rw:${ALTR_SIGN('demo-rw-secret', 'POST', '', date)}`,
      'content-type': 'application/octet-stream',
    },
    body: Buffer.from([1, 2, 3, 250]),
  });
  const token = String(put.response?.data?.referenceToken);
  date = new Date().toISOString();
  await call(`/altr/api/v1/single/${token}`, {
    headers: { 'x-altr-date': date, authorization: `ALTR ALTR-demo-ro:${ALTR_SIGN('demo-ro-secret', 'GET', token, date)}` },
  });
  await call('/ignisign/v4/applications/appId_demo/context', { headers: { authorization: 'Bearer skv2_development_demo_devsecret' } });
  await call('/signatures/signatures');
  await call('/losant/applications/575ec8687ae143cd83dc4a97/certificates');
  return statuses;
}
