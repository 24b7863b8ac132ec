import type { Difference, DifferenceRule } from './compareAnswers';

// What the shadow found: the latest drift entries in a ring (memory stays flat however long the
// proxy runs) and a running count per operation and rule, which is bounded by the spec's operations.

const DEFAULT_CAPACITY = 1000;

export interface DriftEntry {
  id: number;
  time: string;
  api: string;
  operationId?: string;
  method: string;
  path: string;
  status: { vendor: number; mock: number };
  differences: Difference[];
}

export interface OperationDrift {
  api: string;
  operationId: string;
  compared: number;
  drifted: number;
  rules: Partial<Record<DifferenceRule, number>>;
}

export class DriftLog {
  private readonly ring: (DriftEntry | undefined)[];
  private next = 0;
  private total = 0;
  private readonly perOperation = new Map<string, OperationDrift>();
  compared = 0;

  constructor(readonly capacity = DEFAULT_CAPACITY) {
    this.ring = new Array(capacity);
  }

  add(entry: Omit<DriftEntry, 'id'>): void {
    this.compared++;
    const key = `${entry.api} ${entry.operationId ?? '(no operation)'}`;
    let op = this.perOperation.get(key);
    if (!op) {
      op = { api: entry.api, operationId: entry.operationId ?? '(no operation)', compared: 0, drifted: 0, rules: {} };
      this.perOperation.set(key, op);
    }
    op.compared++;
    if (entry.differences.length === 0) return;
    op.drifted++;
    for (const rule of new Set(entry.differences.map((d) => d.rule))) op.rules[rule] = (op.rules[rule] ?? 0) + 1;
    this.ring[this.next] = { id: ++this.total, ...entry };
    this.next = (this.next + 1) % this.capacity;
  }

  /** Exchanges that drifted, ever (the ring keeps the latest `capacity`). */
  get drifted(): number {
    return this.total;
  }

  entries(filter: { api?: string; operationId?: string; limit?: number } = {}): DriftEntry[] {
    const ordered = [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)].filter((e): e is DriftEntry => e !== undefined);
    const matching = ordered.filter((e) => (!filter.api || e.api === filter.api) && (!filter.operationId || e.operationId === filter.operationId));
    return filter.limit ? matching.slice(-filter.limit) : matching;
  }

  operations(): OperationDrift[] {
    return [...this.perOperation.values()].filter((o) => o.drifted > 0);
  }
}
