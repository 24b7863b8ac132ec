/**
 * The first `cap` bytes of a stream that passes through: enough to check and record it, while what
 * goes past the cap is forwarded and forgotten, so a large body costs no more memory than the cap.
 */
export class KeptBytes {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  /** Every byte seen, kept or not. */
  size = 0;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.kept >= this.cap) return;
    const room = this.cap - this.kept;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(part);
    this.kept += part.length;
  }

  /** Whether some bytes went past the cap unkept. */
  get overflowed(): boolean {
    return this.size > this.kept;
  }

  /** The kept bytes; undefined when the stream had none. */
  bytes(): Buffer | undefined {
    if (this.size === 0) return undefined;
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.kept);
  }
}
