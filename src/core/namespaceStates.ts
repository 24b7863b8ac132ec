// The namespaces an engine keeps, at most `max` of them: a shared backend meets any number of header
// values over days, so the least recently used idle one makes room for a new one. A namespace with
// a request in progress is never evicted under it.

interface Kept<E> {
  value: E;
  busy: number;
}

export class NamespaceStates<E> {
  private readonly kept = new Map<string, Kept<E>>();
  /** The most recently used namespace, which a request to it again need not move (the common case). */
  private last: string | undefined;
  /** While set, the cap is not applied: see `suspendEvictions`. */
  private suspended = false;

  /** `onEvict` hears of each namespace dropped to make room (a durable log records it), never of a delete or clear. */
  constructor(
    readonly max: number,
    private readonly onEvict?: (namespace: string) => void,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`the namespace cap must be a whole number of at least 1, got ${max}`);
  }

  /** The namespace's entry, now the most recently used. */
  get(namespace: string): E | undefined {
    const kept = this.kept.get(namespace);
    if (!kept) return undefined;
    if (namespace !== this.last) {
      // A Map iterates in insertion order, so re-inserting keeps the least recently used first.
      this.kept.delete(namespace);
      this.kept.set(namespace, kept);
      this.last = namespace;
    }
    return kept.value;
  }

  /**
   * Keeps a new namespace, evicting the least recently used idle one when full; false when every kept
   * one is busy, unless `overflow`: then it is kept past the cap, and the surplus is evicted as soon
   * as a namespace goes idle. A command takes `overflow`, because its outcome must not depend on what
   * else was in progress: no replay or other replica sees that, so a refusal there would be
   * applied elsewhere and the logs would disagree.
   */
  admit(namespace: string, value: E, overflow = false): boolean {
    if (this.kept.size >= this.max && !this.suspended && !this.evictOne() && !overflow) return false;
    this.kept.set(namespace, { value, busy: 0 });
    this.last = namespace;
    return true;
  }

  /**
   * A replay rebuilds every namespace its log holds, but the live order of use that chose what to
   * evict included reads, which no log holds: evicting by the replay's own order would drop a
   * namespace that was kept. So a replay runs with the cap suspended; resuming it evicts down to it.
   */
  suspendEvictions(suspended: boolean): void {
    this.suspended = suspended;
    if (!suspended) while (this.kept.size > this.max && this.evictOne());
  }

  /** Drops the least recently used idle namespace; false when every kept one is busy. */
  private evictOne(): boolean {
    for (const [name, kept] of this.kept) {
      if (kept.busy === 0) {
        this.kept.delete(name);
        if (name === this.last) this.last = undefined;
        this.onEvict?.(name);
        return true;
      }
    }
    return false;
  }

  /** Marks a request in progress in the namespace; call `leave` when it ends. */
  enter(namespace: string): void {
    const kept = this.kept.get(namespace);
    if (kept) kept.busy++;
  }

  leave(namespace: string): void {
    const kept = this.kept.get(namespace);
    if (kept && kept.busy > 0) kept.busy--;
    if (this.kept.size > this.max && !this.suspended) while (this.kept.size > this.max && this.evictOne());
  }

  delete(namespace: string): void {
    this.kept.delete(namespace);
    if (namespace === this.last) this.last = undefined;
  }

  clear(): void {
    this.kept.clear();
    this.last = undefined;
  }

  names(): string[] {
    return [...this.kept.keys()];
  }

  get size(): number {
    return this.kept.size;
  }
}
