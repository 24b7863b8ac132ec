import type { FileHandle } from 'node:fs/promises';

/** Writes every byte of `bytes` at `position`: one write may store less than asked. */
export async function writeFully(file: FileHandle, bytes: Buffer, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, done, bytes.length - done, position + done);
    if (bytesWritten === 0) throw Object.assign(new Error('the disk stored nothing of a write'), { code: 'EIO' });
    done += bytesWritten;
  }
}
