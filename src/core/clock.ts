import type { Clock } from './types';

/** A clock that follows real time unless pinned; tests and /__admin/clock pin it to probe time rules. */
export class SettableClock implements Clock {
  private pinned: number | undefined;

  constructor(now?: string | Date) {
    if (now !== undefined) this.set(now);
  }

  now(): Date {
    return new Date(this.pinned ?? Date.now());
  }

  /** Pins the clock; undefined or null returns it to real time. */
  set(now: string | Date | undefined | null): void {
    if (now === undefined || now === null) {
      this.pinned = undefined;
      return;
    }
    const ms = new Date(now).getTime();
    if (Number.isNaN(ms)) throw new Error(`not a date: ${String(now)}`);
    this.pinned = ms;
  }

  isPinned(): boolean {
    return this.pinned !== undefined;
  }
}
