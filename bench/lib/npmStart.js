'use strict';
// `npm start` on a built, unchanged checkout, timed to its first 2xx: what a user waits for. The
// prestart build check (scripts/build-if-stale.js) is part of it; a stale build is said, not hidden.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { REQUESTS } = require('./requests');
const { ROOT } = require('./servers');
const { takePort, startProcess, stopProcess, waitFirst2xx } = require('./process');

/** Whether the build is current (exit 0 of `build-if-stale.js --check`), so npm start will not rebuild. */
function buildIsFresh() {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js'), '--check'], { cwd: ROOT, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {{ times?: number, logDir: string, log?: (msg: string) => void }} opts
 * @returns {Promise<{ ms: number[], fresh: boolean, error?: string }>}
 */
async function measureNpmStart(opts) {
  const times = opts.times ?? 2;
  const log = opts.log ?? (() => {});
  const fresh = buildIsFresh();
  const def = REQUESTS.find((r) => r.id === 'losant-get');
  const ms = [];
  for (let i = 0; i < times; i++) {
    const port = await takePort();
    log(`npm start ${i + 1}/${times} (port ${port}) ...`);
    const t0 = process.hrtime.bigint();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = startProcess(
      { command: npm, args: ['start', '--silent', '--', '--port', String(port), '--host', '127.0.0.1'] },
      path.join(opts.logDir, `npm-start-${port}.log`),
    );
    try {
      const first = await waitFirst2xx(child, port, def.make('standin').next, t0, 30000);
      ms.push(first.ms);
      log(`    first 2xx after ${Math.round(first.ms)} ms`);
    } catch (err) {
      return { ms, fresh, error: String(err.message || err) };
    } finally {
      await stopProcess(child);
    }
  }
  return { ms, fresh };
}

module.exports = { measureNpmStart };
