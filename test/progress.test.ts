import { createProgress } from '../src/contract/progress';
import type { Outcome } from '../src/contract/runner';

// The contract runner's progress on stderr: a live line rewritten in place on a terminal, plain
// lines in a CI log (every few seconds, and one per API when it finishes). The clock is injected.

function harness(isTTY: boolean, everyMs = 5000) {
  let clock = 1_000_000;
  const writes: string[] = [];
  const progress = createProgress({ write: (t) => void writes.push(t), isTTY, now: () => clock, everyMs, redrawMs: 100 });
  const run = (api: string, outcomes: Outcome[], stepMs: number) => {
    progress.apiStarted(api, outcomes.length);
    for (const o of outcomes) {
      clock += stepMs;
      progress.scenarioDone(api, o);
    }
    progress.apiDone(api);
  };
  return { writes, run };
}

const outcomes = (n: number): Outcome[] => Array.from({ length: n }, (_, i) => (i % 10 === 3 ? 'failed' : i % 10 === 7 ? 'skipped' : 'passed'));

describe('contract progress', () => {
  test('not a terminal: a line when an API starts, one at most every 5 s, one when it finishes; no \\r', () => {
    const { writes, run } = harness(false);
    // 40 scenarios of 1 s each: lines at 5, 10, ... 35 s (the 40th is the finishing line).
    run('losant', outcomes(40), 1000);
    run('droplit', outcomes(3), 10);
    const text = writes.join('');
    expect(text).not.toContain('\r');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('losant: 40 scenarios');
    expect(lines.filter((l) => l.startsWith('losant: ') && l.includes('/40'))).toHaveLength(8);
    expect(lines).toContain('losant: 5/40 (12%) 4 passed, 1 failed, 0 skipped, 5.0 s');
    expect(lines).toContain('losant: 40/40 (100%) 32 passed, 4 failed, 4 skipped, 40.0 s');
    // A quick API still gets its start and finish lines, nothing in between.
    expect(lines.slice(-2)).toEqual(['droplit: 3 scenarios', 'droplit: 3/3 (100%) 3 passed, 0 failed, 0 skipped, 0.0 s']);
  });

  test('a terminal: one line per API rewritten with \\r (at most every 100 ms), padded over a longer one, ended by a newline', () => {
    const { writes, run } = harness(true);
    run('signatures', outcomes(20), 30);
    const text = writes.join('');
    const lines = text.split('\n');
    expect(lines).toHaveLength(2); // one finished line, then nothing after its newline
    const frames = lines[0].split('\r').filter(Boolean);
    // Started, then a redraw whenever 100 ms passed (every 4th scenario of 30 ms), then the final one.
    expect(frames[0]).toBe('signatures: 0/20 (0%) 0 passed, 0 failed, 0 skipped, 0.0 s');
    expect(frames.length).toBeGreaterThanOrEqual(5);
    expect(frames.length).toBeLessThan(20);
    expect(frames.at(-1)!.trimEnd()).toBe('signatures: 20/20 (100%) 16 passed, 2 failed, 2 skipped, 0.6 s');
    for (let i = 1; i < frames.length; i++) expect(frames[i].length).toBeGreaterThanOrEqual(frames[i - 1].trimEnd().length);
  });

  test('counts choices that differ apart', () => {
    const { writes, run } = harness(false);
    run('ignisign', ['passed', 'choice-differs'], 1);
    expect(writes.at(-1)).toBe('ignisign: 2/2 (100%) 1 passed, 0 failed, 0 skipped, 1 choices differ, 0.0 s\n');
  });
});
