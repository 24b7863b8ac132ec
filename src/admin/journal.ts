import { exchangeBytes, type JournalEntry, type MockExchange, mockEntry } from './journalEntry';
import { type CompiledFilter, compileFilter, type Filterable, type JournalFilter } from './journalFilter';
import { heldBytes } from './keptBody';
import { SecretMask } from './maskSecrets';

// The last requests, in a ring bounded twice: at most `capacity` entries and at most `bytes` bytes
// of what they hold (headers and bodies as kept, see exchangeBytes); the oldest go first. Recording
// is on every request's path, so it only keeps references (bodies already cut to their first bytes)
// and adds sizes; masking and shaping an entry wait until it is read, or until a live feed wants it.

export type { JournalEntry, KeptBody, MockExchange } from './journalEntry';
export type { JournalFilter } from './journalFilter';

/** An entry made elsewhere (the proxy's), already masked and cut. */
export type BuiltEntry = Omit<JournalEntry, 'id'>;

interface Slot extends Filterable {
  bytes: number;
  exchange?: MockExchange;
  built?: BuiltEntry;
}

export interface JournalOptions {
  /** The byte budget (--journal-bytes). */
  bytes?: number;
  /** Credential values to star out of every entry, beyond the credential headers. */
  secrets?: readonly string[];
}

/** A live feed's callback: the entry and its JSON, made once for every subscriber. */
export type OnEntry = (entry: JournalEntry, json: string) => void;

interface Subscriber {
  filter: CompiledFilter;
  onEntry: OnEntry;
}

const DEFAULT_BYTES = 8 * 1024 * 1024;

function builtBytes(e: BuiltEntry): number {
  const bodies = (e.request.body?.text.length ?? 0) + (e.response.body?.text.length ?? 0);
  return exchangeBytes([e.request.headers, e.response.headers], bodies + e.request.url.length);
}

export class Journal {
  readonly byteBudget: number;
  /** Also masks what other admin outputs show (state dumps). */
  readonly mask: SecretMask;
  private readonly slots: (Slot | undefined)[];
  /** Index of the oldest slot, and how many are held. */
  private start = 0;
  private count = 0;
  private held = 0;
  private total = 0;
  private readonly subscribers = new Set<Subscriber>();
  private pending: Slot[] = [];
  private flushing = false;

  constructor(
    readonly capacity: number,
    options: JournalOptions = {},
  ) {
    this.slots = new Array(Math.max(0, capacity));
    this.byteBudget = options.bytes ?? DEFAULT_BYTES;
    this.mask = new SecretMask(options.secrets ?? []);
  }

  record(input: MockExchange | BuiltEntry): void {
    const id = ++this.total;
    if (this.capacity === 0) return;
    let slot: Slot;
    if ('rawQuery' in input) {
      const bytes = exchangeBytes(
        [input.requestHeaders, input.responseHeaders],
        heldBytes(input.requestBody) + heldBytes(input.responseBody) + input.rawQuery.length,
      );
      slot = { id, at: input.at, api: input.api, namespace: input.namespace, operationId: input.operationId, status: input.status, bytes, exchange: input };
    } else {
      slot = {
        id,
        at: Date.parse(input.time),
        api: input.api,
        namespace: input.namespace,
        operationId: input.operationId,
        status: input.status,
        bytes: builtBytes(input),
        built: input,
      };
    }
    // One entry over the whole budget is not kept: the budget is a promise about memory.
    if (slot.bytes > this.byteBudget) return;
    while (this.count > 0 && (this.count === this.capacity || this.held + slot.bytes > this.byteBudget)) this.dropOldest();
    this.slots[(this.start + this.count) % this.capacity] = slot;
    this.count++;
    this.held += slot.bytes;
    if (this.subscribers.size > 0) this.deliverLater(slot);
  }

  private dropOldest(): void {
    const oldest = this.slots[this.start];
    this.slots[this.start] = undefined;
    this.start = (this.start + 1) % this.capacity;
    this.count--;
    this.held -= oldest?.bytes ?? 0;
  }

  private entryOf(slot: Slot): JournalEntry {
    return slot.exchange ? mockEntry(slot.id, slot.exchange, this.mask) : { id: slot.id, ...slot.built! };
  }

  /** Oldest first; `limit` keeps the newest N that match. Throws InvalidFilterError for a value it cannot read. */
  list(filter: JournalFilter | CompiledFilter = {}): JournalEntry[] {
    const compiled = 'matches' in filter ? filter : compileFilter(filter);
    const picked: Slot[] = [];
    for (let i = this.count - 1; i >= 0; i--) {
      const slot = this.slots[(this.start + i) % this.capacity]!;
      if (!compiled.matches(slot)) continue;
      picked.push(slot);
      if (compiled.limit !== undefined && picked.length === compiled.limit) break;
    }
    return picked.reverse().map((slot) => this.entryOf(slot));
  }

  /** Calls `onEntry` for each entry recorded from now on that matches; returns the unsubscribe. */
  subscribe(filter: JournalFilter | CompiledFilter, onEntry: OnEntry): () => void {
    const subscriber = { filter: 'matches' in filter ? filter : compileFilter(filter), onEntry };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Entries are shaped for live feeds after the answer is written, once each, in one batch per turn of the event loop. */
  private deliverLater(slot: Slot): void {
    this.pending.push(slot);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      const batch = this.pending;
      this.pending = [];
      this.flushing = false;
      for (const s of batch) {
        let made: { entry: JournalEntry; json: string } | undefined;
        for (const subscriber of this.subscribers) {
          if (!subscriber.filter.matches(s)) continue;
          if (!made) {
            const entry = this.entryOf(s);
            made = { entry, json: JSON.stringify(entry) };
          }
          subscriber.onEntry(made.entry, made.json);
        }
      }
    });
  }

  /** Forgets every entry, or only one namespace's (so one parallel worker cannot wipe another's). */
  clear(namespace?: string): void {
    const kept: Slot[] = [];
    if (namespace !== undefined) {
      for (let i = 0; i < this.count; i++) {
        const slot = this.slots[(this.start + i) % this.capacity]!;
        if (slot.namespace !== namespace) kept.push(slot);
      }
    }
    this.slots.fill(undefined);
    kept.forEach((slot, i) => (this.slots[i] = slot));
    this.start = 0;
    this.count = kept.length;
    this.held = kept.reduce((sum, slot) => sum + slot.bytes, 0);
  }

  /** Requests recorded since start (kept or not). */
  get recorded(): number {
    return this.total;
  }

  /** What the ring holds now: entries and bytes (the budget's measure). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.count, bytes: this.held };
  }
}
