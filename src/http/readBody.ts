import type { IncomingMessage } from 'node:http';

// A body arrives in chunks of the client's choosing: a megabyte a byte at a time is a million chunks,
// and keeping each as its own Buffer cost ~430 MB. So it is copied into one buffer as it comes: sized
// from Content-Length (node stops reading there and has refused one that is not digits), or grown by
// doubling up to the limit for a chunked body. Past the limit the rest is drained and dropped, so the
// answer can still be written cleanly. Buffers come from outside node's shared pool, so a body a
// handler keeps never pins an 8 KB slab holding other requests' bytes.
const FIRST_CHUNKED_SIZE = 16 * 1024;

/** Whether the request has a body to read: a Content-Length above 0, or chunked. */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length === undefined ? req.headers['transfer-encoding'] !== undefined : length !== '0';
}

export function readBody(req: IncomingMessage, limit: number): Promise<{ body?: Buffer; tooLarge: boolean }> {
  if (!hasBody(req)) return Promise.resolve({ tooLarge: false });
  const length = req.headers['content-length'];
  const declared = length === undefined ? undefined : Number(length);
  return new Promise((resolve, reject) => {
    let tooLarge = declared !== undefined && declared > limit;
    let buffer: Buffer | undefined;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      const needed = size + chunk.length;
      if (needed > limit) {
        tooLarge = true;
        buffer = undefined;
        return;
      }
      if (!buffer || needed > buffer.length) {
        const grown = Buffer.allocUnsafeSlow(declared ?? Math.min(limit, Math.max(needed, FIRST_CHUNKED_SIZE, (buffer?.length ?? 0) * 2)));
        buffer?.copy(grown, 0, 0, size);
        buffer = grown;
      }
      chunk.copy(buffer, size);
      size = needed;
    });
    req.on('end', () => {
      if (tooLarge) return resolve({ tooLarge });
      if (!buffer || size === buffer.length) return resolve({ body: buffer ?? Buffer.alloc(0), tooLarge });
      // A chunked body gives its spare room back, since a handler may keep the bytes.
      const exact = Buffer.allocUnsafeSlow(size);
      buffer.copy(exact, 0, 0, size);
      resolve({ body: exact, tooLarge });
    });
    req.on('error', reject);
  });
}
