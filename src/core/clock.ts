import type { Clock } from './types';

/**
 * An instant as milliseconds, or undefined: a valid Date, or a string with a 4-digit year first that
 * Date.parse reads ('2024-07-29T15:51:28.071Z'). Numbers and short forms such as '1' (which Date.parse
 * reads as 2001) are refused, so --now, createApp's `now` and PUT /__admin/clock agree.
 */
export function parseInstant(value: unknown): number | undefined {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function parse(now: unknown): number {
  const ms = parseInstant(now);
  if (ms === undefined) throw new Error(`not a date: ${String(now)} (expected an ISO 8601 instant such as 2024-07-29T15:51:28.071Z)`);
  return ms;
}

/**
 * A clock that follows real time unless pinned; tests and /__admin/clock pin it to probe time rules.
 * A namespace can pin its own time, so one parallel worker pinning "now" (to probe a time window)
 * leaves every other worker's clock alone; an unpinned namespace follows the global clock.
 */
export class SettableClock implements Clock {
  private pinned: number | undefined;
  private readonly pins = new Map<string, number>();

  /** `maxPins` bounds the namespaces that may hold a pin at once (each is a few bytes, but admin input is still input). */
  constructor(
    now?: string | Date,
    readonly maxPins = 10_000,
  ) {
    if (now !== undefined) this.set(now);
  }

  now(): Date {
    return new Date(this.pinned ?? Date.now());
  }

  /** Pins the clock; undefined or null returns it to real time. */
  set(now: string | Date | undefined | null): void {
    this.pinned = now === undefined || now === null ? undefined : parse(now);
  }

  isPinned(): boolean {
    return this.pinned !== undefined;
  }

  /** The time one namespace sees: its own pin, else the global clock. */
  nowIn(namespace: string): Date {
    const own = this.pins.get(namespace);
    return own === undefined ? this.now() : new Date(own);
  }

  /** Pins one namespace's clock; undefined or null returns it to the global clock. */
  setIn(namespace: string, now: string | Date | undefined | null): void {
    if (now === undefined || now === null) {
      this.pins.delete(namespace);
      return;
    }
    const ms = parse(now);
    if (!this.pins.has(namespace) && this.pins.size >= this.maxPins) {
      throw new Error(`${this.maxPins} namespaces already pin their clock; release one with {"now": null} first`);
    }
    this.pins.set(namespace, ms);
  }

  isPinnedIn(namespace: string): boolean {
    return this.pins.has(namespace) || this.isPinned();
  }

  /** Releases every namespace's pin (the global one stays). */
  releaseNamespaces(): void {
    this.pins.clear();
  }

  /** A Clock for one namespace's handlers; cheap, so it can be made once per namespace state. */
  forNamespace(namespace: string): Clock {
    return { now: () => this.nowIn(namespace) };
  }
}
