import { Readable } from 'node:stream';
import { standinError } from '../core/standinErrors';
import type { EngineResponse } from '../core/types';
import type { Journal } from './journal';
import type { CompiledFilter } from './journalFilter';

// GET /__admin/journal/stream: Server-Sent Events, one event per entry (`id:` its id, `data:` its
// JSON), first the ring's entries after Last-Event-ID or `since`, then each new one as it is
// recorded. Streams are few (MAX_STREAMS) and each may fall at most maxBuffered bytes behind: a
// client that does not read is dropped, connection and all, rather than held in memory.

const MAX_STREAMS = 32;
const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED = 1024 * 1024;

export interface StreamOptions {
  maxStreams?: number;
  maxBuffered?: number;
  heartbeatMs?: number;
}

const event = (id: number, json: string) => `id: ${id}\ndata: ${json}\n\n`;

/** `backlog`: first send the ring's entries that match (a resume, or a `limit` asked for). */
export function journalStream(journal: Journal, filter: CompiledFilter, backlog: boolean, options: StreamOptions = {}): EngineResponse {
  const maxStreams = options.maxStreams ?? MAX_STREAMS;
  if (journal.subscriberCount >= maxStreams) {
    return {
      ...standinError('TooManyStreams', `at most ${maxStreams} journal streams may be open at once; close one and retry`),
      headers: { 'retry-after': '1' },
    };
  }
  const maxBuffered = options.maxBuffered ?? MAX_BUFFERED;
  const stream = new Readable({ read() {} });
  // Destroying the body destroys the response it is written to, connection and all.
  const drop = () => stream.destroy();
  // A comment first, so a client sees the stream open before the first entry.
  stream.push(': standin journal\n\n');
  if (backlog) for (const entry of journal.list(filter)) stream.push(event(entry.id, JSON.stringify(entry)));
  const live: CompiledFilter = { matches: filter.matches };
  const unsubscribe = journal.subscribe(live, (entry, json) => {
    if (stream.readableLength > maxBuffered) return drop();
    stream.push(event(entry.id, json));
  });
  const heartbeat = setInterval(() => {
    if (stream.readableLength > maxBuffered) return drop();
    stream.push(': heartbeat\n\n');
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  stream.once('close', () => {
    unsubscribe();
    clearInterval(heartbeat);
  });
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' },
    body: stream,
  };
}
