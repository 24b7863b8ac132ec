import type { Command } from './command';

// Which records of the log still shape the state: a request or seed after the last reset or
// eviction of its API and namespace (a reset of everything ends every key). Memory is one entry
// per API and namespace holding live records, which the namespace cap bounds, never one per record.

interface LiveKey {
  api: string;
  namespace: string;
  /** The sequence number of the key's first live record: every earlier one was dropped. */
  since: number;
  bytes: number;
}

export class FileLogLiveKeys {
  private readonly keys = new Map<string, LiveKey>();
  private next = 0;
  /** Bytes of the records still live, heads included. */
  liveBytes = 0;

  /** Notes the log's next record (sequence numbers count records in file order, the header aside). */
  observe(command: Command, bytes: number): void {
    const seq = this.next++;
    if (command.kind === 'request' || command.kind === 'seed') {
      const id = keyOf(command.api, command.namespace);
      let key = this.keys.get(id);
      if (!key) this.keys.set(id, (key = { api: command.api, namespace: command.namespace, since: seq, bytes: 0 }));
      key.bytes += bytes;
      this.liveBytes += bytes;
    } else if (command.kind === 'evict') {
      this.drop(keyOf(command.api, command.namespace));
    } else {
      for (const [id, key] of this.keys) {
        if ((command.api === undefined || command.api === key.api) && (command.namespace === undefined || command.namespace === key.namespace)) this.drop(id);
      }
    }
  }

  /** Whether record `seq` (as numbered by `observe`) survives compaction; resets and evictions never do, their work is done. */
  isLive(seq: number, command: Command): boolean {
    if (command.kind !== 'request' && command.kind !== 'seed') return false;
    const key = this.keys.get(keyOf(command.api, command.namespace));
    return key !== undefined && seq >= key.since;
  }

  private drop(id: string): void {
    const key = this.keys.get(id);
    if (!key) return;
    this.liveBytes -= key.bytes;
    this.keys.delete(id);
  }
}

function keyOf(api: string, namespace: string): string {
  return `${api}\0${namespace}`;
}
