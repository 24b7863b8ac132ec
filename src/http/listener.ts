import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outcome } from '../core/engine';
import { NAMESPACE_HEADER } from '../core/namespace';
import { markedStandinError, standinError } from '../core/standinErrors';
import type { EngineRequest, EngineResponse } from '../core/types';
import type { Listener } from './listen';
import { originForm } from './originForm';
import { hasBody, readBody } from './readBody';
import { flatHeaders, parseQuery } from './requestValues';
import { type Written, write } from './write';

// The one place a node request becomes a plain EngineRequest and a plain answer goes back on the
// wire. What the request means (which owner, what answer, what is journaled) is the app's.

/** What the app does with a request once it is plain values; `T` is where its path leads. */
export interface RequestHandling<T extends { path: string }> {
  bodyLimit: number;
  answer(target: T, request: EngineRequest, namespace: string, pathname: string): Outcome | Promise<Outcome>;
  /** Called once the answer is written: the journal and the request log. */
  record(target: T, request: EngineRequest, pathname: string, namespace: string, outcome: Outcome, started: bigint, written: Written): void;
}

export function listenerOver<T extends { path: string }>(handling: RequestHandling<T>, resolve: (pathname: string) => T): Listener {
  return (req, res) => {
    const fail = (err: Error) => {
      // Last resort: whatever escaped the engine still answers JSON, never an HTML page.
      if (res.headersSent) return void res.end();
      write(res, lastResort(err));
    };
    try {
      serve(handling, resolve, req, res)?.catch(fail);
    } catch (err) {
      fail(err as Error);
    }
  };
}

function lastResort(err: Error): EngineResponse {
  return markedStandinError(standinError('InternalError', `standin failed to handle the request: ${err.message}`), 'InternalError');
}

/**
 * Writes over a response whose first write threw: the refused answer's status line and headers must not
 * go out with it, while headers set before standin had the request (a host app's middleware) stay.
 */
function writeAgain(res: ServerResponse, refused: EngineResponse, response: EngineResponse): Written {
  // writeHead keeps a status message already set ('OK' from the refused 200), so it is cleared first.
  res.statusMessage = '';
  for (const name of [...Object.keys(refused.headers ?? {}), 'content-type', 'content-length']) res.removeHeader(name);
  return write(res, response);
}

/**
 * Not async: a request without a body, answered at once, goes from parse to write with no promise of
 * its own (most GETs); a promise only where something is awaited (a body, an engine that waits).
 */
function serve<T extends { path: string }>(
  handling: RequestHandling<T>,
  resolve: (pathname: string) => T,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | undefined {
  const started = process.hrtime.bigint();
  const url = originForm(req.url ?? '/');
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const target = resolve(pathname);
  const headers = flatHeaders(req);
  const namespace = headers[NAMESPACE_HEADER] ?? 'default';
  const request: EngineRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: target.path,
    rawQuery,
    query: parseQuery(rawQuery),
    headers,
    body: undefined,
    bodyTooLarge: undefined,
  };
  const answer = (): Promise<void> | undefined => {
    const outcome = handling.answer(target, request, namespace, pathname);
    const finish = (done: Outcome) => {
      let written: Written;
      try {
        written = write(res, done.response);
      } catch (err) {
        // An answer node cannot put on the wire (a header value with a line break): standin's 500, journaled.
        if (res.headersSent) throw err;
        // The refused answer's own problems go with it: the journal's reason is why this 500 was sent.
        const refused = done.response;
        done = { operationId: done.operationId, requestProblems: done.requestProblems, response: lastResort(err as Error) };
        written = writeAgain(res, refused, done.response);
      }
      handling.record(target, request, pathname, namespace, done, started, written);
    };
    if (outcome instanceof Promise) return outcome.then(finish);
    finish(outcome);
    return undefined;
  };
  if (!hasBody(req)) return answer();
  return readBody(req, handling.bodyLimit).then(({ body, tooLarge }) => {
    request.body = body;
    request.bodyTooLarge = tooLarge ? handling.bodyLimit : undefined;
    return answer();
  });
}
