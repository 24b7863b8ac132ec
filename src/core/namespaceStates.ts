// The namespaces an engine keeps, at most `max` of them: a shared backend meets any number of header
// values over days, so the least recently used idle one makes room for a new one. A namespace with
// a request in progress is never evicted under it.

interface Kept<E> {
  value: E;
  busy: number;
}

export class NamespaceStates<E> {
  private readonly kept = new Map<string, Kept<E>>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`the namespace cap must be a whole number of at least 1, got ${max}`);
  }

  /** The namespace's entry, now the most recently used. */
  get(namespace: string): E | undefined {
    const kept = this.kept.get(namespace);
    if (!kept) return undefined;
    // A Map iterates in insertion order, so re-inserting keeps the least recently used first.
    this.kept.delete(namespace);
    this.kept.set(namespace, kept);
    return kept.value;
  }

  /** Keeps a new namespace, evicting the least recently used idle one when full; false when every kept one is busy. */
  admit(namespace: string, value: E): boolean {
    if (this.kept.size >= this.max) {
      let evicted = false;
      for (const [name, kept] of this.kept) {
        if (kept.busy === 0) {
          this.kept.delete(name);
          evicted = true;
          break;
        }
      }
      if (!evicted) return false;
    }
    this.kept.set(namespace, { value, busy: 0 });
    return true;
  }

  /** Marks a request in progress in the namespace; call `leave` when it ends. */
  enter(namespace: string): void {
    const kept = this.kept.get(namespace);
    if (kept) kept.busy++;
  }

  leave(namespace: string): void {
    const kept = this.kept.get(namespace);
    if (kept && kept.busy > 0) kept.busy--;
  }

  delete(namespace: string): void {
    this.kept.delete(namespace);
  }

  clear(): void {
    this.kept.clear();
  }

  names(): string[] {
    return [...this.kept.keys()];
  }

  get size(): number {
    return this.kept.size;
  }
}
