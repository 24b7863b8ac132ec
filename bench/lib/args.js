'use strict';

const HELP = `Usage: node bench/run.js [options]        (npm run bench -- [options])

  --quick              short smoke run for CI: 1 round, 2 s measured, 0.5 s warm-up
  --duration S         measured seconds per run (default 10)
  --warmup S           warm-up seconds per run, results discarded (default 2)
  --connections N      autocannon connections (default 50)
  --rounds N           rounds; even rounds run the cases in reverse order (default 2, --quick 1)
  --only A[,B]         only cases whose "server/request" contains one of these substrings,
                       e.g. --only standin, --only altr, --only standin/losant,node-http
  --out NAME           write bench/results/NAME.md and NAME.json
                       (default: latest, or quick with --quick, or partial with --only)
  --soak S             memory-stability mode: standin only, a mix of the four requests for S seconds,
                       RSS and the heap after a full GC sampled every 10 s (writes bench/results/soak.{md,json} unless --out)
  --soak-keep-state    in --soak, do not POST /__admin/reset after each sample (stored records then grow)
  --render FILE        re-render a saved results JSON (e.g. bench/results/latest.json) into FILE's .md,
                       quoting the latest soak result; measures nothing
  --no-state           leave out the state rows (standin --data-dir, --state redis, --workers 2)
  --no-npm-start       do not time \`npm start\` to its first answer (timed twice, once with --quick)
  --no-proxy           leave out the proxy overhead (direct vs through \`standin proxy\`; never in --quick)
                       (--only leaves out both)
  --keep-logs          keep the servers' logs (default: kept only when a run failed)
  --help
`;

function parseArgs(argv) {
  const o = {
    quick: false,
    duration: 10,
    warmup: 2,
    connections: 50,
    rounds: 2,
    only: [],
    out: null,
    soak: 0,
    soakKeepState: false,
    keepLogs: false,
    noState: false,
    noNpmStart: false,
    noProxy: false,
  };
  const given = new Set();
  const num = (name, v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} needs a positive number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    switch (a) {
      case '--quick':
        o.quick = true;
        break;
      case '--no-state':
        o.noState = true;
        break;
      case '--no-npm-start':
        o.noNpmStart = true;
        break;
      case '--no-proxy':
        o.noProxy = true;
        break;
      case '--duration':
        o.duration = num(a, value());
        given.add('duration');
        break;
      case '--warmup':
        o.warmup = Number(value());
        given.add('warmup');
        break;
      case '--connections':
        o.connections = Math.round(num(a, value()));
        break;
      case '--rounds':
        o.rounds = Math.round(num(a, value()));
        given.add('rounds');
        break;
      case '--only':
        o.only.push(
          ...value()
            .split(',')
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        );
        break;
      case '--out':
        o.out = value();
        break;
      case '--soak':
        o.soak = num(a, value());
        break;
      case '--soak-keep-state':
        o.soakKeepState = true;
        break;
      case '--render':
        o.render = value();
        break;
      case '--keep-logs':
        o.keepLogs = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        throw new Error(`unknown option ${a}\n\n${HELP}`);
    }
  }
  if (o.quick) {
    if (!given.has('duration')) o.duration = 2;
    if (!given.has('warmup')) o.warmup = 0.5;
    if (!given.has('rounds')) o.rounds = 1;
  }
  if (!Number.isFinite(o.warmup) || o.warmup < 0) throw new Error('--warmup needs a number ≥ 0');
  if (o.out !== null && !/^[A-Za-z0-9_.-]+$/.test(o.out)) throw new Error('--out takes a plain file name stem');
  return o;
}

module.exports = { parseArgs, HELP };
