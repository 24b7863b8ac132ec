'use strict';
// Proxy overhead: the same request measured straight at a standin and through `standin proxy` in
// front of it (fresh processes, same warm-up, same load), so the difference is what the proxy adds:
// one more hop, the body kept for the checks, and the journal entry after the answer.
const os = require('node:os');
const path = require('node:path');
const { REQUESTS } = require('./requests');
const { ROOT } = require('./servers');
const { takePort, startProcess, stopProcess, waitFirst2xx } = require('./process');
const { runLoad } = require('./load');

const CLI = path.join(ROOT, 'dist', 'src', 'cli.js');

/**
 * @param {{ duration?: number, warmup?: number, connections?: number, request?: string, logDir?: string, log?: (msg: string) => void }} [opts]
 *   duration/warmup in seconds per side; request: an id from requests.js measured against standin (default losant-get)
 * @returns {Promise<{ request: string, direct: object, proxy: object, reqPerSecRatio: number, p99Ratio: number }>}
 */
async function measureProxyOverhead(opts = {}) {
  const duration = opts.duration ?? 10;
  const warmup = opts.warmup ?? 2;
  const connections = opts.connections ?? 50;
  const logDir = opts.logDir ?? os.tmpdir();
  const log = opts.log ?? (() => {});
  const def = REQUESTS.find((r) => r.id === (opts.request ?? 'losant-get'));
  if (!def || !def.kinds.includes('standin')) throw new Error(`no standin request '${opts.request}'`);
  const standinPort = await takePort();
  const proxyPort = await takePort();
  const standin = startProcess(
    { command: process.execPath, args: [CLI, 'serve', '--port', String(standinPort), '--host', '127.0.0.1'] },
    path.join(logDir, 'proxy-bench-standin.log'),
  );
  const upstream = `http://127.0.0.1:${standinPort}/${def.api}`;
  // --prefixed: the proxy answers the same /<api>/... paths, so both sides get byte-identical requests.
  const proxyArgs = [CLI, 'proxy', '--api', def.api, '--upstream', upstream, '--prefixed', '--port', String(proxyPort), '--host', '127.0.0.1'];
  const proxy = startProcess({ command: process.execPath, args: proxyArgs }, path.join(logDir, 'proxy-bench-proxy.log'));
  try {
    const made = def.make('standin');
    const builders = [made.fixed ?? made.next];
    await waitFirst2xx(standin, standinPort, made.next, process.hrtime.bigint());
    await waitFirst2xx(proxy, proxyPort, made.next, process.hrtime.bigint());
    const side = async (name, port) => {
      log(`proxy overhead: ${name} warm-up ${warmup} s`);
      await runLoad(port, builders, { duration: warmup, connections });
      log(`proxy overhead: ${name} ${duration} s, ${connections} connections`);
      const r = await runLoad(port, builders, { duration, connections });
      return { reqPerSec: r.reqPerSec, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors };
    };
    const direct = await side('direct', standinPort);
    const through = await side('through the proxy', proxyPort);
    return {
      request: def.label,
      direct,
      proxy: through,
      reqPerSecRatio: through.reqPerSec / direct.reqPerSec,
      p99Ratio: direct.p99 ? through.p99 / direct.p99 : NaN,
    };
  } finally {
    await stopProcess(proxy);
    await stopProcess(standin);
  }
}

/** One markdown table row set for bench/results. */
function proxyMarkdown(result) {
  const row = (name, r) => `| ${name} | ${Math.round(r.reqPerSec)} | ${r.p50} / ${r.p99} | ${r.non2xx + r.errors} |`;
  return [
    `Proxy overhead (${result.request}):`,
    '',
    '| path | req/s | p50 / p99 ms | non-2xx + errors |',
    '| --- | ---: | ---: | ---: |',
    row('direct to standin', result.direct),
    row('through standin proxy', result.proxy),
    '',
    `through ÷ direct: ${result.reqPerSecRatio.toFixed(2)}× req/s, ${result.p99Ratio.toFixed(2)}× p99`,
  ].join('\n');
}

module.exports = { measureProxyOverhead, proxyMarkdown };

if (require.main === module) {
  const duration = Number(process.argv[2] ?? 10);
  measureProxyOverhead({ duration, warmup: Math.min(2, duration / 2), log: (m) => process.stderr.write(`${m}\n`) }).then(
    (result) => process.stdout.write(`${proxyMarkdown(result)}\n`),
    (error) => {
      process.stderr.write(`${error.stack}\n`);
      process.exit(1);
    },
  );
}
