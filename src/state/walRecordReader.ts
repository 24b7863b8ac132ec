import type { FileHandle } from 'node:fs/promises';
import { decodePayload, MAX_RECORD_BYTES, RECORD_HEAD_BYTES, type RecordFlaw } from './walRecord';

// Reads the log's records in order through one window of the file, so start-up and compaction
// never hold the whole log: memory is the window, which grows only to the largest record.

const WINDOW_BYTES = 1 << 20;

export type ReadRecord =
  /** `bytes`: the whole record, head included, valid only until the next read. */
  | { kind: 'record'; offset: number; bytes: Buffer; value: Record<string, unknown> }
  | { kind: 'end'; offset: number }
  | { kind: 'flaw'; offset: number; flaw: RecordFlaw };

export class WalRecordReader {
  private window = Buffer.allocUnsafe(WINDOW_BYTES);
  private windowStart = 0;
  private windowLength = 0;

  constructor(
    private readonly file: FileHandle,
    /** The file's length when reading began: bytes past it are not read. */
    readonly size: number,
  ) {}

  /** The record at `offset`, the end of the file, or what is wrong with the bytes there. */
  async at(offset: number): Promise<ReadRecord> {
    if (offset === this.size) return { kind: 'end', offset };
    const head = await this.load(offset, RECORD_HEAD_BYTES);
    if (!head) return { kind: 'flaw', offset, flaw: 'short' };
    const length = head.readUInt32LE(0);
    const checksum = head.readUInt32LE(4);
    if (length < 2 || length > MAX_RECORD_BYTES) return { kind: 'flaw', offset, flaw: 'length' };
    const bytes = await this.load(offset, RECORD_HEAD_BYTES + length);
    if (!bytes) return { kind: 'flaw', offset, flaw: 'short' };
    const decoded = decodePayload(checksum, bytes.subarray(RECORD_HEAD_BYTES));
    return 'flaw' in decoded ? { kind: 'flaw', offset, flaw: decoded.flaw } : { kind: 'record', offset, bytes, value: decoded.value };
  }

  /**
   * The offset of the first valid record starting after `offset`, if any. A flaw with a valid record
   * after it is damage in the middle of the log (acknowledged writes follow it), not a torn tail.
   */
  async nextValidAfter(offset: number): Promise<number | undefined> {
    for (let at = offset + 1; at + RECORD_HEAD_BYTES < this.size; at++) {
      const head = await this.load(at, RECORD_HEAD_BYTES);
      if (!head) return undefined;
      const length = head.readUInt32LE(0);
      // Most garbage fails here, before any checksum is computed.
      if (length < 2 || length > MAX_RECORD_BYTES || at + RECORD_HEAD_BYTES + length > this.size) continue;
      if ((await this.at(at)).kind === 'record') return at;
    }
    return undefined;
  }

  /** Bytes [offset, offset + length) of the file, or undefined when the file ends first. */
  private async load(offset: number, length: number): Promise<Buffer | undefined> {
    if (offset + length > this.size) return undefined;
    const from = offset - this.windowStart;
    if (from >= 0 && offset + length <= this.windowStart + this.windowLength) return this.window.subarray(from, from + length);
    const want = Math.min(Math.max(length, WINDOW_BYTES), this.size - offset);
    if (this.window.length < want) this.window = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.file.read(this.window, got, want - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.windowStart = offset;
    this.windowLength = got;
    return got < length ? undefined : this.window.subarray(0, length);
  }
}
