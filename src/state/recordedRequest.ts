import type { EngineRequest } from '../core/types';
import { parseQuery } from '../http/requestValues';
import type { RecordedRequest } from './command';

// A request as a command stores it, and back: only what the adapter read off the wire, so a replay
// rebuilds exactly the EngineRequest the live request was (the query parsed the adapter's way).

export function recordRequest(request: EngineRequest): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  const recorded: RecordedRequest = { method: request.method, path: request.path, rawQuery: request.rawQuery, headers };
  if (request.body !== undefined) recorded.body = request.body.toString('base64');
  return recorded;
}

export function replayedRequest(recorded: RecordedRequest): EngineRequest {
  return {
    method: recorded.method,
    path: recorded.path,
    rawQuery: recorded.rawQuery,
    query: parseQuery(recorded.rawQuery),
    headers: { ...recorded.headers },
    body: recorded.body === undefined ? undefined : Buffer.from(recorded.body, 'base64'),
  };
}
