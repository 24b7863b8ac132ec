import { crc32 } from 'node:zlib';

// One record of the --data-dir log: [u32 length][u32 crc32 of the payload][payload: JSON], little
// endian. The length lets a reader step over records without parsing them; the checksum tells a
// record torn by a crash (or rotted on disk) from a whole one.

export const RECORD_HEAD_BYTES = 8;

/**
 * Largest payload a record may claim. Just under 0x20202020, the smallest length four printable
 * bytes spell, so JSON text from inside a torn record can never pass for the head of a valid one;
 * V8's longest string (~2^29 characters) fits below it too.
 */
export const MAX_RECORD_BYTES = 0x20000000;

export function encodeRecord(value: unknown): Buffer {
  const payload = Buffer.from(JSON.stringify(value));
  if (payload.length > MAX_RECORD_BYTES) throw new RangeError(`a record of ${payload.length} bytes is over the log's ${MAX_RECORD_BYTES}`);
  const record = Buffer.allocUnsafe(RECORD_HEAD_BYTES + payload.length);
  record.writeUInt32LE(payload.length, 0);
  record.writeUInt32LE(crc32(payload), 4);
  payload.copy(record, RECORD_HEAD_BYTES);
  return record;
}

/** Why bytes at an offset are not a record: too few left, a length no record has, a checksum that does not match, or no JSON object. */
export type RecordFlaw = 'short' | 'length' | 'checksum' | 'json';

/** Checks a record's payload against its head; the parsed JSON object, or what is wrong with it. */
export function decodePayload(checksum: number, payload: Buffer): { value: Record<string, unknown> } | { flaw: RecordFlaw } {
  if (crc32(payload) !== checksum) return { flaw: 'checksum' };
  try {
    const value: unknown = JSON.parse(payload.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return { value: value as Record<string, unknown> };
  } catch {
    // A payload whose checksum matches but does not parse was written wrong: as corrupt as a bad checksum.
  }
  return { flaw: 'json' };
}
