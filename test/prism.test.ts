import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sampleRequest } from '../contract-tests/lib/sampleRequest';
import { API_NAMES } from '../src/core/types';
import { loadSpec } from '../src/core/spec';

// Prism must load every spec and answer one request per operation: proof the specs are usable by
// the tool our users already know, not only by standin's own loader.
const ROOT = join(__dirname, '..');
const PRISM = join(ROOT, 'node_modules', '.bin', 'prism');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startPrism(specFile: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(PRISM, ['mock', '-h', '127.0.0.1', '-p', String(port), specFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited on ${specFile}:\n${output}`);
    if (/Prism is listening/.test(output)) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`prism did not start on ${specFile} within 30 s:\n${output}`);
}

function authHeaders(security: Array<Record<string, string[]>>, scheme: Record<string, any>): Record<string, string> {
  const name = Object.keys(security[0] ?? {})[0];
  const def = name ? scheme[name] : undefined;
  if (!def) return {};
  if (def.type === 'http') return { authorization: 'Bearer prism-check' };
  return { [String(def.name).toLowerCase()]: 'prism-check' };
}

describe.each([...API_NAMES])('prism mock specs/%s.yaml', (api) => {
  const specFile = join(ROOT, 'specs', `${api}.yaml`);
  const spec = loadSpec(specFile);
  let prism: { child: ChildProcess; url: string };

  beforeAll(async () => {
    prism = await startPrism(specFile);
  }, 40000);
  afterAll(() => {
    prism?.child.kill();
  });

  it.each(spec.operations.map((op) => [op.operationId, op] as const))('answers %s with a documented 2xx', async (_id, op) => {
    const sample = sampleRequest(op);
    const res = await fetch(prism.url + sample.path, {
      method: sample.method,
      headers: { ...sample.headers, ...authHeaders(op.security, spec.document.components?.securitySchemes ?? {}) },
      body: sample.body,
    });
    const text = await res.text();
    expect({ status: res.status, text: res.status >= 300 ? text : '' }).toEqual({ status: expect.any(Number), text: '' });
    expect(Object.keys(op.responses)).toContain(String(res.status));
  });
});
