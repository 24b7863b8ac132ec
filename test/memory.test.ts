import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describeIfInstalled } from './support/describeIfInstalled';

// Unbounded memory: every new x-standin-namespace was kept forever, 401s included (5,000 of them took
// RSS from 67 to 905 MB), and a 1 MiB body in 1-byte chunks cost ~430 MB. Measured on a real server
// process (the built CLI, which npm test builds first), after a forced GC, against a documented bound.
const DIST = process.env.STANDIN_DIST ?? join(__dirname, '..', 'dist');
const CLI = join(DIST, 'src', 'cli.js');
/** README "Limits": RSS after 10,000 namespaces and a 1 MiB body in 1-byte chunks stays under this. */
const RSS_BOUND_MB = 300;
const LOSANT_CERTS = '/losant/applications/575ec8687ae143cd83dc4a97/certificates';

function start(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--expose-gc', CLI, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (m) resolve({ child, port: Number(m[1]) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
  });
}

function get(port: number, agent: Agent, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, host: '127.0.0.1', path, headers, agent }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function oneByteChunks(port: number, size: number): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('POST /signatures/signature HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n');
  const block = '1\r\nx\r\n'.repeat(64 * 1024);
  for (let sent = 0; sent < size; sent += 64 * 1024) if (!socket.write(block)) await new Promise((resolve) => socket.once('drain', resolve));
  socket.write('0\r\n\r\n');
  let answer = '';
  socket.on('data', (c) => (answer += c));
  await new Promise((resolve) => socket.once('end', resolve));
  return answer.split('\r\n', 1)[0];
}

// Built code only: skipped where there is no build (a jest run on a fresh clone before `npm run build`).
describeIfInstalled('memory stays bounded (real server process)', existsSync(CLI), 'needs the build (npm run build)', () => {
  let child: ChildProcess;
  let port: number;
  beforeAll(async () => ({ child, port } = await start()));
  afterAll(() => child?.kill('SIGTERM'));

  it(`unbounded memory: 10,000 namespaces (half refused with 401) and a 1 MiB body in 1-byte chunks keep RSS under ${RSS_BOUND_MB} MB`, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i += 100) {
      const batch = Array.from({ length: 100 }, (_, k) => {
        const n = i + k;
        return n % 2 === 0
          ? get(port, agent, '/signatures/signatures', { 'x-standin-namespace': `ok-${n}` })
          : get(port, agent, LOSANT_CERTS, { 'x-standin-namespace': `denied-${n}` });
      });
      for (const { status } of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 5000, 401: 5000 });
    expect(await oneByteChunks(port, 1024 * 1024)).toMatch(/^HTTP\/1\.1 [24]\d\d/);

    const health = JSON.parse((await get(port, agent, '/__admin/health?gc=1')).body);
    process.stdout.write(`memory after 10,000 namespaces and 1 MiB in 1-byte chunks: rss ${Math.round(health.memory.rss / 2 ** 20)} MB\n`);
    const namespaces = JSON.parse((await get(port, agent, '/__admin/namespaces')).body);
    expect(namespaces.losant).toEqual(expect.not.arrayContaining(['denied-1']));
    expect(namespaces.signatures.length).toBeLessThanOrEqual(1000);
    expect(health.memory.rss / 2 ** 20).toBeLessThan(RSS_BOUND_MB);
    agent.destroy();
  }, 120_000);
});
