#!/usr/bin/env node
'use strict';
// Load benchmark: standin against Prism mock (default log and -v silent) and a bare node:http ceiling.
// See bench/README.md. Every (round, server, request) gets a fresh server process on 127.0.0.1.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const { parseArgs, HELP } = require('./lib/args');
const { REQUESTS } = require('./lib/requests');
const { SERVERS, ROOT } = require('./lib/servers');
const { takePort, startProcess, stopProcess, stopAll, killAllSync, waitFirst2xx, procStats } = require('./lib/process');
const { runLoad, stopRunning } = require('./lib/load');
const { aggregate, ratios, stateCosts, goals, markdown, clean } = require('./lib/report');
const { runSoak } = require('./lib/soak');
const { measureNpmStart } = require('./lib/npmStart');
const { measureProxyOverhead, proxyMarkdown } = require('./lib/proxy');
const { readScale } = require('./lib/scaleResult');
const { redisServerPath, redisUrl, flushRedis, stopRedis, newDataDir, removeDataDir } = require('./lib/stateBackends');

/** The state rows, after the memory-mode rows of the same request. */
const STATE_SERVERS = ['standin-data-dir', 'standin-redis', 'standin-redis-2'];

const RESULTS = path.join(__dirname, 'results');

function log(msg) {
  process.stderr.write(`${msg}\n`);
}

function versionOf(pkg) {
  try {
    return require(path.join(ROOT, 'node_modules', pkg, 'package.json')).version;
  } catch {
    return '?';
  }
}

function commit() {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'specs', 'fixtures'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${sha} + uncommitted changes in src/specs/fixtures` : sha;
  } catch {
    return 'unknown';
  }
}

/** The cases of one round, in the order they run. */
function casesFor(opts, round) {
  const cases = [];
  const byId = Object.fromEntries(SERVERS.map((s) => [s.id, s]));
  for (const req of REQUESTS.filter((r) => r.kinds.includes('bare'))) cases.push({ server: byId['node-http'], request: req });
  for (const req of REQUESTS.filter((r) => r.kinds.includes('standin')))
    for (const id of ['standin', ...(opts.noState ? [] : STATE_SERVERS), 'prism-quiet', 'prism']) cases.push({ server: byId[id], request: req });
  const runnable = redisServerPath() ? cases : cases.filter((c) => c.server.state !== 'redis');
  const picked = opts.only.length ? runnable.filter((c) => opts.only.some((o) => `${c.server.id}/${c.request.id}`.includes(o))) : runnable;
  return round % 2 === 0 ? picked.reverse() : picked;
}

/** Start, wait for the first 2xx, warm up, measure, stop. Never throws: failures become `error`. */
async function measure(server, request, opts, round, logDir) {
  const gen = request.make(server.kind);
  const rec = {
    round,
    server: server.id,
    serverLabel: server.label,
    request: request.id,
    requestLabel: request.label,
    method: request.method,
    notes: [],
  };
  for (let attempt = 1; attempt <= 2; attempt++) {
    const port = await takePort();
    const logFile = path.join(logDir, `r${round}-${server.id}-${request.id}-${port}.log`);
    let state;
    try {
      state = await prepareState(server);
    } catch (err) {
      rec.error = `not measured: ${err.message}`;
      return rec;
    }
    const t0 = process.hrtime.bigint();
    const child = startProcess(server.command(port, request.api, state), logFile);
    try {
      const first = await waitFirst2xx(child, port, gen.next, t0);
      rec.port = port;
      rec.startMs = first.ms;
      rec.firstStatus = first.answer.status;
      if (first.answer.headers['sl-violations']) rec.notes.push(`Prism sl-violations on the probe: ${first.answer.headers['sl-violations']}`);
      if (opts.warmup > 0) {
        const w = await runLoad(port, [gen.fixed || gen.next], { duration: opts.warmup, connections: opts.connections });
        if (w.non2xx || w.errors) rec.notes.push(`warm-up: ${w.non2xx} non-2xx, ${w.errors} errors`);
      }
      const before = procStats(child.pid);
      const m = await runLoad(port, [gen.fixed || gen.next], { duration: opts.duration, connections: opts.connections });
      const after = procStats(child.pid);
      Object.assign(rec, m);
      rec.peakRssMb = after.hwmKb / 1024;
      rec.cpuMs = after.cpuMs - before.cpuMs;
      rec.cpuMsPer1k = m.total ? (rec.cpuMs / m.total) * 1000 : NaN;
      rec.notes.push(...gen.notes());
      rec.stoppedWith = await stopProcess(child);
      if (state.dataDir) removeDataDir(state.dataDir);
      return rec;
    } catch (err) {
      rec.stoppedWith = await stopProcess(child);
      if (state.dataDir) removeDataDir(state.dataDir);
      const out = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      const why = String(err.message || err).split('\n')[0];
      const firstLine = (out.split('\n').find((l) => /Error|error/.test(l)) || '').trim().slice(0, 200);
      // A server that never answered gets one more try on another port, as the baseline does; the
      // failed attempt stays in the notes. A failure after the first answer is never retried.
      if (attempt === 1 && rec.startMs === undefined) {
        rec.notes.push(`start attempt 1 failed (${why}${firstLine ? `: ${firstLine}` : ''}); retried on another port`);
        continue;
      }
      rec.error = why;
      rec.logTail = out.slice(-1500);
      return rec;
    }
  }
  return rec;
}

/** A fresh data dir, or the run's Redis emptied, so a state row starts from seeded state. */
async function prepareState(server) {
  if (server.state === 'data-dir') return { dataDir: newDataDir() };
  if (server.state === 'redis') {
    const url = await redisUrl();
    await flushRedis();
    return { redisUrl: url };
  }
  return {};
}

function describe(r) {
  if (r.error) return `FAILED: ${r.error}`;
  return (
    `${Math.round(r.reqPerSec)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ok2xx} 2xx, ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors, ` +
    `RSS ${Math.round(r.peakRssMb)} MB, start ${Math.round(r.startMs)} ms`
  );
}

function readSoak() {
  const file = path.join(RESULTS, 'soak.json');
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { ...s.summary, date: s.meta.date, file: 'bench/results/soak.json' };
  } catch {
    return null;
  }
}

function write(name, md, json) {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, `${name}.md`), `${md}\n`);
  fs.writeFileSync(path.join(RESULTS, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  log(`\nwrote bench/results/${name}.md and bench/results/${name}.json`);
}

/** Aggregate, ratios, goals, notes and markdown for a list of runs. */
function render(meta, runs, opts) {
  const agg = aggregate(runs);
  const rat = ratios(runs);
  const goalList = goals(agg, rat, opts, readSoak(), { npmStart: meta.npmStart, scale: readScale() });
  const notes = [];
  const seen = new Set();
  for (const r of runs) {
    for (const n of r.notes) {
      const text = `${r.serverLabel} / ${r.request}: ${n}`;
      if (!seen.has(text)) notes.push(`${text} (round ${r.round})`);
      seen.add(text);
    }
    if (r.error) notes.push(`**${r.serverLabel} / ${r.request}, round ${r.round} failed**: ${r.error}`);
    else if (!clean(r)) {
      const broken = r.server.startsWith('standin') ? ' **This is a broken benchmark run (standin must answer 2xx to every measured request).**' : '';
      const sample = r.firstNon2xx ? ` First one: ${r.firstNon2xx.status} ${r.firstNon2xx.body.replace(/\|/g, '\\|').replace(/\s+/g, ' ')}` : '';
      notes.push(
        `**${r.serverLabel} / ${r.request}, round ${r.round}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts.**${broken}${sample}`,
      );
    }
  }
  if (runs.every(clean)) notes.push(`Every measured response was 2xx (${runs.reduce((n, r) => n + r.ok2xx, 0)} in all); no errors, no timeouts.`);
  notes.push(
    'req/s is autocannon `requests.mean` (mean of per-second samples); p50/p99 are autocannon latency percentiles of the 2xx answers. ' +
      'Peak RSS is VmHWM of the server process tree read after the measured run (covers start, warm-up and measurement); ' +
      'CPU is utime+stime from /proc/PID/stat over the measured run only; start is spawn to the first 2xx answer to the measured request, polled every 20 ms.',
  );
  if (!meta.redis) notes.push('The `--state redis` rows were left out: redis-server is not installed (Debian package redis-server).');
  if (meta.proxy?.error) notes.push(`Proxy overhead not measured: ${meta.proxy.error}`);
  const tables = markdown({ meta, runs, agg, rat, costs: stateCosts(runs), goalList, notes });
  const md = meta.proxy && !meta.proxy.error ? `${tables}\n${proxyMarkdown(meta.proxy)}\n` : tables;
  return {
    md,
    json: {
      meta,
      aggregate: agg,
      ratios: rat,
      stateCosts: stateCosts(runs),
      goals: goalList.map((g) => ({ goal: g.goal, met: g.ok, detail: g.detail })),
      notes,
      runs: runs.map(({ logTail, ...r }) => r),
      failures: runs.filter((r) => r.error).map((r) => ({ server: r.server, request: r.request, round: r.round, error: r.error, logTail: r.logTail })),
    },
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) throw new Error('dist/src/cli.js is missing: run `npm run build` first');
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-bench-'));
  if (!opts.keepLogs) interruptedLogDir = logDir;
  const meta = {
    date: new Date().toISOString(),
    loadavgBefore: os.loadavg().map((x) => Number(x.toFixed(2))),
    node: process.version,
    cpus: os.cpus().length,
    autocannon: versionOf('autocannon'),
    prism: versionOf('@stoplight/prism-cli'),
    express: versionOf('express'),
    ajv: versionOf('ajv'),
    commit: commit(),
    redis: redisServerPath() ? execFileSync(redisServerPath(), ['--version'], { encoding: 'utf8' }).trim() : null,
    duration: opts.duration,
    warmup: opts.warmup,
    connections: opts.connections,
    rounds: opts.rounds,
    only: opts.only,
  };
  let failed = false;

  if (opts.render) {
    // Re-render a saved run (e.g. after a --soak, whose result the RSS goal quotes), without measuring again.
    const saved = JSON.parse(fs.readFileSync(opts.render, 'utf8'));
    const { md, json } = render(saved.meta, saved.runs, { connections: saved.meta.connections });
    process.stdout.write(`${md}\n`);
    const name = path.basename(opts.render).replace(/\.json$/, '');
    write(name, md, json);
    fs.rmSync(logDir, { recursive: true, force: true });
    return 0;
  }
  if (opts.soak) {
    const result = await runSoak(opts, meta, logDir, log);
    process.stdout.write(`${result.md}\n`);
    write(opts.out || 'soak', result.md, result.json);
    failed = !result.json.summary.clean;
  } else {
    meta.mode = opts.quick ? 'quick' : opts.only.length ? `partial: ${opts.only.join(', ')}` : 'full';
    const runs = [];
    for (let round = 1; round <= opts.rounds; round++) {
      const cases = casesFor(opts, round);
      if (!cases.length) throw new Error(`--only ${opts.only.join(',')} matches no case`);
      for (const c of cases) {
        log(`[round ${round}/${opts.rounds}] ${c.server.id} / ${c.request.id} ...`);
        const r = await measure(c.server, c.request, opts, round, logDir);
        log(`    ${describe(r)}`);
        runs.push(r);
      }
    }
    if (!opts.only.length && !opts.noNpmStart) meta.npmStart = await measureNpmStart({ times: opts.quick ? 1 : 2, logDir, log });
    if (!opts.only.length && !opts.quick && !opts.noProxy) {
      try {
        meta.proxy = await measureProxyOverhead({ duration: opts.duration, warmup: opts.warmup, connections: opts.connections, logDir, log });
      } catch (err) {
        meta.proxy = { error: String(err.message || err).split('\n')[0] };
      }
    }
    meta.loadavgAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
    meta.finished = new Date().toISOString();
    const { md, json } = render(meta, runs, opts);
    process.stdout.write(`\n${md}\n`);
    failed = !runs.every(clean);
    write(opts.out || (opts.quick ? 'quick' : opts.only.length ? 'partial' : 'latest'), md, json);
  }
  if (failed || opts.keepLogs) log(`server logs kept in ${logDir}`);
  else fs.rmSync(logDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

let stopping = false;
/** Removed on SIGINT/SIGTERM (not on failures, whose logs are kept on purpose). */
let interruptedLogDir = null;
async function shutdown(code, why, after) {
  if (stopping) return;
  stopping = true;
  if (why) log(why);
  stopRunning();
  await stopAll();
  stopRedis();
  if (after) after();
  process.exit(code);
}
const interrupted = (code, why) => async () => {
  await shutdown(code, why, () => interruptedLogDir && fs.rmSync(interruptedLogDir, { recursive: true, force: true }));
};
process.on('SIGINT', interrupted(130, '\ninterrupted: stopping the servers this run started'));
process.on('SIGTERM', interrupted(143, 'terminated: stopping the servers this run started'));
process.on('exit', () => (killAllSync(), stopRedis()));
process.on('uncaughtException', (err) => shutdown(1, `error: ${err.stack || err}`));
process.on('unhandledRejection', (err) => shutdown(1, `error: ${(err && err.stack) || err}`));

main().then(
  (code) => shutdown(code),
  (err) => shutdown(1, `error: ${err.message || err}`),
);
