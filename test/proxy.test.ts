import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTcpServer, connect, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createProxy, type StandinProxy } from '../src/proxy/proxyServer';
import { createServer, type StandinServer } from '../src/server';

// The proxy forwards bytes as they came, both ways, and journals each exchange with its spec checks.

const API_NAMES = ['ignisign', 'altr', 'signatures', 'losant', 'droplit'];
const CERT_PATH = '/losant/applications/575ec8687ae143cd83dc4a97/certificates/575ec76c7ae143cd83dc4a96';

/** Bytes onto a socket; resolves with everything the server sent before it closed. */
function rawSend(url: string, bytes: Buffer | string): Promise<Buffer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('end', () => resolve(Buffer.concat(chunks)));
    socket.once('error', reject);
  });
}

function split(raw: Buffer): { head: string; body: Buffer } {
  const at = raw.indexOf('\r\n\r\n');
  return { head: raw.subarray(0, at).toString('latin1'), body: raw.subarray(at + 4) };
}

/** The head's fields, minus the ones each hop makes itself. */
function endToEndFields(head: string): string[] {
  return head
    .split('\r\n')
    .slice(1)
    .filter((line) => !/^(date|connection|keep-alive):/i.test(line));
}

/** An upstream that keeps the raw bytes it received and answers one fixed response. */
async function captureUpstream(answer: string): Promise<{ url: string; received: () => string; close: () => Promise<void> }> {
  let received = '';
  const server: TcpServer = createTcpServer((socket) => {
    socket.on('data', (c: Buffer) => {
      received += c.toString('latin1');
      // A chunked body ends with its zero chunk, a sized one with its length.
      const head = received.split('\r\n\r\n')[0];
      const length = /content-length: *(\d+)/i.exec(head);
      const body = received.slice(head.length + 4);
      if (
        (length && body.length >= Number(length[1])) ||
        body.endsWith('0\r\n\r\n') ||
        (!length && !/transfer-encoding/i.test(head) && received.includes('\r\n\r\n'))
      ) {
        socket.end(answer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function altrSign(secret: string, method: string, resource: string, date: string): string {
  return createHmac('sha256', secret).update(`${method}\n${resource}\n${date}\n`).digest('base64');
}

describe('standin proxy', () => {
  let standin: StandinServer;
  let proxy: StandinProxy;

  beforeAll(async () => {
    standin = createServer({ port: 0 });
    await standin.listen(0, '127.0.0.1');
    proxy = createProxy({ pairs: API_NAMES.map((api) => ({ api, upstream: `${standin.url()}/${api}` })) });
    await proxy.listen(0);
  });

  afterAll(async () => {
    await proxy.close();
    await standin.close();
  });

  test('the answer comes back byte for byte: same status line, same end-to-end fields, same body', async () => {
    const request = `GET ${CERT_PATH} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer losant-demo-all\r\nConnection: close\r\n\r\n`;
    const direct = split(await rawSend(standin.url(), request));
    const proxied = split(await rawSend(proxy.url(), request));
    expect(proxied.head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(endToEndFields(proxied.head)).toEqual(endToEndFields(direct.head));
    expect(proxied.body.equals(direct.body)).toBe(true);
  });

  test('a request reaches the upstream unchanged but for Host and the hop-by-hop fields; chunked stays chunked', async () => {
    const upstream = await captureUpstream('HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Vendor-Case: Kept\r\nContent-Length: 2\r\n\r\n{}');
    const through = createProxy({ pairs: [{ api: 'droplit', upstream: `${upstream.url}/base` }], root: true });
    await through.listen(0);
    try {
      const body = '{"ecosystemId":"C599343aecca8fba8297a3195",  "alias":"k\u00fcche"}';
      const chunked =
        `POST /v0/api/environments/?x=%2F1 HTTP/1.1\r\nHost: client.example\r\nX-Odd-Case: Value\r\nAuthorization: droplit-demo-account\r\n` +
        `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close, X-Hop\r\nX-Hop: gone\r\nKeep-Alive: timeout=5\r\n\r\n` +
        `${Buffer.byteLength(body.slice(0, 10)).toString(16)}\r\n${body.slice(0, 10)}\r\n${Buffer.byteLength(body.slice(10)).toString(16)}\r\n${body.slice(10)}\r\n0\r\n\r\n`;
      const answer = split(await rawSend(through.url(), Buffer.from(chunked, 'utf8')));
      expect(answer.head).toMatch(/^HTTP\/1.1 201 Created/);
      expect(answer.head).toContain('X-Vendor-Case: Kept');
      expect(answer.body.toString()).toBe('{}');
      const seen = Buffer.from(upstream.received(), 'latin1').toString('utf8');
      const [head, rest] = [seen.slice(0, seen.indexOf('\r\n\r\n')), seen.slice(seen.indexOf('\r\n\r\n') + 4)];
      expect(head.split('\r\n')[0]).toBe('POST /base/v0/api/environments/?x=%2F1 HTTP/1.1');
      expect(head).toContain(`Host: ${new URL(upstream.url).host}`);
      expect(head).toContain('X-Odd-Case: Value');
      expect(head).toContain('Authorization: droplit-demo-account');
      expect(head).toMatch(/Transfer-Encoding: chunked/i);
      expect(head).not.toMatch(/content-length/i);
      expect(head).not.toMatch(/x-hop|keep-alive: timeout/i);
      // The chunks carry the body as the client sent it, ending with the zero chunk.
      expect(rest).toContain('"alias":"k\u00fcche"}');
      expect(rest.endsWith('0\r\n\r\n')).toBe(true);
    } finally {
      await through.close();
      await upstream.close();
    }
  });

  test('a sized body arrives with its Content-Length and its exact bytes, not UTF-8 included', async () => {
    const upstream = await captureUpstream('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    const through = createProxy({ pairs: [{ api: 'altr', upstream: upstream.url }], root: true });
    await through.listen(0);
    try {
      const bytes = Buffer.from([0, 255, 254, 13, 10, 13, 10, 1, 2, 3]);
      const head = `POST /api/v1/single/ HTTP/1.1\r\nHost: h\r\nContent-Type: application/octet-stream\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`;
      await rawSend(through.url(), Buffer.concat([Buffer.from(head), bytes]));
      const seen = Buffer.from(upstream.received(), 'latin1');
      const at = seen.indexOf('\r\n\r\n');
      expect(seen.subarray(0, at).toString()).toContain(`Content-Length: ${bytes.length}`);
      expect(seen.subarray(at + 4).equals(bytes)).toBe(true);
    } finally {
      await through.close();
      await upstream.close();
    }
  });

  test('an ALTR signed PutData passes the upstream auth, and GetData returns the exact bytes', async () => {
    const bytes = Buffer.from([0xff, 0x00, 0xfe, 0x80, 0x41]);
    let date = new Date().toISOString();
    const put = await fetch(`${proxy.url()}/altr/api/v1/single/`, {
      method: 'POST',
      headers: {
        'x-altr-date': date,
        authorization: `ALTR ALTR-demo-rw:${altrSign('demo-rw-secret', 'POST', '', date)}`,
        'content-type': 'application/octet-stream',
      },
      body: bytes,
    });
    expect(put.status).toBe(200);
    const token = ((await put.json()) as { response: { data: { referenceToken: string } } }).response.data.referenceToken;
    date = new Date().toISOString();
    const get = await fetch(`${proxy.url()}/altr/api/v1/single/${token}`, {
      headers: { 'x-altr-date': date, authorization: `ALTR ALTR-demo-ro:${altrSign('demo-ro-secret', 'GET', token, date)}` },
    });
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
    expect(get.headers.get('x-expected-hash')).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  test('a chunked ALTR upload stays chunked upstream: the vendor truncation rule for uploads without Content-Length applies', async () => {
    const data = 'x'.repeat(5000);
    const date = new Date().toISOString();
    const head =
      `POST /altr/api/v1/single/ HTTP/1.1\r\nHost: h\r\nX-ALTR-DATE: ${date}\r\nAuthorization: ALTR ALTR-demo-rw:${altrSign('demo-rw-secret', 'POST', '', date)}\r\n` +
      `Content-Type: application/octet-stream\r\nX-Content-Length-Hint: 100\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    const raw = split(
      await rawSend(proxy.url(), `${head}${(2500).toString(16)}\r\n${data.slice(0, 2500)}\r\n${(2500).toString(16)}\r\n${data.slice(2500)}\r\n0\r\n\r\n`),
    );
    const bodyText = /transfer-encoding: chunked/i.test(raw.head) ? raw.body.toString().split('\r\n')[1] : raw.body.toString();
    const token = (JSON.parse(bodyText) as { response: { data: { referenceToken: string } } }).response.data.referenceToken;
    const getDate = new Date().toISOString();
    const get = await fetch(`${proxy.url()}/altr/api/v1/single/${token}`, {
      headers: { 'x-altr-date': getDate, authorization: `ALTR ALTR-demo-ro:${altrSign('demo-ro-secret', 'GET', token, getDate)}` },
    });
    expect((await get.text()).length).toBe(3072);
  });

  test('an unreachable upstream answers 502 in the vendor envelope, with the reason in the journal', async () => {
    const dead = createTcpServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const through = createProxy({
      pairs: [
        { api: 'losant', upstream: `http://127.0.0.1:${port}` },
        { api: 'ignisign', upstream: `http://127.0.0.1:${port}` },
      ],
    });
    await through.listen(0);
    try {
      const losant = await fetch(`${through.url()}${CERT_PATH}`, { headers: { authorization: 'Bearer losant-demo-all' } });
      expect(losant.status).toBe(502);
      const body = (await losant.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['message', 'type']);
      expect(String(body.message)).toContain('cannot be reached');
      const ignisign = await fetch(`${through.url()}/ignisign/v4/applications/appId_demo/context`, { headers: { authorization: 'Bearer x' } });
      expect(ignisign.status).toBe(502);
      // An envelope that repeats the status repeats 502.
      expect(((await ignisign.json()) as { status: number }).status).toBe(502);
      await through.settled();
      const journal = (await (await fetch(`${through.url()}/__admin/journal?api=losant`)).json()) as { entries: Array<Record<string, any>> };
      expect(journal.entries).toHaveLength(1);
      expect(journal.entries[0]).toMatchObject({
        source: 'proxy',
        status: 502,
        operationId: 'getApplicationCertificate',
        reason: { rule: 'proxy-upstream-unreachable' },
      });
    } finally {
      await through.close();
    }
  });

  test('each exchange is journaled with its violations, and credentials never reach the journal', async () => {
    await proxy.settled();
    await fetch(`${proxy.url()}/__admin/journal`, { method: 'DELETE' });
    await fetch(`${proxy.url()}/losant/applications/575ec8687ae143cd83dc4a97/certificates?perPage=abc`, {
      headers: { authorization: 'Bearer losant-demo-all' },
    });
    await fetch(`${proxy.url()}${CERT_PATH}`, { headers: { authorization: 'Bearer losant-demo-read' } });
    await proxy.settled();
    const text = await (await fetch(`${proxy.url()}/__admin/journal?api=losant`)).text();
    expect(text).not.toContain('losant-demo-all');
    expect(text).not.toContain('losant-demo-read');
    const { entries } = JSON.parse(text) as { entries: Array<Record<string, any>> };
    expect(entries).toHaveLength(2);
    const [bad, good] = entries;
    expect(bad).toMatchObject({ source: 'proxy', status: 400, operationId: 'listApplicationCertificates', reason: { rule: 'upstream' } });
    expect(bad.violations).toEqual([expect.objectContaining({ in: 'request', pointer: '/query/perPage' })]);
    expect(bad.request.headers.authorization).toBe('Bearer ***');
    expect(good).toMatchObject({ status: 200, violations: [] });
    expect(good.request.headers.authorization).toBe('Bearer ***');
    expect(good.response.body).toMatchObject({ encoding: 'utf8', truncated: false });
    expect(JSON.parse(good.response.body.text).id).toBe('575ec76c7ae143cd83dc4a96');
  });

  test('--violations-header counts the problems on the answer; a body over the cap is passed on, "not checked"', async () => {
    const through = createProxy({ pairs: [{ api: 'losant', upstream: `${standin.url()}/losant` }], violationsHeader: true, bodyLimit: 200 });
    await through.listen(0);
    try {
      const bad = await fetch(`${through.url()}/losant/applications/575ec8687ae143cd83dc4a97/certificates?perPage=abc`, {
        headers: { authorization: 'Bearer losant-demo-all' },
      });
      expect(bad.headers.get('x-standin-violations')).toBe('1');
      const direct = await (await fetch(`${standin.url()}${CERT_PATH}`, { headers: { authorization: 'Bearer losant-demo-all' } })).text();
      const big = await fetch(`${through.url()}${CERT_PATH}`, { headers: { authorization: 'Bearer losant-demo-all' } });
      expect(big.headers.get('x-standin-violations')).toBe('0');
      expect(await big.text()).toBe(direct);
      await through.settled();
      const { entries } = (await (await fetch(`${through.url()}/__admin/journal`)).json()) as { entries: Array<Record<string, any>> };
      expect(entries[1].violations).toEqual([{ in: 'response', pointer: '/body', message: 'not checked: body over 200 bytes' }]);
      expect(entries[1].response.body).toMatchObject({ size: Buffer.byteLength(direct), truncated: true });
    } finally {
      await through.close();
    }
  });

  test('a client that goes away before the answer takes the upstream request with it, and the journal says so', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const silent = createTcpServer((socket) => socket.resume().once('close', () => upstreamClosed()));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const through = createProxy({ pairs: [{ api: 'losant', upstream: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` }], root: true });
    await through.listen(0);
    try {
      const aborted = new AbortController();
      const pending = fetch(`${through.url()}/applications/575ec8687ae143cd83dc4a97/certificates`, { signal: aborted.signal }).catch(() => 'aborted');
      await new Promise((resolve) => setTimeout(resolve, 100));
      aborted.abort();
      expect(await pending).toBe('aborted');
      await closed;
      await through.settled();
      const { entries } = (await (await fetch(`${through.url()}/__admin/journal`)).json()) as { entries: Array<Record<string, any>> };
      expect(entries).toEqual([expect.objectContaining({ status: 499, reason: { rule: 'proxy-client-closed', message: expect.any(String) } })]);
    } finally {
      await through.close();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  test('the proxy’s /__admin is standin’s: the journal’s filters, and --admin-token on every route, /__admin/drift included', async () => {
    const through = createProxy({ pairs: [{ api: 'losant', upstream: `${standin.url()}/losant` }], adminToken: 'proxy-admin-token', shadow: true });
    await through.listen(0);
    try {
      await fetch(`${through.url()}/losant${CERT_PATH.slice('/losant'.length)}`, { headers: { authorization: 'Bearer losant-demo-all' } });
      await fetch(`${through.url()}/losant${CERT_PATH.slice('/losant'.length)}`);
      await through.settled();
      for (const route of ['/__admin/journal', '/__admin/drift']) {
        const refused = await fetch(`${through.url()}${route}`);
        expect(refused.status).toBe(401);
        expect(((await refused.json()) as { standin: { error: string } }).standin.error).toBe('Unauthorized');
      }
      const admin = { authorization: 'Bearer proxy-admin-token' };
      const { entries } = (await (await fetch(`${through.url()}/__admin/journal?status=4xx`, { headers: admin })).json()) as {
        entries: Array<Record<string, any>>;
      };
      expect(entries.map((e) => e.status)).toEqual([401]);
      expect((await fetch(`${through.url()}/__admin/drift`, { headers: admin })).status).toBe(200);
    } finally {
      await through.close();
    }
  });

  test('an absolute-form target (a client using the proxy as its HTTP proxy) is routed like its origin form', async () => {
    const raw = split(
      await rawSend(
        proxy.url(),
        `GET http://vendor.example${CERT_PATH} HTTP/1.1\r\nHost: vendor.example\r\nAuthorization: Bearer losant-demo-all\r\nConnection: close\r\n\r\n`,
      ),
    );
    expect(raw.head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  });

  test('an upstream that breaks off mid-answer breaks off the client’s answer too, and nothing half is recorded', async () => {
    const breaking = createTcpServer((socket) => {
      socket.resume();
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"items":');
      setTimeout(() => socket.destroy(), 50);
    });
    await new Promise<void>((resolve) => breaking.listen(0, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'standin-proxy-'));
    const through = createProxy({
      pairs: [{ api: 'losant', upstream: `http://127.0.0.1:${(breaking.address() as AddressInfo).port}` }],
      root: true,
      record: dir,
    });
    await through.listen(0);
    try {
      const outcome = await fetch(`${through.url()}/applications/575ec8687ae143cd83dc4a97/certificates`)
        .then((res) => res.text())
        .catch((error: Error) => error);
      // The body never completes: fetch fails rather than resolving with half a body.
      expect(typeof outcome).not.toBe('string');
      await through.settled();
      const { entries } = (await (await fetch(`${through.url()}/__admin/journal`)).json()) as { entries: Array<Record<string, any>> };
      expect(entries).toEqual([
        expect.objectContaining({ reason: { rule: 'proxy-upstream-unreachable', message: expect.stringContaining('broke off its answer') } }),
      ]);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      await through.close();
      await new Promise<void>((resolve) => breaking.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bytes the proxy’s parser refuses get the vendor’s envelope (standin’s own off any prefix), never a bare 400', async () => {
    const losant = split(await rawSend(proxy.url(), `GET ${CERT_PATH} HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n`));
    expect(losant.head).toMatch(/^HTTP\/1.1 400/);
    expect(losant.head).toMatch(/x-standin-error: MalformedRequest/i);
    expect(Object.keys(JSON.parse(losant.body.toString())).sort()).toEqual(['message', 'type']);
    const nowhere = split(await rawSend(proxy.url(), 'GET /nowhere HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'));
    expect(JSON.parse(nowhere.body.toString())).toEqual({ standin: { error: 'MalformedRequest', message: expect.any(String) } });
  });

  test('a path under no proxied prefix gets standin’s own 404', async () => {
    const res = await fetch(`${proxy.url()}/nowhere/x`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ standin: { error: 'UnknownApi', message: expect.stringContaining('/nowhere/x') } });
  });
});

describe('a proxy port that cannot be opened', () => {
  it("says why and which flag to change, keeping node's code", async () => {
    const busy: TcpServer = await new Promise((resolve) => {
      const s = createTcpServer().listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (busy.address() as AddressInfo).port;
    try {
      const proxy = createProxy({ pairs: [{ api: 'losant', upstream: 'http://127.0.0.1:9/losant' }] });
      await expect(proxy.listen(port, '127.0.0.1')).rejects.toMatchObject({
        message: `cannot listen on 127.0.0.1:${port}: the port is in use: stop what holds it, or give another with --port N (0 picks a free one)`,
        code: 'EADDRINUSE',
      });
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
