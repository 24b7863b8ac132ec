import { request as httpRequest } from 'node:http';
import { altrAuthorization, altrSignature } from '../src/apis/altr/signature';
import { API_NAMES } from '../src/apis';
import { createServer } from '../src/server';
import { DEMO_SECRETS, leakForms } from './support/demoSecrets';

// Every demo secret of every API, valid and wrong, sent the way each API takes it (and, beyond that,
// in a query value and a body), must be found in no output: the journal, its live stream, the state
// dumps, the --log-requests lines.

const LOSANT_CERTS = '/losant/applications/575ec8687ae143cd83dc4a97/certificates';
const ECOSYSTEM = 'C599343aecca8fba8297a3195';
const DATE = new Date().toUTCString();
const WRONG = ['skv2_development_demo_notthesecret', 'losant-wrong-token', 'droplit-wrong-token', 'wrong-altr-secret'];
const ALTR_KEYS: [string, string][] = [
  ['ALTR-demo-rw', 'demo-rw-secret'],
  ['ALTR-demo-ro', 'demo-ro-secret'],
  ['ALTR-demo-wo', 'demo-wo-secret'],
  ['ALTR-demo-rw', 'wrong-altr-secret'],
];

interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** The requests: each secret as a credential, and once more where no credential belongs. */
function calls(): Call[] {
  const out: Call[] = [];
  const json = { 'content-type': 'application/json' };
  for (const key of [...DEMO_SECRETS.filter((s) => s.startsWith('skv2_')), WRONG[0]]) {
    out.push({
      method: 'POST',
      path: '/ignisign/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules',
      headers: { ...json, authorization: `Bearer ${key}` },
      body: '{}',
    });
    out.push({ method: 'GET', path: '/ignisign/v4/applications/appId_demo/context', headers: { authorization: `Bearer ${key}` } });
  }
  for (const token of [...DEMO_SECRETS.filter((s) => s.startsWith('losant-')), WRONG[1]]) {
    out.push({ method: 'GET', path: LOSANT_CERTS, headers: { authorization: `Bearer ${token}` } });
  }
  for (const token of [...DEMO_SECRETS.filter((s) => s.startsWith('droplit-')), WRONG[2]]) {
    out.push({ method: 'GET', path: `/droplit/v0/api/environments/?ecosystemId=${ECOSYSTEM}`, headers: { authorization: token } });
    out.push({
      method: 'POST',
      path: '/droplit/v0/api/environments/',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: JSON.stringify({ ecosystemId: ECOSYSTEM }),
    });
  }
  // A known secret where no credential belongs (a wrong one there cannot be told from data): in a query
  // value the answer echoes (Losant's list `filter`), and in a body that is stored (Droplit's `meta`).
  for (const secret of DEMO_SECRETS) {
    out.push({
      method: 'GET',
      path: `${LOSANT_CERTS}?filterField=name&filter=${encodeURIComponent(secret)}`,
      headers: { authorization: 'Bearer losant-demo-all' },
    });
    out.push({
      method: 'POST',
      path: '/droplit/v0/api/environments/',
      headers: { ...json, authorization: 'droplit-demo-account' },
      body: JSON.stringify({ ecosystemId: ECOSYSTEM, meta: { note: secret } }),
    });
  }
  for (const [key, secret] of ALTR_KEYS) {
    out.push({
      method: 'POST',
      path: '/altr/api/v1/single/',
      headers: { authorization: altrAuthorization(key, secret, 'POST', '', DATE), 'x-altr-date': DATE },
      body: 'payload',
    });
    const token = '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70';
    out.push({
      method: 'GET',
      path: `/altr/api/v1/single/${token}`,
      headers: { authorization: altrAuthorization(key, secret, 'GET', token, DATE), 'x-altr-date': DATE },
    });
  }
  out.push({ method: 'GET', path: '/signatures/signatures', headers: { authorization: `Bearer ${DEMO_SECRETS[0]}` } });
  return out;
}

/** What must not appear: each secret in the forms it could leak in, and the ALTR signatures made from them. */
function needles(): string[] {
  const signatures = ALTR_KEYS.flatMap(([, secret]) => [
    altrSignature(secret, 'POST', '', DATE),
    altrSignature(secret, 'GET', '9f2b6c1e4d7a4b0c8e3f5a2d1c6b9e70', DATE),
  ]);
  return [...new Set([...DEMO_SECRETS, ...WRONG].flatMap(leakForms)), ...signatures];
}

function send(base: string, call: Call): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${call.path}`, { method: call.method, headers: call.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

/** The stream's text until `until` says it holds enough. */
function streamText(url: string, headers: Record<string, string>, until: (text: string) => boolean): Promise<{ text: string; close: () => void }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = httpRequest(url, { headers }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        if (until(text)) resolve({ text, close: () => req.destroy() });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('no demo secret appears in any output', () => {
  const server = createServer({ port: 0, logRequests: true, adminToken: 'admin-tok' });
  const admin = { authorization: 'Bearer admin-tok' };
  const stderr: string[] = [];
  let spy: jest.SpyInstance;
  beforeAll(async () => {
    await server.listen();
    spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
  });
  afterAll(async () => {
    spy.mockRestore();
    await server.close();
  });

  it('journal JSON, SSE events, state dumps and request log lines', async () => {
    const all = calls();
    const live = streamText(`${server.url()}/__admin/journal/stream`, admin, (t) => (t.match(/^id: /gm) ?? []).length >= all.length);
    await new Promise((r) => setTimeout(r, 50));
    for (const call of all) await send(server.url(), call);
    const { text: sse, close } = await live;
    close();
    const journal = await (await fetch(`${server.url()}/__admin/journal`, { headers: admin })).text();
    const states = await Promise.all(API_NAMES.map(async (api) => (await fetch(`${server.url()}/__admin/state/${api}`, { headers: admin })).text()));
    const outputs: Record<string, string> = { journal, sse, stderr: stderr.join('') };
    API_NAMES.forEach((api, i) => (outputs[`state/${api}`] = states[i]));

    // The outputs are real: every request is journaled and logged, with its exchange.
    expect(JSON.parse(journal).entries).toHaveLength(all.length);
    expect(stderr.filter((l) => / -> \d{3}/.test(l))).toHaveLength(all.length);
    expect(JSON.parse(journal).entries.some((e: any) => e.request.headers.authorization === 'ALTR ***')).toBe(true);
    expect(JSON.parse(journal).entries.some((e: any) => e.request.headers.authorization === '***')).toBe(true);

    const leaks: string[] = [];
    for (const [where, text] of Object.entries(outputs)) for (const needle of needles()) if (text.includes(needle)) leaks.push(`${where}: ${needle}`);
    expect(leaks).toEqual([]);
  });
});
