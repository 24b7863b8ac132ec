import type { Outcome, ProgressListener } from './runner';

// How far a run is while it runs, on stderr so stdout keeps only the summary: on a terminal one
// line per API rewritten in place (\r); in a CI log, where \r piles up, a plain line at most every
// few seconds and one when each API finishes.

export interface ProgressOptions {
  write(text: string): void;
  isTTY: boolean;
  /** Epoch ms; injected so tests need not wait. */
  now?: () => number;
  /** Least time between two plain lines (non-TTY). */
  everyMs?: number;
  /** Least time between two rewrites of the live line (TTY); a rewrite per scenario would cost more than the scenario. */
  redrawMs?: number;
}

interface Tally {
  total: number;
  done: number;
  passed: number;
  failed: number;
  skipped: number;
  choices: number;
  started: number;
}

function line(api: string, t: Tally, now: number): string {
  const pct = t.total ? Math.floor((t.done / t.total) * 100) : 100;
  const parts = [`${t.passed} passed`, `${t.failed} failed`, `${t.skipped} skipped`];
  if (t.choices) parts.push(`${t.choices} choices differ`);
  return `${api}: ${t.done}/${t.total} (${pct}%) ${parts.join(', ')}, ${((now - t.started) / 1000).toFixed(1)} s`;
}

/** A listener for runContract's `progress`; nothing is written per scenario beyond what the clock allows. */
export function createProgress(options: ProgressOptions): ProgressListener {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 5000;
  const redrawMs = options.redrawMs ?? 100;
  const tallies = new Map<string, Tally>();
  let lastWrite = 0;
  let width = 0;

  const redraw = (text: string) => {
    // Pads over a longer previous line, since \r only moves the cursor.
    options.write(`\r${text.padEnd(width)}`);
    width = text.length;
  };

  return {
    apiStarted(api, scenarios) {
      const t = now();
      tallies.set(api, { total: scenarios, done: 0, passed: 0, failed: 0, skipped: 0, choices: 0, started: t });
      lastWrite = t;
      if (options.isTTY) redraw(line(api, tallies.get(api)!, t));
      else options.write(`${api}: ${scenarios} scenarios\n`);
    },
    scenarioDone(api, outcome: Outcome) {
      const tally = tallies.get(api);
      if (!tally) return;
      tally.done++;
      if (outcome === 'passed') tally.passed++;
      else if (outcome === 'failed') tally.failed++;
      else if (outcome === 'skipped') tally.skipped++;
      else tally.choices++;
      const t = now();
      if (t - lastWrite < (options.isTTY ? redrawMs : everyMs) || tally.done === tally.total) return;
      lastWrite = t;
      if (options.isTTY) redraw(line(api, tally, t));
      else options.write(`${line(api, tally, t)}\n`);
    },
    apiDone(api) {
      const tally = tallies.get(api);
      if (!tally) return;
      const t = now();
      lastWrite = t;
      if (options.isTTY) {
        redraw(line(api, tally, t));
        options.write('\n');
        width = 0;
      } else options.write(`${line(api, tally, t)}\n`);
    },
  };
}
