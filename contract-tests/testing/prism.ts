import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PACKAGE_ROOT, SPECS_DIR } from '../../src/paths';

// Starts Prism (mock or validating proxy) on a free loopback port and stops it again.

export interface PrismProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startPrism(args: { mode: 'mock' } | { mode: 'proxy'; upstream: string }, api: string): Promise<PrismProcess> {
  const port = await freePort();
  const spec = join(SPECS_DIR, `${api}.yaml`);
  const argv =
    args.mode === 'mock'
      ? ['mock', '-h', '127.0.0.1', '-p', String(port), spec]
      : ['proxy', '--errors', '-h', '127.0.0.1', '-p', String(port), spec, args.upstream];
  // Its own process group, so stopping it stops whatever it started too.
  const child: ChildProcess = spawn(join(PACKAGE_ROOT, 'node_modules', '.bin', 'prism'), argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }
    await exited;
  };
  const deadline = Date.now() + 40000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism ${args.mode} exited on ${api}:\n${output}`);
    if (/Prism is listening/.test(output)) return { url: `http://127.0.0.1:${port}`, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`prism ${args.mode} did not start on ${api} within 40 s:\n${output}`);
}
