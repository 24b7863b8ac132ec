import type { Clock } from '../types';

/**
 * The fresh state a request in a namespace not kept yet is authenticated against. A refusal leaves it
 * as it was (authentication only reads), so the next request in that namespace takes it instead of
 * seeding another: a stream of refused requests costs one seeding, not one each. A state whose
 * seeding read the clock is reused only while the clock still reads that instant (a pinned clock
 * left alone), so what is kept never depends on whether a refused request came first.
 */
export class SpareEntry<E extends { clock: Clock }> {
  private namespace: string | undefined;
  private entry: E | undefined;
  private seen = { clockRead: false };
  private madeAt = 0;

  take(namespace: string, make: (seen: { clockRead: boolean }) => E): E {
    const { entry } = this;
    if (entry && this.namespace === namespace && (!this.seen.clockRead || entry.clock.now().getTime() === this.madeAt)) return entry;
    const seen = { clockRead: false };
    const made = make(seen);
    this.namespace = namespace;
    this.entry = made;
    this.seen = seen;
    this.madeAt = made.clock.now().getTime();
    return made;
  }

  /** The entry became a kept namespace's: from now on it is that namespace's own state. */
  kept(entry: E): void {
    if (entry === this.entry) this.clear();
  }

  clear(): void {
    this.namespace = undefined;
    this.entry = undefined;
  }
}
