// What changes a namespace's state, as plain data. A live request that may change state becomes a
// command; applying the same commands in the same order to fresh state rebuilds it exactly, because
// every source of variation a handler has (the clock reading, the namespace's seeded faker, the
// bytes sent) is either in the command or fixed by the seed. Reads never become commands.

/** A request as it came in: everything a replay needs to take the same path through the engine. */
export interface RecordedRequest {
  method: string;
  /** Below the API prefix, still percent-encoded, no query string. */
  path: string;
  rawQuery: string;
  /** Lower-case names, as the engine receives them. */
  headers: Record<string, string>;
  /** The body bytes, base64; absent when there was none. */
  body?: string;
}

export type Command =
  /** `at`: the clock reading (ms since the epoch) the request is answered at, on every replay. */
  | { kind: 'request'; api: string; namespace: string; at: number; request: RecordedRequest }
  /** Forget state: one namespace of one API, one namespace of every API, one API's every namespace, or all. */
  | { kind: 'reset'; api?: string; namespace?: string }
  | { kind: 'seed'; api: string; namespace: string; count: number }
  /** The least recently used namespace was dropped to make room (--max-namespaces). */
  | { kind: 'evict'; api: string; namespace: string };

/** Applies one command to the in-memory state; for a request, resolves with the engine's outcome. */
export type Apply = (command: Command) => unknown | Promise<unknown>;
