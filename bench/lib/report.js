'use strict';
// Aggregation over rounds, ratios, the performance goals and their verdicts, and the markdown.

const GOAL_PRISM = 3;
const GOAL_NODE = 0.5;
/** p99 at 50 connections, by method: a write does more (body, state) than a read. */
const GOAL_P99_MS = { POST: 10, GET: 8 };
const GOAL_CPU_VS_NODE = 2;
const GOAL_START_MS = 500;
const GOAL_NPM_START_MS = 1500;

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US').replace(/,/g, ' ') : '–');
const dec = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const ratio = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/** A run counts only when it started, finished and every measured answer was 2xx. */
const clean = (r) => !r.error && r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;

/** @param {any[]} runs one record per (round, server, request) */
function aggregate(runs) {
  const groups = new Map();
  for (const r of runs) {
    const key = `${r.server}|${r.request}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  return [...groups.values()].map((rs) => {
    const ok = rs.filter((r) => !r.error);
    return {
      server: rs[0].server,
      serverLabel: rs[0].serverLabel,
      request: rs[0].request,
      requestLabel: rs[0].requestLabel,
      method: rs[0].method,
      rounds: rs.length,
      failed: rs.length - ok.length,
      reqPerSec: mean(ok.map((r) => r.reqPerSec)),
      reqPerSecMin: Math.min(...ok.map((r) => r.reqPerSec)),
      reqPerSecMax: Math.max(...ok.map((r) => r.reqPerSec)),
      p50: mean(ok.map((r) => r.p50)),
      p99: mean(ok.map((r) => r.p99)),
      p99Max: Math.max(...ok.map((r) => r.p99)),
      non2xx: rs.reduce((a, r) => a + (r.non2xx || 0), 0),
      errors: rs.reduce((a, r) => a + (r.errors || 0) + (r.timeouts || 0), 0),
      peakRssMb: Math.max(...ok.map((r) => r.peakRssMb)),
      startMs: median(ok.map((r) => r.startMs)),
      startMsMax: Math.max(...ok.map((r) => r.startMs)),
      cpuPer1k: mean(ok.map((r) => r.cpuMsPer1k)),
      clean: rs.every(clean),
    };
  });
}

/** standin ÷ peer, computed within each round, then averaged over the rounds. */
function ratios(runs) {
  const out = [];
  const standin = runs.filter((r) => r.server === 'standin' && !r.error);
  const requests = [...new Set(standin.map((r) => r.request))];
  for (const request of requests) {
    const mine = standin.filter((r) => r.request === request);
    const row = { request, requestLabel: mine[0].requestLabel, method: mine[0].method };
    for (const [peer, match] of [
      ['prism-quiet', (r) => r.server === 'prism-quiet' && r.request === request],
      ['prism', (r) => r.server === 'prism' && r.request === request],
      ['node-http', (r) => r.server === 'node-http' && r.method === mine[0].method],
    ]) {
      const perRound = [];
      const cpu = [];
      for (const s of mine) {
        const p = runs.find((r) => r.round === s.round && match(r) && !r.error);
        if (p && p.reqPerSec > 0) perRound.push(s.reqPerSec / p.reqPerSec);
        if (p && p.cpuMsPer1k > 0) cpu.push(s.cpuMsPer1k / p.cpuMsPer1k);
      }
      row[peer] = { mean: mean(perRound), min: Math.min(...perRound), max: Math.max(...perRound), n: perRound.length, cpuCost: mean(cpu) };
    }
    out.push(row);
  }
  return out;
}

/** Each state row ÷ memory-mode standin on the same request, within each round, then averaged. */
function stateCosts(runs) {
  const out = [];
  const memory = runs.filter((r) => r.server === 'standin' && !r.error);
  for (const state of [...new Set(runs.filter((r) => r.server.startsWith('standin-')).map((r) => r.server))]) {
    for (const request of [...new Set(runs.filter((r) => r.server === state).map((r) => r.request))]) {
      const mine = runs.filter((r) => r.server === state && r.request === request && !r.error);
      if (!mine.length) continue;
      const speed = [];
      const cpu = [];
      for (const s of mine) {
        const m = memory.find((r) => r.round === s.round && r.request === request);
        if (m && m.reqPerSec > 0) speed.push(s.reqPerSec / m.reqPerSec);
        if (m && m.cpuMsPer1k > 0) cpu.push(s.cpuMsPer1k / m.cpuMsPer1k);
      }
      out.push({
        server: state,
        serverLabel: mine[0].serverLabel,
        request,
        requestLabel: mine[0].requestLabel,
        reqPerSec: mean(mine.map((r) => r.reqPerSec)),
        p99: mean(mine.map((r) => r.p99)),
        speedVsMemory: mean(speed),
        cpuVsMemory: mean(cpu),
      });
    }
  }
  return out;
}

const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**not met**');

/** @param {ReturnType<typeof aggregate>} agg @param {ReturnType<typeof ratios>} rat */
/**
 * @param {{ npmStart?: { ms: number[], fresh: boolean, error?: string } | null, scale?: ReturnType<typeof import('./scaleResult').readScale> }} [extra]
 *   figures measured outside the rows: `npm start` to first answer, the last saved scale run
 */
function goals(agg, rat, opts, soak, extra = {}) {
  const standin = agg.filter((a) => a.server === 'standin');
  const list = [];
  const per = (rows, f) => rows.map(f).join('; ');
  const vsPrism = rat.filter((r) => r['prism-quiet'].n);
  list.push({
    goal: `standin ≥ ${GOAL_PRISM}× Prism req/s on the same request (checked against Prism \`-v silent\`, the faster Prism)`,
    ok: vsPrism.length ? vsPrism.every((r) => r['prism-quiet'].mean >= GOAL_PRISM) : null,
    detail: per(vsPrism, (r) => `${r.request} ${ratio(r['prism-quiet'].mean)}× silent, ${ratio(r.prism.mean)}× default log`),
  });
  const vsNode = rat.filter((r) => r['node-http'].n);
  list.push({
    goal: `standin ≥ ${GOAL_NODE}× the bare node:http ceiling (same method, same round)`,
    ok: vsNode.length ? vsNode.every((r) => r['node-http'].mean >= GOAL_NODE) : null,
    detail: per(vsNode, (r) => `${r.request} ${ratio(r['node-http'].mean)}×`),
  });
  for (const method of ['POST', 'GET']) {
    const rows = standin.filter((a) => a.method === method);
    list.push({
      goal: `standin ${method} p99 ≤ ${GOAL_P99_MS[method]} ms at 50 connections` + (opts.connections !== 50 ? ` (this run used ${opts.connections})` : ''),
      ok: rows.length && opts.connections === 50 ? rows.every((a) => a.p99Max <= GOAL_P99_MS[method]) : null,
      detail: per(rows, (a) => `${a.request} ${dec(a.p99, 0)} ms` + (a.rounds > 1 ? ` (worst round ${dec(a.p99Max, 0)})` : '')),
    });
  }
  const cpuVsNode = rat.filter((r) => Number.isFinite(r['node-http'].cpuCost));
  list.push({
    goal: `standin server CPU per request ≤ ${GOAL_CPU_VS_NODE}× bare node:http's (same method, same round)`,
    ok: cpuVsNode.length ? cpuVsNode.every((r) => r['node-http'].cpuCost <= GOAL_CPU_VS_NODE) : null,
    detail: per(cpuVsNode, (r) => `${r.request} ${dec(r['node-http'].cpuCost, 2)}×`),
  });
  const starts = standin.length ? standin.map((a) => a.startMsMax) : [];
  list.push({
    goal: `standin start (launch to first 2xx, all five specs loaded) ≤ ${GOAL_START_MS} ms`,
    ok: standin.length ? median(standin.map((a) => a.startMs)) <= GOAL_START_MS : null,
    detail: standin.length
      ? `median ${int(median(standin.map((a) => a.startMs)))} ms over ${standin.reduce((n, a) => n + a.rounds, 0)} starts, slowest ${int(Math.max(...starts))} ms`
      : '',
  });
  const npmStart = extra.npmStart;
  list.push({
    goal: `\`npm start\` on a built, unchanged checkout to first 2xx ≤ ${GOAL_NPM_START_MS} ms`,
    ok: npmStart && npmStart.ms.length && !npmStart.error ? npmStart.fresh && Math.max(...npmStart.ms) <= GOAL_NPM_START_MS : null,
    detail: !npmStart
      ? 'not measured in this run (--only, or --no-npm-start)'
      : npmStart.error
        ? `failed: ${npmStart.error}`
        : `${npmStart.ms.map((ms) => `${int(ms)} ms`).join(', ')} over ${npmStart.ms.length} start(s), prestart build check included` +
          (npmStart.fresh ? '' : '; **the build was stale, so this includes a rebuild**'),
  });
  const scale = extra.scale;
  list.push({
    goal: 'list p99 at 1 M records ≤ 2× p99 at 10 k',
    ok: scale && scale.rows.length ? scale.rows.every((r) => r.ok) : null,
    detail: scale
      ? `last saved scale run, ${scale.file} of ${scale.date} (npm run bench:scale; not re-run here): ${per(scale.rows, (r) => `${r.query} ${r.ratio}`)}`
      : 'no saved scale run: `npm run bench:scale`',
  });
  list.push({
    goal: 'RSS stable over a 10-minute run at full load',
    ok: soak && soak.durationS >= 600 ? soak.stable : null,
    detail: soak
      ? `from ${soak.file} (${soak.date}, ${soak.durationS} s): first ${dec(soak.firstMb)} MB, last ${dec(soak.lastMb)} MB, max ${dec(soak.maxMb)} MB, ` +
        `${soak.stable ? 'stable' : 'not stable'} in that run` +
        (soak.heap && Number.isFinite(soak.heap.firstMb)
          ? `; heap after a full GC ${dec(soak.heap.firstMb)} → ${dec(soak.heap.lastMb)} MB (max ${dec(soak.heap.maxMb)}), ${soak.heap.stable === null ? 'not enough samples' : soak.heap.stable ? 'no leak' : 'growing'}`
          : '') +
        (soak.durationS < 600 ? `; only ${soak.durationS} s of the 600 s the goal asks for, so not checked` : '')
      : 'run `npm run bench -- --soak 600`',
  });
  return list;
}

function markdown({ meta, runs, agg, rat, costs = [], goalList, notes }) {
  const L = [];
  L.push(`## standin load benchmark (${meta.mode})`, '');
  L.push(
    `${meta.date} · node ${meta.node} · ${meta.cpus} CPUs · autocannon ${meta.autocannon} · Prism ${meta.prism} · standin ${meta.commit}  `,
    `${meta.rounds} round(s) × ${meta.duration} s measured after ${meta.warmup} s warm-up, ${meta.connections} connections, pipelining 1, ` +
      'loopback, load generator on the same machine (only ratios within one run mean anything). Fresh server process per row.  ',
    `Load average (1/5/15 min) before: ${meta.loadavgBefore.join(' / ')}, after: ${(meta.loadavgAfter || []).join(' / ')}` +
      (Math.max(meta.loadavgBefore[0], (meta.loadavgAfter || [0])[0]) > meta.cpus + 1
        ? ' — **the machine was busy with other work during this run: absolute figures are low and noisy; compare ratios within a round.**'
        : '.'),
    '',
  );
  L.push(
    '| server | request | req/s | p50 ms | p99 ms | non-2xx | errors | peak RSS MB | start ms | CPU ms / 1k req |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const a of agg) {
    const range = a.rounds > 1 && Number.isFinite(a.reqPerSecMin) ? ` (${int(a.reqPerSecMin)}–${int(a.reqPerSecMax)})` : '';
    const flag = a.clean ? '' : ' ⚠';
    L.push(
      `| ${a.serverLabel} | ${a.requestLabel} | ${int(a.reqPerSec)}${range} | ${dec(a.p50)} | ${dec(a.p99)} | ${a.non2xx}${flag} | ${a.errors}${a.failed ? `, ${a.failed} failed` : ''} | ${int(a.peakRssMb)} | ${int(a.startMs)} | ${dec(a.cpuPer1k)} |`,
    );
  }
  L.push('');
  if (rat.length) {
    L.push('Ratios (standin req/s ÷ peer req/s, per round, mean' + (meta.rounds > 1 ? ' (min–max)' : '') + '):', '');
    L.push(
      '| request | ÷ Prism -v silent | ÷ Prism default log | ÷ node:http (same method) | CPU per request: standin ÷ Prism -v silent | standin ÷ node:http |',
      '|---|---|---|---|---|---|',
    );
    const cell = (x) => (x.n ? `${ratio(x.mean)}${x.n > 1 ? ` (${ratio(x.min)}–${ratio(x.max)})` : ''}` : '–');
    const cost = (x) => (Number.isFinite(x.cpuCost) ? `${dec(x.cpuCost, 2)}×` : '–');
    for (const r of rat)
      L.push(
        `| ${r.requestLabel} | ${cell(r['prism-quiet'])} | ${cell(r.prism)} | ${cell(r['node-http'])} | ${cost(r['prism-quiet'])} | ${cost(r['node-http'])} |`,
      );
    L.push('', 'The CPU columns (server CPU ms per 1 000 requests, lower is better) move less with the load on the machine than req/s does.', '');
  }
  if (costs.length) {
    L.push('State (the same requests with durable or shared state, ÷ memory-mode standin in the same round):', '');
    L.push('| state | request | req/s | p99 ms | req/s ÷ memory | CPU per request ÷ memory |', '|---|---|---|---|---|---|');
    for (const c of costs)
      L.push(`| ${c.serverLabel} | ${c.requestLabel} | ${int(c.reqPerSec)} | ${dec(c.p99)} | ${ratio(c.speedVsMemory)} | ${ratio(c.cpuVsMemory)} |`);
    L.push('', `Redis: ${meta.redis || 'not installed'}. \`--workers 2\` is two processes behind one port (node:cluster); its CPU is the sum of the tree.`, '');
  }
  L.push('Goals:', '', '| goal | status | figures |', '|---|---|---|');
  for (const g of goalList) L.push(`| ${g.goal} | ${verdict(g.ok)} | ${g.detail} |`);
  L.push('');
  if (notes.length) {
    L.push('Notes:', '');
    for (const n of notes) L.push(`- ${n}`);
    L.push('');
  }
  if (meta.rounds > 1) {
    L.push('<details><summary>Every run</summary>', '');
    L.push(
      '| round | server | request | req/s | p50 | p99 | 2xx | non-2xx | errors | peak RSS MB | start ms | CPU ms / 1k |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of runs) {
      if (r.error) L.push(`| ${r.round} | ${r.serverLabel} | ${r.requestLabel} | failed: ${r.error} |  |  |  |  |  |  |  |  |`);
      else
        L.push(
          `| ${r.round} | ${r.serverLabel} | ${r.requestLabel} | ${int(r.reqPerSec)} | ${dec(r.p50)} | ${dec(r.p99)} | ${r.ok2xx} | ${r.non2xx} | ${r.errors + r.timeouts} | ${int(r.peakRssMb)} | ${int(r.startMs)} | ${dec(r.cpuMsPer1k)} |`,
        );
    }
    L.push('', '</details>', '');
  }
  return L.join('\n');
}

module.exports = { aggregate, ratios, stateCosts, goals, markdown, clean, int, dec };
