'use strict';
// Child processes: start, wait for the first 2xx, read /proc, stop. Only what this module started is
// ever signalled: each server runs in a process group of its own (detached), and only those groups are
// signalled (SIGTERM, then SIGKILL after 5 s).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');

/** @type {Map<number, { child: import('node:child_process').ChildProcess, exited: Promise<void> }>} */
const live = new Map();

/** @param {number} port @returns {Promise<boolean>} */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

let nextPort = 30800;
/** A free port below the ephemeral range (32768-60999 here), never the same twice in one run. */
async function takePort() {
  for (let tries = 0; tries < 200; tries++) {
    const port = nextPort++;
    if (nextPort >= 32700) nextPort = 30800;
    if (await portIsFree(port)) return port;
  }
  throw new Error('no free port in 30800-32699');
}

/**
 * @param {{ command: string, args: string[] }} cmd
 * @param {string} logFile stdout and stderr go there (Prism's default log is several lines per request)
 */
function startProcess(cmd, logFile) {
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(cmd.command, cmd.args, { stdio: ['ignore', fd, fd], detached: true });
  fs.closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => {});
  live.set(child.pid, { child, exited });
  exited.then(() => live.delete(child.pid));
  return child;
}

/** @param {number} pgid @param {NodeJS.Signals} sig */
function signalGroup(pgid, sig) {
  try {
    process.kill(-pgid, sig); // only groups this module created (detached children lead their own group)
  } catch {
    /* already gone */
  }
}

/** @param {number} pid @returns {number | null} the process group of pid, null if it is gone */
function pgrpOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return null;
  }
}

/** SIGTERM to the child's process group, SIGKILL after 5 s if it is still there. */
async function stopProcess(child) {
  const entry = live.get(child.pid);
  if (!entry) return 'already exited';
  const pgid = child.pid;
  const descendants = processTree(pgid).slice(1);
  signalGroup(pgid, 'SIGTERM');
  const timedOut = await Promise.race([entry.exited.then(() => false), new Promise((r) => setTimeout(() => r(true), 5000))]);
  if (timedOut) {
    signalGroup(pgid, 'SIGKILL');
    await entry.exited;
  }
  // Descendants that outlived the leader: only those still in the group this module created.
  for (const pid of descendants) {
    if (pgrpOf(pid) === pgid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  return timedOut ? 'SIGKILL' : 'SIGTERM';
}

async function stopAll() {
  await Promise.all([...live.values()].map((e) => stopProcess(e.child)));
}

/** Last resort on process exit: synchronous SIGKILL to every group still alive. */
function killAllSync() {
  for (const pid of live.keys()) signalGroup(pid, 'SIGKILL');
}

/**
 * One request with node:http (no keep-alive). Resolves {status, headers, body}, rejects on a socket error.
 * @param {number} port @param {import('./requests').Req} req
 */
function sendOnce(port, req, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers = { ...req.headers };
    if (body) headers['content-length'] = String(body.length);
    const r = http.request({ host: '127.0.0.1', port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.setTimeout(timeoutMs, () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(body);
  });
}

/**
 * Polls every 20 ms with the measured request until the first 2xx. A non-2xx answer is kept
 * (and returned as `lastAnswer`) but polling goes on until the limit.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} port @param {() => import('./requests').Req} next @param {number} t0 hrtime (ns) before spawn
 */
async function waitFirst2xx(child, port, next, t0, limitMs = 60000) {
  let lastAnswer = null;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const res = await sendOnce(port, next(), 1000);
      if (res.status >= 200 && res.status < 300) return { ms: Number(process.hrtime.bigint() - t0) / 1e6, answer: res };
      lastAnswer = res;
    } catch {
      /* not listening yet */
    }
    if (Number(process.hrtime.bigint() - t0) / 1e6 > limitMs) {
      const seen = lastAnswer ? `; last answer ${lastAnswer.status} ${lastAnswer.body.slice(0, 300)}` : '; never answered';
      throw new Error(`no 2xx within ${limitMs / 1000} s${seen}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** @param {number} pid @returns {number[]} pid and its descendants */
function processTree(pid) {
  const parents = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      /* gone */
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parents) if (pp === out[i]) out.push(p);
  return out;
}

const CLK_TCK = 100; // getconf CLK_TCK on Linux

/**
 * Peak RSS (VmHWM), current RSS (VmRSS) and CPU time (utime+stime) summed over the process tree.
 * @param {number} pid @returns {{ hwmKb: number, rssKb: number, cpuMs: number, userMs: number, sysMs: number }}
 */
function procStats(pid) {
  let hwmKb = 0;
  let rssKb = 0;
  let userMs = 0;
  let sysMs = 0;
  for (const p of processTree(pid)) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      hwmKb += Number((/VmHWM:\s+(\d+)/.exec(status) || [0, 0])[1]);
      rssKb += Number((/VmRSS:\s+(\d+)/.exec(status) || [0, 0])[1]);
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 (user) and 15 (kernel) of /proc/PID/stat.
      userMs += (Number(f[11]) * 1000) / CLK_TCK;
      sysMs += (Number(f[12]) * 1000) / CLK_TCK;
    } catch {
      /* gone */
    }
  }
  return { hwmKb, rssKb, cpuMs: userMs + sysMs, userMs, sysMs };
}

module.exports = { takePort, startProcess, stopProcess, stopAll, killAllSync, waitFirst2xx, sendOnce, procStats };
