import type { Problem } from '../core/types';
import type { ResponseProblem } from '../core/validators';

export interface JournalEntry {
  id: number;
  time: string;
  namespace: string;
  api?: string;
  method: string;
  path: string;
  operationId?: string;
  status: number;
  durationMs: number;
  requestProblems?: Problem[];
  responseProblems?: ResponseProblem[];
}

/**
 * The last N requests, in a fixed-size ring so a long run at full load keeps constant memory.
 * Entries hold no headers or bodies, so no credential can leak through it.
 */
export class Journal {
  private readonly entries: (JournalEntry | undefined)[];
  private next = 0;
  private total = 0;

  constructor(readonly capacity: number) {
    this.entries = new Array(Math.max(0, capacity));
  }

  record(entry: Omit<JournalEntry, 'id'>): void {
    if (this.capacity === 0) return;
    this.entries[this.next] = { id: ++this.total, ...entry };
    this.next = (this.next + 1) % this.capacity;
  }

  /** Oldest first, optionally filtered. */
  list(filter: { api?: string; namespace?: string; limit?: number } = {}): JournalEntry[] {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)].filter((e): e is JournalEntry => e !== undefined);
    const matching = ordered.filter((e) => (!filter.api || e.api === filter.api) && (!filter.namespace || e.namespace === filter.namespace));
    return filter.limit ? matching.slice(-filter.limit) : matching;
  }

  /** Forgets every entry, or only one namespace's (so one parallel worker cannot wipe another's). */
  clear(namespace?: string): void {
    if (namespace === undefined) {
      this.entries.fill(undefined);
      this.next = 0;
      return;
    }
    for (let i = 0; i < this.entries.length; i++) if (this.entries[i]?.namespace === namespace) this.entries[i] = undefined;
  }

  get recorded(): number {
    return this.total;
  }
}
