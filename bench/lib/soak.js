'use strict';
// Memory stability: one standin process under full load on a mix of the four requests, RSS and the heap
// after a full GC sampled every 10 s.
const path = require('node:path');
const { REQUESTS } = require('./requests');
const { SERVERS } = require('./servers');
const { takePort, startProcess, stopProcess, waitFirst2xx, sendOnce, procStats } = require('./process');
const { runLoad } = require('./load');
const { dec, int } = require('./report');

const SAMPLE_EVERY_MS = 10000;
/** Stable = neither the second half's peak nor the fitted trend over the run adds more than max(N MB, 10 %) of the first sample. */
const TOLERANCE_MB = 10;
const HEAP_TOLERANCE_MB = 5;
const TOLERANCE_FRACTION = 0.1;

async function getJson(port, p, method = 'GET', body) {
  const res = await sendOnce(port, { method, path: p, headers: body ? { 'content-type': 'application/json' } : {}, body }, 5000);
  return { status: res.status, json: JSON.parse(res.body || 'null') };
}

/** The highest sample of `key` in each half of the run. */
function halfPeaks(samples, key = 'rssMb') {
  const mid = Math.floor(samples.length / 2);
  const peak = (list) => Math.max(...list.map((x) => x[key]));
  return [peak(samples.slice(0, mid)), peak(samples.slice(mid))];
}

function slopeMbPerMin(samples, key = 'rssMb') {
  if (samples.length < 2) return NaN;
  const xs = samples.map((s) => s.t / 60);
  const ys = samples.map((s) => s[key]);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return num / den;
}

async function runSoak(opts, meta, logDir, log) {
  const server = SERVERS.find((s) => s.id === 'standin');
  const reqs = REQUESTS.filter((r) => r.kinds.includes('standin'));
  const gens = reqs.map((r) => r.make('standin'));
  const port = await takePort();
  const t0 = process.hrtime.bigint();
  // --expose-gc lets each sample ask for a full collection first (GET /__admin/health?gc=1), so the heap
  // figure is what is still referenced, the one a leak grows; RSS alone also moves with V8's heap sizing.
  const command = server.command(port, null);
  const child = startProcess({ ...command, args: ['--expose-gc', ...command.args] }, path.join(logDir, `soak-standin-${port}.log`));
  const samples = [];
  let timer = null;
  try {
    const first = await waitFirst2xx(child, port, gens[3].next, t0);
    log(`soak: standin on port ${port}, first 2xx after ${Math.round(first.ms)} ms; ${opts.soak} s at ${opts.connections} connections`);
    const started = Date.now();
    let sampling = Promise.resolve();
    const sample = async () => {
      const s = procStats(child.pid);
      const health = await getJson(port, '/__admin/health?gc=1').catch(() => null);
      const entry = {
        t: Math.round((Date.now() - started) / 1000),
        rssMb: s.rssKb / 1024,
        hwmMb: s.hwmKb / 1024,
        cpuS: s.cpuMs / 1000,
        heapMb: health && health.json.memory ? health.json.memory.heapUsed / 1048576 : NaN,
        requests: health && health.json.requests,
        // What the journal holds, against its two bounds (--journal-size, --journal-bytes).
        journal: health && health.json.journal,
      };
      if (!opts.soakKeepState)
        entry.reset = (await getJson(port, '/__admin/reset', 'POST', '{"all":true}').catch((e) => ({ status: String(e.message) }))).status;
      samples.push(entry);
      const j = entry.journal;
      log(
        `  t=${entry.t}s RSS ${dec(entry.rssMb)} MB (peak ${dec(entry.hwmMb)}), heap after GC ${dec(entry.heapMb)} MB, ${entry.requests} requests served` +
          (j ? `, journal ${j.entries} entries / ${dec(j.bytes / 1048576, 2)} MiB held` : ''),
      );
    };
    timer = setInterval(() => (sampling = sampling.then(sample)), SAMPLE_EVERY_MS);
    const m = await runLoad(
      port,
      gens.map((g) => g.fixed || g.next),
      { duration: opts.soak, connections: opts.connections },
    );
    clearInterval(timer);
    await sampling;
    const journal = await getJson(port, '/__admin/journal');
    const after = procStats(child.pid);
    const firstMb = samples.length ? samples[0].rssMb : NaN;
    const lastMb = samples.length ? samples[samples.length - 1].rssMb : NaN;
    const maxMb = Math.max(...samples.map((s) => s.rssMb));
    const tolerance = Math.max(TOLERANCE_MB, firstMb * TOLERANCE_FRACTION);
    const clean = m.non2xx === 0 && m.errors === 0 && m.timeouts === 0;
    const heapSamples = samples.filter((x) => Number.isFinite(x.heapMb));
    const heapTolerance = heapSamples.length ? Math.max(HEAP_TOLERANCE_MB, heapSamples[0].heapMb * TOLERANCE_FRACTION) : NaN;
    const heapPeaks = heapSamples.length >= 4 ? halfPeaks(heapSamples, 'heapMb') : null;
    const heapSlope = slopeMbPerMin(heapSamples, 'heapMb');
    const heap = {
      firstMb: heapSamples.length ? heapSamples[0].heapMb : NaN,
      lastMb: heapSamples.length ? heapSamples[heapSamples.length - 1].heapMb : NaN,
      maxMb: heapSamples.length ? Math.max(...heapSamples.map((x) => x.heapMb)) : NaN,
      slopeMbPerMin: heapSlope,
      halfPeaksMb: heapPeaks,
      toleranceMb: heapTolerance,
      stable: heapPeaks ? heapPeaks[1] - heapPeaks[0] <= heapTolerance && heapSlope * (opts.soak / 60) <= heapTolerance : null,
    };
    const summary = {
      durationS: opts.soak,
      connections: opts.connections,
      reqPerSec: m.reqPerSec,
      total: m.total,
      non2xx: m.non2xx,
      errors: m.errors + m.timeouts,
      statusCodes: m.statusCodes,
      firstNon2xx: m.firstNon2xx,
      p50: m.p50,
      p99: m.p99,
      firstMb,
      lastMb,
      maxMb,
      peakHwmMb: after.hwmKb / 1024,
      slopeMbPerMin: slopeMbPerMin(samples),
      toleranceMb: tolerance,
      // RSS saws up and down with garbage collection, so two single samples say little: compare the
      // peaks of the two halves of the run, and the fitted trend over the whole run.
      halfPeaksMb: halfPeaks(samples),
      stable: samples.length >= 4 ? halfPeaks(samples)[1] - halfPeaks(samples)[0] <= tolerance && slopeMbPerMin(samples) * (opts.soak / 60) <= tolerance : null,
      // What is still referenced after a full collection: the figure a leak grows.
      heap,
      journalEntries: journal.json && Array.isArray(journal.json.entries) ? journal.json.entries.length : null,
      journalMaxBytes: Math.max(0, ...samples.map((s) => (s.journal ? s.journal.bytes : 0))),
      journalBudgetBytes: samples.find((s) => s.journal)?.journal.budgetBytes ?? null,
      journalCapacity: samples.find((s) => s.journal)?.journal.capacity ?? null,
      resetEachSample: !opts.soakKeepState,
      clean,
      altr: gens[2].notes().join(' '),
    };
    const L = [];
    L.push(`## standin memory soak (${opts.soak} s)`, '');
    L.push(`${meta.date} · node ${meta.node} · ${meta.cpus} CPUs · autocannon ${meta.autocannon} · standin ${meta.commit}  `);
    L.push(
      `One standin process (prefix mode, strict response validation), ${opts.connections} connections cycling through Droplit create, Losant GET certificate, ALTR PutData and ncanode GET /signatures; RSS (VmRSS) and the heap after a full GC (\`GET /__admin/health?gc=1\`, node run with \`--expose-gc\`) sampled every 10 s. ` +
        (opts.soakKeepState
          ? 'State was kept (no reset): stored environments and ALTR data grow with the run.'
          : 'After each sample, `POST /__admin/reset` dropped the stored state (the created environments and ALTR data), so the figures show memory that is not explained by stored records (journal, namespaces, caches).'),
      '',
    );
    L.push(
      `Load average (1/5/15 min) before: ${meta.loadavgBefore.join(' / ')}, after: ${require('node:os')
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' / ')}.`,
      '',
    );
    L.push(
      '| t s | RSS MB | peak RSS MB | heap after GC MB | requests served | journal entries | journal MiB held | CPU s |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const s of samples) {
      const j = s.journal;
      L.push(
        `| ${s.t} | ${dec(s.rssMb)} | ${dec(s.hwmMb)} | ${Number.isFinite(s.heapMb) ? dec(s.heapMb) : '–'} | ${s.requests ?? '–'} | ${j ? j.entries : '–'} | ${j ? dec(j.bytes / 1048576, 2) : '–'} | ${dec(s.cpuS)} |`,
      );
    }
    const verdict = (stable) => (stable === null ? 'not enough samples' : stable ? 'yes' : 'no');
    L.push('');
    L.push(
      `Load: ${int(m.reqPerSec)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.total} requests, ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts` +
        (m.firstNon2xx ? ` (first non-2xx: ${m.firstNon2xx.status} ${m.firstNon2xx.body.replace(/\s+/g, ' ')})` : '') +
        '.',
    );
    L.push(
      `RSS: first ${dec(firstMb)} MB, last ${dec(lastMb)} MB, max ${dec(maxMb)} MB, trend ${dec(summary.slopeMbPerMin, 2)} MB/min; ` +
        `peak of the first half ${dec(summary.halfPeaksMb[0])} MB, of the second half ${dec(summary.halfPeaksMb[1])} MB; ` +
        `stable (second-half peak − first-half peak ≤ ${dec(tolerance)} MB, and trend × duration ≤ ${dec(tolerance)} MB): **${verdict(summary.stable)}**` +
        (opts.soak < 600 ? ` (a ${opts.soak} s run; the goal asks for 600 s)` : '') +
        '.',
    );
    if (!heapSamples.length) L.push('Heap after a full GC: not sampled (GET /__admin/health?gc=1 gave no memory figures).');
    else
      L.push(
        `Heap after a full GC: first ${dec(heap.firstMb)} MB, last ${dec(heap.lastMb)} MB, max ${dec(heap.maxMb)} MB, trend ${dec(heap.slopeMbPerMin, 2)} MB/min; ` +
          (heap.halfPeaksMb ? `peak of the first half ${dec(heap.halfPeaksMb[0])} MB, of the second half ${dec(heap.halfPeaksMb[1])} MB; ` : '') +
          `no leak (second-half peak − first-half peak ≤ ${dec(heap.toleranceMb)} MB, and trend × duration ≤ ${dec(heap.toleranceMb)} MB): **${verdict(heap.stable)}**.`,
      );
    L.push(
      `Journal entries at the end: ${summary.journalEntries ?? '?'} (capped at --journal-size, ${summary.journalCapacity ?? 1000}); ` +
        `most bytes held at a sample: ${dec(summary.journalMaxBytes / 1048576, 2)} MiB (budget --journal-bytes ${summary.journalBudgetBytes === null ? '?' : dec(summary.journalBudgetBytes / 1048576, 2)} MiB).`,
    );
    L.push(`${summary.altr}.`, '');
    return { md: L.join('\n'), json: { meta: { ...meta, mode: 'soak' }, summary, samples } };
  } finally {
    if (timer) clearInterval(timer);
    await stopProcess(child);
  }
}

module.exports = { runSoak };
