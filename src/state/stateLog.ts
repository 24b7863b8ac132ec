import type { Apply, Command } from './command';

// The one seam every state change goes through when state is durable (--data-dir) or shared
// (--state redis://). Without either, the engine is called directly and nothing here runs.

export interface StateLog {
  /** Replays what the log already holds through `apply`, in order, before the server answers anything. */
  open(apply: Apply): Promise<void>;
  /**
   * Orders one command after every command already ordered for its API and namespace, applies them
   * in that order through `apply`, and resolves with what `apply` returned for this one, only once
   * it is durable (file) or stored in the shared log (redis). Rejects with StateUnavailable when
   * the log cannot be reached; the command then may or may not have been stored.
   */
  submit(command: Command): Promise<unknown>;
  /** Applies every command ordered so far for this API and namespace, so a read sees every acknowledged write. */
  catchUp(api: string, namespace: string): Promise<void>;
  /** The engine dropped a namespace's state to make room: made durable (file), or rebuilt from the shared log on next use (redis). */
  evicted(api: string, namespace: string): void;
  close(): Promise<void>;
}

/** The log cannot be reached (Redis down, disk failing): answered 503 in the vendor's envelope. */
export class StateUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateUnavailable';
  }
}
