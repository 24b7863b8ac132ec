#!/usr/bin/env node
'use strict';
// Scale bench: does a list, a filter, a deep page or a lookup cost more when the
// store holds more? Starts `node dist/src/cli.js serve` (build first), seeds a fresh namespace with
// 10k, 100k and 1M ncanode signatures and Losant certificates through POST /__admin/seed, and times
// each query with a bounded sequential loop over one keep-alive connection (microsecond timings;
// one request at a time, so the p99 is the server's cost plus GC pauses, not queueing). Prints a
// markdown table (p99 per size, the 1M/10k ratio against the goal of at most 2x, memory per
// record) and writes it to bench/results/scale.md.
//
//   node bench/scale.js            10k, 100k, 1M
//   node bench/scale.js --quick    10k and 100k, fewer requests
//   node bench/scale.js --requests 3000
//   node bench/scale.js --semi-space 64   run the server with node --max-semi-space-size=64 (MB)
//
// Why --semi-space: a young-generation GC (scavenge) pauses longer the bigger the old generation
// (about 1 ms with a 10k store, about 6 ms with 1M signatures + 1M certificates, 1.2 GB, on a
// 2-core box), whatever the indexes do. A bigger young generation makes scavenges rarer, so fewer
// requests wait for one.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');
const RESULTS = path.join(__dirname, 'results', 'scale.md');
const APP = '575ec8687ae143cd83dc4a97'; // the documented Losant application, where /__admin/seed puts certificates
const TOKEN = 'losant-demo-all';
const GOAL_RATIO = 2;

function options(argv) {
  const quick = argv.includes('--quick');
  const at = argv.indexOf('--requests');
  const requests = at >= 0 ? Number(argv[at + 1]) : quick ? 400 : 2000;
  if (!Number.isInteger(requests) || requests < 100) throw new Error('--requests must be a whole number >= 100');
  const semiAt = argv.indexOf('--semi-space');
  const semiSpace = semiAt >= 0 ? Number(argv[semiAt + 1]) : undefined;
  if (semiSpace !== undefined && !(Number.isInteger(semiSpace) && semiSpace > 0)) throw new Error('--semi-space takes a size in MB');
  const nodeFlags = ['--expose-gc', '--max-old-space-size=6144', ...(semiSpace ? [`--max-semi-space-size=${semiSpace}`] : [])];
  return { quick, requests, nodeFlags, warmup: Math.max(50, Math.round(requests / 10)), sizes: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000] };
}

// --- the server --------------------------------------------------------------------------------

/** Starts standin on a free port; --expose-gc lets /__admin/health?gc=1 collect before measuring memory. */
function startServer(nodeFlags) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...nodeFlags, CLI, 'serve', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`standin did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/standin listening on (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onError);
        child.stdout.resume(); // keep draining, so a full pipe never blocks the server
        child.stderr.pipe(process.stderr);
        resolve({ child, url: new URL(match[1]) });
      }
    };
    child.stdout.on('data', onData);
    const onError = (chunk) => (output += chunk);
    child.stderr.on('data', onError);
    child.once('exit', (code) => reject(new Error(`standin exited (${code}) before listening:\n${output}`)));
  });
}

/** Stops only the server this script started, by its pid; SIGKILL if it has not gone after 5 s. */
function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// --- HTTP --------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request; resolves with status, parsed body (JSON when it parses) and the time to the last byte. */
function send(base, { method = 'GET', path: target, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path: target,
        headers: { ...headers, ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const micros = Number(process.hrtime.bigint() - started) / 1000;
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, body: json ?? text, micros });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(600_000, () => req.destroy(new Error(`${method} ${target} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function expectOk(base, request) {
  const res = await send(base, request);
  if (res.status !== 200) throw new Error(`${request.method ?? 'GET'} ${request.path} -> ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

async function memory(base) {
  const { memory: m } = await expectOk(base, { path: '/__admin/health?gc=1' });
  return m;
}

// --- the queries -------------------------------------------------------------------------------

const pick = (list, i) => list[i % list.length];

/** The queries timed at each size; `sample` holds real documents and ids read from the seeded data. */
function queries(size, sample) {
  const signatures = (q) => ({ path: `/signatures/signatures?${q}`, headers: {} });
  const certificates = (q) => ({ path: `/losant/applications/${APP}/certificates${q}`, headers: { authorization: `Bearer ${TOKEN}` } });
  const middlePage = Math.floor(size / 2 / 100);
  return [
    { name: 'ncanode list: document filter + paging', api: 'signatures', request: (i) => signatures(`document=${pick(sample.documents, i)}&limit=2&offset=1`) },
    {
      name: 'ncanode list: tags filter (any of 2) + count',
      api: 'signatures',
      request: (i) => signatures(`tags=customer_1&tags=process_2&count=1&limit=20&offset=${(i % 10) * 20}`),
    },
    { name: 'Losant list: default (commonName asc, page 0, 100)', api: 'losant', request: () => certificates('') },
    { name: 'Losant list: filterField=status&filter=active', api: 'losant', request: () => certificates('?filterField=status&filter=active') },
    { name: `Losant list: deep page (middle: page n/200)`, api: 'losant', request: () => certificates(`?page=${middlePage}`) },
    { name: 'Losant GET certificate by id', api: 'losant', request: (i) => certificates(`/${pick(sample.ids, i)}`) },
  ];
}

async function sampleOf(base, namespace, size) {
  const headers = { 'x-standin-namespace': namespace };
  const listed = await expectOk(base, { path: `/signatures/signatures?limit=200&offset=${Math.floor(size / 2)}`, headers });
  const documents = [...new Set(listed.content.signatures.map((s) => s.document))];
  const ids = [];
  for (const page of [0, Math.floor(size / 2000), Math.floor(size / 1000) - 1]) {
    const body = await expectOk(base, {
      path: `/losant/applications/${APP}/certificates?sortField=id&perPage=1000&page=${page}`,
      headers: { ...headers, authorization: `Bearer ${TOKEN}` },
    });
    for (const c of body.items.filter((_, i) => i % 15 === 0)) ids.push(c.id);
  }
  if (!documents.length || !ids.length) throw new Error('could not sample the seeded data');
  return { documents, ids };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ROUNDS = 4;

/**
 * Sequential requests, in ROUNDS rounds that take the queries in turn, so a burst of load from
 * elsewhere on the machine is spread over every query instead of landing on one. Warm-up first;
 * the percentiles are over all the rounds' latencies (microseconds).
 */
async function measureAll(base, namespace, list, { requests, warmup }) {
  const runs = list.map(() => ({ latencies: [], errors: 0, next: 0 }));
  const run = async (query, state, count, keep) => {
    for (let k = 0; k < count; k++) {
      const { path: target, headers } = query.request(state.next++);
      const res = await send(base, { path: target, headers: { ...headers, 'x-standin-namespace': namespace } });
      if (res.status !== 200) state.errors++;
      if (keep) state.latencies.push(res.micros);
    }
  };
  for (const [i, query] of list.entries()) await run(query, runs[i], warmup, false);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, query] of list.entries()) await run(query, runs[i], Math.ceil(requests / ROUNDS), true);
  }
  return runs.map(({ latencies, errors }) => {
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
  });
}

// --- the report --------------------------------------------------------------------------------

const ms = (micros) => (micros / 1000).toFixed(2);
const label = (size) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`);

function report(sizes, results, memoryRows, opts) {
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const lines = [
    `### Scale: p99 latency (ms) by store size`,
    '',
    `standin ${require(path.join(ROOT, 'package.json')).version}, node ${process.version} (\`node ${opts.nodeFlags.join(' ')} dist/src/cli.js serve\`), ${new Date().toISOString().slice(0, 10)}; ` +
      `${opts.requests} sequential requests per query (after ${opts.warmup} warm-up; in ${ROUNDS} rounds taking the queries in turn), one keep-alive connection, strict response validation, ` +
      `each size's signatures and certificates together in one fresh namespace (Losant: in one application). Goal: p99 at ${label(last)} ≤ ${GOAL_RATIO}× the p99 at ${label(first)}.`,
    '',
    `| query | ${sizes.map((s) => `p99 @${label(s)}`).join(' | ')} | p50 @${label(first)} / @${label(last)} | ratio ${label(last)}/${label(first)} | ≤ ${GOAL_RATIO}× | errors |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} | ---: | ---: | :---: | ---: |`,
  ];
  for (const [name, bySize] of results) {
    const ratio = bySize.get(last).p99 / bySize.get(first).p99;
    const errors = [...bySize.values()].reduce((sum, r) => sum + r.errors, 0);
    lines.push(
      `| ${name} | ${sizes.map((s) => ms(bySize.get(s).p99)).join(' | ')} | ${ms(bySize.get(first).p50)} / ${ms(bySize.get(last).p50)} | ${ratio.toFixed(2)}× | ${ratio <= GOAL_RATIO ? 'yes' : '**no**'} | ${errors} |`,
    );
  }
  lines.push(
    '',
    `### Scale: memory per record and bulk seed time`,
    '',
    '| API | records | heap / record | RSS / record | seed time |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...memoryRows.map((r) => `| ${r.api} | ${label(r.size)} | ${Math.round(r.heap)} B | ${Math.round(r.rss)} B | ${(r.seedMs / 1000).toFixed(1)} s |`),
    '',
    'Heap and RSS are measured after a full GC (`node --expose-gc`, `GET /__admin/health?gc=1`) before and after each seed.',
    '',
  );
  return lines.join('\n');
}

// --- main --------------------------------------------------------------------------------------

async function main() {
  const opts = options(process.argv.slice(2));
  process.stderr.write(`scale bench: sizes ${opts.sizes.map(label).join(', ')}, ${opts.requests} requests per query\n`);
  const { child, url } = await startServer(opts.nodeFlags);
  const cleanup = () => stopServer(child);
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    const results = new Map();
    const memoryRows = [];
    for (const size of opts.sizes) {
      const namespace = `scale-${size}`;
      let before = await memory(url);
      for (const api of ['signatures', 'losant']) {
        process.stderr.write(`  seeding ${label(size)} ${api}…`);
        const { seeded } = await expectOk(url, { method: 'POST', path: '/__admin/seed', body: { api, namespace, count: size } });
        const after = await memory(url);
        memoryRows.push({ api, size, heap: (after.heapUsed - before.heapUsed) / size, rss: (after.rss - before.rss) / size, seedMs: seeded.durationMs });
        process.stderr.write(` ${(seeded.durationMs / 1000).toFixed(1)} s, ${Math.round((after.heapUsed - before.heapUsed) / size)} B/record\n`);
        before = after;
      }
      const sample = await sampleOf(url, namespace, size);
      const list = queries(size, sample);
      const measured = await measureAll(url, namespace, list, opts);
      for (const [i, query] of list.entries()) {
        const result = measured[i];
        process.stderr.write(
          `  ${label(size)} ${query.name}: p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms${result.errors ? `, ${result.errors} errors` : ''}\n`,
        );
        if (!results.has(query.name)) results.set(query.name, new Map());
        results.get(query.name).set(size, result);
      }
      // Free this size's records before the next one, so each size is measured on its own.
      await expectOk(url, { method: 'POST', path: '/__admin/reset', body: { namespace } });
    }
    const table = report(opts.sizes, results, memoryRows, opts);
    process.stdout.write(`${table}\n`);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, table);
    process.stderr.write(`written to ${path.relative(ROOT, RESULTS)}\n`);
  } finally {
    agent.destroy();
    await cleanup();
  }
}

main().catch((e) => {
  process.stderr.write(`scale bench failed: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
