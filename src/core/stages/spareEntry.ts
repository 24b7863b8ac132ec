import type { Clock } from '../types';

/** How long a spare made on a running clock stays fresh: a state seeded later differs by less than this. */
const FRESH_FOR_MS = 1000;

/**
 * The fresh state a request in a namespace not kept yet is authenticated against. A refusal leaves it
 * as it was (authentication only reads), so the next request in that namespace takes it instead of
 * seeding another: a stream of refused requests costs one seeding, not one each. It is reused only
 * while its clock reads what it read when it was made, or up to a second later, so it is never older
 * than a state seeded now would be by more than that, and a clock pinned elsewhere since makes a new one.
 */
export class SpareEntry<E extends { clock: Clock }> {
  private namespace: string | undefined;
  private entry: E | undefined;
  private madeAt = 0;

  take(namespace: string, make: () => E): E {
    const { entry } = this;
    if (entry && this.namespace === namespace) {
      const elapsed = entry.clock.now().getTime() - this.madeAt;
      if (elapsed >= 0 && elapsed <= FRESH_FOR_MS) return entry;
    }
    const made = make();
    this.namespace = namespace;
    this.entry = made;
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
