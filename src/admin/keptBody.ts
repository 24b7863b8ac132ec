import { isUtf8 } from 'node:buffer';

// A body as the journal keeps it. On the request path only the first BODY_CUT bytes are held (a
// copy when the body was longer, so the rest can be collected); deciding text or binary, masking
// and encoding wait until someone reads the entry.

/** Bytes of each body the journal keeps and shows (documented in the README). */
export const BODY_CUT = 4096;

export interface KeptBody {
  /** The whole body's size in bytes, as sent or written. */
  size: number;
  /** Whether `text` shows only the first BODY_CUT bytes. */
  truncated: boolean;
  encoding: 'utf8' | 'base64';
  text: string;
}

/** What a ring slot holds of a body until it is read. */
export interface HeldBody {
  head: Buffer | string;
  size: number;
  contentType?: string;
}

/** The first BODY_CUT bytes of a string, as a buffer of its own (a slice would pin the whole string). */
function headOfString(text: string): Buffer {
  const head = Buffer.allocUnsafeSlow(BODY_CUT);
  return head.subarray(0, head.write(text, 0, BODY_CUT, 'utf8'));
}

/** Cheap enough for every request: a reference when the body is short, else one copy of BODY_CUT bytes. */
export function holdBody(body: Buffer | string | undefined, size: number, contentType: string | undefined): HeldBody | undefined {
  if (body === undefined || size === 0) return undefined;
  if (typeof body === 'string') return { head: body.length <= BODY_CUT ? body : headOfString(body), size, contentType };
  if (body.length <= BODY_CUT) return { head: body, size, contentType };
  const head = Buffer.allocUnsafeSlow(BODY_CUT);
  body.copy(head, 0, 0, BODY_CUT);
  return { head, size, contentType };
}

/** Bytes a held body costs the journal's budget. */
export function heldBytes(body: HeldBody | undefined): number {
  return body === undefined ? 0 : body.head.length;
}

const TEXT_TYPE = /^(text\/|application\/(json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|x-www-form-urlencoded|javascript|problem\+json)\b)/i;

/** A cut can split a UTF-8 sequence: up to 3 trailing bytes of an unfinished one are not a sign of binary. */
function withoutBrokenTail(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

/**
 * The body as an entry shows it: text when it is UTF-8 and its content type is textual (or absent),
 * else base64; `mask` has already replaced every secret in the bytes.
 */
export function showBody(body: HeldBody, mask: (bytes: Buffer) => Buffer): KeptBody {
  let bytes = typeof body.head === 'string' ? Buffer.from(body.head, 'utf8') : body.head;
  if (bytes.length > BODY_CUT) bytes = bytes.subarray(0, BODY_CUT);
  const truncated = body.size > bytes.length;
  const masked = mask(bytes);
  const textual = body.contentType === undefined || TEXT_TYPE.test(body.contentType);
  const complete = truncated ? withoutBrokenTail(masked) : masked;
  if (textual && isUtf8(complete)) return { size: body.size, truncated, encoding: 'utf8', text: complete.toString('utf8') };
  return { size: body.size, truncated, encoding: 'base64', text: masked.toString('base64') };
}
