import { mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordedExchange } from './recordedExchange';

// --record DIR: one JSON file per exchange, named so that a directory listing is the order they
// happened in (<seq>-<api>-<operationId>.json). Writes are asynchronous and bounded: past
// MAX_PENDING writes (or MAX_PENDING_BYTES) in flight, an exchange is dropped and counted rather than
// held in memory.

const MAX_PENDING = 1000;
const MAX_PENDING_BYTES = 64 * 1024 * 1024;
export const RECORDING_FILE = /^(\d+)-[A-Za-z0-9_-]+-[A-Za-z0-9_.-]+\.json$/;

export class Recorder {
  private pending = 0;
  private pendingBytes = 0;
  private next: number;
  private waiting: (() => void)[] = [];
  dropped = 0;
  written = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    // A second run into the same directory continues after the first, so the order stays readable.
    const numbers = readdirSync(dir)
      .map((name) => RECORDING_FILE.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]));
    this.next = numbers.length ? Math.max(...numbers) + 1 : 1;
  }

  write(exchange: RecordedExchange): void {
    const text = `${JSON.stringify(exchange, null, 2)}\n`;
    if (this.pending >= MAX_PENDING || this.pendingBytes + text.length > MAX_PENDING_BYTES) {
      if (this.dropped++ === 0) process.stderr.write(`standin proxy: recording to ${this.dir} cannot keep up; exchanges are being dropped\n`);
      return;
    }
    const name = `${String(this.next++).padStart(6, '0')}-${exchange.api}-${exchange.operationId ?? 'unknown'}.json`;
    this.pending++;
    this.pendingBytes += text.length;
    writeFile(join(this.dir, name), text)
      .then(
        () => this.written++,
        (error: Error) => process.stderr.write(`standin proxy: cannot write ${name}: ${error.message}\n`),
      )
      .finally(() => {
        this.pendingBytes -= text.length;
        if (--this.pending === 0) for (const wake of this.waiting.splice(0)) wake();
      });
  }

  /** Resolves once every write started so far has finished. */
  flush(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((wake) => this.waiting.push(wake));
  }
}
