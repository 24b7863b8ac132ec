import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outcome } from '../core/engine';
import { NAMESPACE_HEADER } from '../core/namespace';
import { markedStandinError, standinError } from '../core/standinErrors';
import type { EngineRequest } from '../core/types';
import type { Listener } from './listen';
import { originForm } from './originForm';
import { readBody } from './readBody';
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
    serve(handling, resolve, req, res).catch((err: Error) => {
      // Last resort: whatever escaped the engine still answers JSON, never an HTML page.
      if (res.headersSent) return void res.end();
      write(res, markedStandinError(standinError('InternalError', `standin failed to handle the request: ${err.message}`), 'InternalError'));
    });
  };
}

async function serve<T extends { path: string }>(
  handling: RequestHandling<T>,
  resolve: (pathname: string) => T,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = process.hrtime.bigint();
  const url = originForm(req.url ?? '/');
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const rawQuery = q === -1 ? '' : url.slice(q + 1);
  const target = resolve(pathname);
  const headers = flatHeaders(req);
  const namespace = headers[NAMESPACE_HEADER] ?? 'default';
  const { body, tooLarge } = await readBody(req, handling.bodyLimit);
  const request: EngineRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: target.path,
    rawQuery,
    query: parseQuery(rawQuery),
    headers,
    body,
    bodyTooLarge: tooLarge ? handling.bodyLimit : undefined,
  };
  const outcome = await handling.answer(target, request, namespace, pathname);
  const written = write(res, outcome.response);
  handling.record(target, request, pathname, namespace, outcome, started, written);
}
