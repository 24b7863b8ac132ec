#!/usr/bin/env node
'use strict';
// CPU profile of standin under each benchmark request: a fresh `serve` with --cpu-prof per request,
// driven by the bench's own loader, and the top self-time entries of the measured window only (the
// start-up and the warm-up are cut off by timestamp: the profile and process.hrtime share the
// monotonic clock). Also prints server CPU ms per 1 000 requests for the same window, user and kernel, from /proc.
//
//   node bench/profile.js [--duration S] [--warmup S] [--top N] [--only id,id] [--connections N] [--out FILE]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REQUESTS } = require('./lib/requests');
const { ROOT } = require('./lib/servers');
const { takePort, startProcess, stopProcess, waitFirst2xx, procStats } = require('./lib/process');
const { runLoad } = require('./lib/load');

const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

function parse(argv) {
  const o = { duration: 5, warmup: 1, top: 10, connections: 50, only: [], out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--duration') o.duration = Number(v());
    else if (a === '--warmup') o.warmup = Number(v());
    else if (a === '--top') o.top = Number(v());
    else if (a === '--connections') o.connections = Number(v());
    else if (a === '--only') o.only = v().split(',');
    else if (a === '--out') o.out = v();
    else if (a === '--help') o.help = true;
    else throw new Error(`unknown option ${a} (see --help)`);
  }
  return o;
}

/** Where a frame is, short: the file below the repository (or node's own), with its line. */
function where(frame) {
  if (!frame.url) return '';
  const file = frame.url.replace(/^file:\/\//, '');
  const short = file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
  return `${short}:${frame.lineNumber + 1}`;
}

/** Which part of the server a frame belongs to, so the table can say where the time goes as a whole. */
const AREAS = [
  ['socket writes (writev: the kernel send, and waiting for the CPU there)', (k) => /^writev /.test(k)],
  ['garbage collector', (k) => k.startsWith('(garbage collector)')],
  ['validators (generated code, formats)', (k) => /dist\/precompiled\/|ajv-formats|ajv\/dist/.test(k)],
  ['engine + HTTP adapter (src/core, src/http)', (k) => /dist\/src\/(core|http)\//.test(k)],
  ['vendor modules (src/apis)', (k) => /dist\/src\/apis\//.test(k)],
  ['journal + app (src/admin, src/app)', (k) => /dist\/src\/(admin|app)\//.test(k)],
  ['faker', (k) => /@faker-js/.test(k)],
  ["node's own (http, streams, crypto, timers)", (k) => /node:/.test(k)],
];

function areaOf(key) {
  const found = AREAS.find(([, test]) => test(key));
  return found ? found[0] : 'other (natives, microtasks, program)';
}

/** Self time per function over samples taken in [fromUs, toUs], largest first. */
function selfTimes(profile, fromUs, toUs) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  let t = profile.startTime;
  let busy = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    const next = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    const node = byId.get(profile.samples[i]);
    const frame = node.callFrame;
    if (frame.functionName === '(idle)') {
      idle += next;
      continue;
    }
    busy += next;
    const key = `${frame.functionName || '(anonymous)'} ${where(frame)}`;
    totals.set(key, (totals.get(key) ?? 0) + next);
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const areas = new Map();
  for (const [key, us] of rows) areas.set(areaOf(key), (areas.get(areaOf(key)) ?? 0) + us);
  return { rows, areas: [...areas].sort((a, b) => b[1] - a[1]), busyUs: busy, idleUs: idle };
}

async function profileOne(def, opts, dir) {
  const port = await takePort();
  const profDir = fs.mkdtempSync(path.join(dir, `${def.id}-`));
  const bare = def.kinds.includes('bare');
  const server = bare ? [path.join(ROOT, 'bench', 'bare-node.js'), String(port), '127.0.0.1'] : [CLI, 'serve', '--port', String(port), '--host', '127.0.0.1'];
  const child = startProcess({ command: process.execPath, args: ['--cpu-prof', '--cpu-prof-dir', profDir, ...server] }, path.join(dir, `${def.id}.log`));
  try {
    const gen = def.make(bare ? 'bare' : 'standin');
    const builders = [gen.fixed ?? gen.next];
    await waitFirst2xx(child, port, gen.next, process.hrtime.bigint());
    if (opts.warmup > 0) await runLoad(port, builders, { duration: opts.warmup, connections: opts.connections });
    const before = procStats(child.pid);
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const m = await runLoad(port, builders, { duration: opts.duration, connections: opts.connections });
    const toUs = Number(process.hrtime.bigint() / 1000n);
    const after = procStats(child.pid);
    await stopProcess(child);
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`${def.id}: no .cpuprofile written (see ${path.join(dir, `${def.id}.log`)})`);
    const profile = JSON.parse(fs.readFileSync(path.join(profDir, file), 'utf8'));
    const per1k = (field) => ((after[field] - before[field]) / m.total) * 1000;
    return { def, m, cpuMsPer1k: per1k('cpuMs'), userMsPer1k: per1k('userMs'), sysMsPer1k: per1k('sysMs'), ...selfTimes(profile, fromUs, toUs) };
  } finally {
    await stopProcess(child);
  }
}

function table(result, top) {
  const { def, m, rows, areas, busyUs, idleUs } = result;
  const bad = m.non2xx + m.errors + m.timeouts;
  const lines = [
    `### ${def.id}: ${def.label}`,
    '',
    `${Math.round(m.reqPerSec)} req/s under the profiler, ${m.total} requests${bad ? `, ${bad} NOT 2xx` : ''}; ` +
      `server CPU ${result.cpuMsPer1k.toFixed(1)} ms / 1k req (user ${result.userMsPer1k.toFixed(1)}, kernel ${result.sysMsPer1k.toFixed(1)}; profiler on); busy ${(busyUs / 1000).toFixed(0)} ms, idle ${(idleUs / 1000).toFixed(0)} ms in the window`,
    '',
    '| # | self ms | % busy | function (file:line) |',
    '| ---: | ---: | ---: | --- |',
  ];
  rows.slice(0, top).forEach(([key, us], i) => {
    lines.push(`| ${i + 1} | ${(us / 1000).toFixed(1)} | ${((us / busyUs) * 100).toFixed(1)} | ${key.replace(/\|/g, '\\|')} |`);
  });
  const pct = (us) => `${((us / busyUs) * 100).toFixed(1)} %`;
  lines.push('', `By area: ${areas.map(([area, us]) => `${area} ${pct(us)}`).join('; ')}`);
  // A sample lands in writev while the thread is in that call or waits there to be scheduled again
  // (the load generator shares the cores), so its share overstates the kernel's: /proc's split does not.
  lines.push(
    '',
    `writev's share is wall time in that call, waits for a CPU included; the server's whole kernel CPU (reads, writes, epoll) was ${result.sysMsPer1k.toFixed(1)} ms / 1k req.`,
  );
  return lines.join('\n');
}

async function main() {
  const opts = parse(process.argv.slice(2));
  if (opts.help) {
    process.stdout.write('node bench/profile.js [--duration S=5] [--warmup S=1] [--top N=10] [--only id,id] [--connections N=50] [--out FILE]\n');
    return;
  }
  if (!fs.existsSync(CLI)) throw new Error('dist/src/cli.js is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-profile-'));
  // The bare node:http ceiling (bare-get, bare-post) only when asked for by --only: its profile is the reference.
  const defs = REQUESTS.filter((r) => (opts.only.length ? opts.only.includes(r.id) : r.kinds.includes('standin')));
  const parts = [
    `## standin CPU profile (top ${opts.top} self time, measured window only)`,
    '',
    `${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} CPUs · ${opts.duration} s per request after ${opts.warmup} s warm-up, ${opts.connections} connections`,
  ];
  for (const def of defs) {
    process.stderr.write(`profiling ${def.id} ...\n`);
    parts.push('', table(await profileOne(def, opts, dir), opts.top));
  }
  const text = `${parts.join('\n')}\n`;
  process.stdout.write(text);
  if (opts.out) fs.writeFileSync(opts.out, text);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
