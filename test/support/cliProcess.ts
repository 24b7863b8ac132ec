import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

// The built CLI (`node dist/src/cli.js`), started the way a user does, for tests that need a real
// process: one that can be killed with SIGKILL mid-write, or that must refuse to start.

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');

export interface CliProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name) once it has exited. */
  exited: Promise<number | string>;
}

/** Spawns `standin <args>`; resolves once it prints its URL, rejects if it exits first. */
export function startCli(args: string[], timeoutMs = 20000): Promise<CliProcess> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before listening:\n${output}`));
    });
  });
}

/** Runs `standin <args>` to its end: exit code and output (for a start that must be refused). */
export function runCli(args: string[], timeoutMs = 20000): Promise<{ code: number | string; output: string }> {
  return startCli(args, timeoutMs).then(
    async (started) => {
      started.child.kill('SIGKILL');
      await started.exited;
      throw new Error(`expected it to refuse to start, but it listens:\n${started.output()}`);
    },
    (err: Error) => {
      const m = /^exited (\S+) before listening:\n([\s\S]*)$/.exec(err.message);
      if (!m) throw err;
      return { code: /^\d+$/.test(m[1]) ? Number(m[1]) : m[1], output: m[2] };
    },
  );
}
