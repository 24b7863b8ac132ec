import { isUtf8 } from 'node:buffer';
import type { Violation } from './checkExchange';
import type { Redactor } from './redact';

// One exchange as the proxy keeps it: redacted, in plain JSON, the same value a recording file
// holds, the journal shows and the shadow re-sends.

export interface RecordedBody {
  size: number;
  truncated: boolean;
  encoding: 'utf8' | 'base64';
  text: string;
}

export interface RecordedExchange {
  standinRecording: 1;
  seq: number;
  time: string;
  api: string;
  operationId?: string;
  /** The x-standin-namespace the client sent, if any (a standin upstream's). */
  namespace?: string;
  request: { method: string; path: string; query: string; headers: Record<string, string>; body?: RecordedBody };
  response: { status: number; headers: Record<string, string>; body?: RecordedBody };
  violations: Violation[];
}

const TEXTUAL = /^(text\/|application\/(json|[\w.+-]+\+json|xml|x-www-form-urlencoded|javascript))/i;

/** Bytes as kept: text (credentials replaced) when they are UTF-8 of a textual type, else base64; `cut` bytes at most. */
export function keptBody(
  bytes: Buffer | undefined,
  size: number,
  truncated: boolean,
  contentType: string | undefined,
  redactor: Redactor,
  cut = Infinity,
): RecordedBody | undefined {
  if (bytes === undefined || size === 0) return undefined;
  const part = bytes.length > cut ? bytes.subarray(0, cut) : bytes;
  const cutHere = truncated || part.length < bytes.length;
  const textual = contentType === undefined || TEXTUAL.test(contentType.trim());
  if (textual && isUtf8(part)) return { size, truncated: cutHere, encoding: 'utf8', text: redactor.text(part.toString('utf8')).text };
  return { size, truncated: cutHere, encoding: 'base64', text: part.toString('base64') };
}

/** Roughly what an exchange holds in memory (its bodies' text), for the queues that bound it. */
export function heldSize(exchange: RecordedExchange): number {
  return 1024 + (exchange.request.body?.text.length ?? 0) + (exchange.response.body?.text.length ?? 0);
}

export function bodyBytes(body: RecordedBody | undefined): Buffer | undefined {
  if (!body) return undefined;
  return Buffer.from(body.text, body.encoding);
}
