import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

// npm does not pass a SIGTERM sent to its own PID on to the script it runs; a supervisor or a test
// that holds only npm's PID must still be able to stop the server with it.
const ROOT = join(__dirname, '..');

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  let npm: ChildProcess | undefined;
  afterAll(() => {
    if (npm?.pid && groupAlive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
  });

  it('stops the server when npm itself gets SIGTERM: the port closes and nothing is left behind', async () => {
    npm = spawn('npm', ['start', '--silent', '--', '--port', '0'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '' },
    });
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line within 45 s:\n${output}`)), 45000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /standin listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      npm!.stdout!.on('data', onData);
      npm!.stderr!.on('data', onData);
      npm!.once('exit', (code) => reject(new Error(`npm exited ${code} before listening:\n${output}`)));
    });
    expect(await refused(port)).toBe(false);
    const exited = new Promise((resolve) => npm!.once('exit', resolve));
    process.kill(npm.pid!, 'SIGTERM');
    await exited;
    const started = Date.now();
    while (!(await refused(port)) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
    expect(await refused(port)).toBe(true);
    while (groupAlive(npm.pid!) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 100));
    expect(groupAlive(npm.pid!)).toBe(false);
  }, 60000);
});
