import { constants } from 'node:fs';
import { type FileHandle, open, unlink } from 'node:fs/promises';
import type { Command } from './command';
import { FileLogLiveKeys } from './fileLogLiveKeys';
import { writeFully } from './fileLogWrite';
import { WalRecordReader } from './walRecordReader';

// Copies the log's live records (FileLogLiveKeys) into a new file, streamed in bounded chunks, and
// syncs it. The caller renames it over the log: until then the old log is untouched and complete.

const CHUNK_BYTES = 1 << 20;

export interface Compacted {
  file: FileHandle;
  size: number;
  live: FileLogLiveKeys;
}

export async function compactInto(tempPath: string, from: FileHandle, size: number, header: Buffer, live: FileLogLiveKeys): Promise<Compacted> {
  const out = await open(tempPath, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC, 0o600);
  try {
    const reader = new WalRecordReader(from, size);
    const kept = new FileLogLiveKeys();
    let chunks: Buffer[] = [header];
    let chunked = header.length;
    let written = 0;
    const flush = async () => {
      await writeFully(out, Buffer.concat(chunks), written);
      written += chunked;
      chunks = [];
      chunked = 0;
    };
    let offset = (await reader.at(0)).kind === 'record' ? header.length : size;
    for (let seq = 0; offset < size; seq++) {
      const read = await reader.at(offset);
      // Every byte up to `size` was read and checked at start-up or written by this process.
      if (read.kind !== 'record') throw new Error(`the log changed under standin: no record at offset ${offset}`);
      const command = read.value as unknown as Command;
      if (live.isLive(seq, command)) {
        chunks.push(Buffer.from(read.bytes));
        chunked += read.bytes.length;
        kept.observe(command, read.bytes.length);
      }
      offset += read.bytes.length;
      if (chunked >= CHUNK_BYTES) await flush();
    }
    await flush();
    await out.sync();
    return { file: out, size: written, live: kept };
  } catch (err) {
    await out.close().catch(() => undefined);
    await unlink(tempPath).catch(() => undefined);
    throw err;
  }
}
