// Failures injected through /__admin/faults, kept per engine and taken one request at a time.

/** An injected failure: the next `times` matching requests fail (vendor 5xx) or are delayed. */
export interface Fault {
  operationId?: string;
  namespace?: string;
  times: number;
  kind: 'error' | 'delay';
  delayMs?: number;
}

export class Faults {
  private kept: Fault[] = [];

  /** The first fault matching the request, used up by one; undefined (at no cost) when none is set. */
  take(operationId: string, namespace: string): Fault | undefined {
    if (this.kept.length === 0) return undefined;
    const fault = this.kept.find((f) => (!f.operationId || f.operationId === operationId) && (!f.namespace || f.namespace === namespace));
    if (!fault) return undefined;
    fault.times--;
    if (fault.times <= 0) this.kept = this.kept.filter((f) => f !== fault);
    return fault;
  }

  add(fault: Fault): void {
    this.kept.push({ ...fault });
  }

  /** Clears the faults of one namespace, or every fault. */
  clear(namespace?: string): void {
    this.kept = namespace === undefined ? [] : this.kept.filter((f) => f.namespace !== namespace);
  }

  /** Copies, so a caller cannot change what is armed. */
  list(): Fault[] {
    return this.kept.map((f) => ({ ...f }));
  }
}
