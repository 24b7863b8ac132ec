import { VENDORS } from '../src/apis';
import { formatResult } from '../src/contract/report';
import { runContract } from '../src/contract/runner';
import { createApp } from '../src/server';

// Scenario names come from the clock in base 36 (`ct_mx9ftbet36_0`), so a scenario that searches
// names for a word can meet it inside its own prefix. Losant's are the scenarios that search by
// substring ($contains, globs); they must pass whatever letters the prefix holds. Here the clock is
// moved to an instant whose base-36 form holds `bet` for the whole run (36^3 ms, about 46 s, longer
// than jest's 30 s test timeout).

/** The instant nearest now (within about 12 days) whose base-36 form ends in `<word>000`. */
function clockWithWord(word: string, now: number): number {
  const tail = 36 ** (word.length + 3);
  const at = (head: number) => head * tail + parseInt(`${word}000`, 36);
  const head = Math.floor(now / tail);
  return [head - 1, head, head + 1].map(at).reduce((a, b) => (Math.abs(a - now) <= Math.abs(b - now) ? a : b));
}

describe('Losant scenarios whose unique prefix contains a searched word', () => {
  let restore: (() => void) | undefined;

  beforeAll(() => {
    const realNow = Date.now.bind(Date);
    const offset = clockWithWord('bet', realNow()) - realNow();
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
    restore = () => spy.mockRestore();
  });
  afterAll(() => restore?.());

  it('every scenario still passes', async () => {
    expect(Date.now().toString(36)).toContain('bet');
    const report = await runContract({ vendors: VENDORS, apis: ['losant'], target: { kind: 'in-process', app: createApp({ apis: ['losant'] }).app } });
    const failed = report.results.filter((r) => r.outcome !== 'passed');
    expect(Date.now().toString(36)).toContain('bet');
    expect(failed.map((r) => formatResult(r))).toEqual([]);
  });
});
