'use strict';
// One bounded autocannon run (library API), with every request built by our own functions.
const autocannon = require('autocannon');

/** @type {Set<any>} runs in flight, so SIGINT can stop them */
const running = new Set();

/**
 * @param {number} port
 * @param {Array<(() => import('./requests').Req) | import('./requests').Req>} builders one per request kind (a
 *   function for requests that change every time, a plain request when it never changes); connections cycle through them
 * @param {{ duration: number, connections: number }} opts duration in seconds (may be fractional)
 */
function runLoad(port, builders, opts) {
  /** @type {{ status: number, body: string } | null} */
  let firstNon2xx = null;
  const requests = builders.map((b) => ({
    ...(typeof b === 'function' ? { setupRequest: (reqData) => Object.assign(reqData, b()) } : b),
    onResponse: (status, body) => {
      if ((status < 200 || status >= 300) && !firstNon2xx) firstNon2xx = { status, body: String(body).slice(0, 400) };
    },
  }));
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}`, connections: opts.connections, duration: opts.duration, pipelining: 1, timeout: 10, requests },
      (err, result) => {
        clearTimeout(guard);
        running.delete(instance);
        if (err) return reject(err);
        resolve({
          reqPerSec: result.requests.mean,
          total: result.requests.total,
          ok2xx: result['2xx'],
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: result.latency.p50,
          p99: result.latency.p99,
          latencyMean: result.latency.mean,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats || {}).map(([k, v]) => [k, v.count])),
          firstNon2xx,
          durationS: result.duration,
        });
      },
    );
    running.add(instance);
    // Bounded even if something hangs: stop the run 30 s after its planned end.
    const guard = setTimeout(() => instance.stop(), (opts.duration + 30) * 1000);
  });
}

function stopRunning() {
  for (const instance of running) instance.stop();
}

module.exports = { runLoad, stopRunning };
