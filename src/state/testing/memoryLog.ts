import type { Apply, Command } from '../command';
import { type StateLog, StateUnavailable } from '../stateLog';

// A single-writer StateLog in memory, for tests: applies each command as it is submitted (as the
// file log does) and keeps it, as JSON would carry it, so a test can replay exactly what was ordered.

export class MemoryLog implements StateLog {
  /** Every command in the order it was applied, eviction records included. */
  readonly commands: Command[] = [];
  catchUps = 0;
  /** Set to answer every submit and catchUp as an unreachable log does. */
  failing = false;
  private apply: Apply | undefined;

  /**
   * `replay`: commands the log already holds, applied by `open`. `recordBeforeApply`: keep a command
   * before applying it (as a shared log does), so an eviction its apply causes is recorded after it.
   */
  constructor(
    private readonly replay: readonly Command[] = [],
    private readonly options: { recordBeforeApply?: boolean } = {},
  ) {}

  async open(apply: Apply): Promise<void> {
    this.apply = apply;
    for (const command of this.replay) {
      await apply(command);
      this.commands.push(command);
    }
  }

  submit(command: Command): Promise<unknown> {
    if (this.failing) return Promise.reject(new StateUnavailable('the test log is failing'));
    if (!this.apply) return Promise.reject(new Error('submit before open'));
    // Applied within the call, in submission order; only the acknowledgement waits.
    const record = () => this.commands.push(JSON.parse(JSON.stringify(command)) as Command);
    if (this.options.recordBeforeApply) record();
    const result = this.apply(command);
    if (!this.options.recordBeforeApply) record();
    return Promise.resolve(result);
  }

  catchUp(): Promise<void> {
    this.catchUps++;
    return this.failing ? Promise.reject(new StateUnavailable('the test log is failing')) : Promise.resolve();
  }

  evicted(api: string, namespace: string): void {
    this.commands.push({ kind: 'evict', api, namespace });
  }

  /** Only the commands that change state on request, for a test that counts writes. */
  requests(): Extract<Command, { kind: 'request' }>[] {
    return this.commands.filter((c): c is Extract<Command, { kind: 'request' }> => c.kind === 'request');
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
