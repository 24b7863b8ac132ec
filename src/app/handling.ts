import { type AdminDeps, handleAdmin } from '../admin/admin';
import type { LogInUse } from '../admin/call';
import type { Journal } from '../admin/journal';
import { reasonOf } from '../admin/journalEntry';
import { holdBody } from '../admin/keptBody';
import type { SettableClock } from '../core/clock';
import type { Outcome } from '../core/engine';
import { NAMESPACE_PATTERN } from '../core/namespace';
import type { EngineRequest, EngineResponse } from '../core/types';
import type { RequestHandling } from '../http/listener';
import { invalidNamespace } from './refusals';
import type { Target } from './routing';
import { throughLog } from './throughLog';

interface HandlingDeps {
  bodyLimit: number;
  logRequests: boolean;
  admin: AdminDeps;
  journal: Journal;
  clock: SettableClock;
  unknownApi: (pathname: string) => EngineResponse;
  /** The state log, with the replay it must finish first; absent in memory mode. */
  log?: LogInUse;
}

/** What a request gets once it is plain values: admin, standin's own refusals, or its engine; then the journal. */
export function createHandling(deps: HandlingDeps): RequestHandling<Target> {
  const { journal, clock, log } = deps;
  return {
    bodyLimit: deps.bodyLimit,
    // Not async: an engine's own promise is passed on as it is, with no second one around it.
    answer(target: Target, request: EngineRequest, namespace: string, pathname: string): Outcome | Promise<Outcome> {
      if (target.admin) {
        const response = handleAdmin(deps.admin, request);
        return response instanceof Promise ? response.then((r) => ({ response: r })) : { response };
      }
      if (!target.engine) return { response: deps.unknownApi(pathname) };
      if (!NAMESPACE_PATTERN.test(namespace)) return { response: invalidNamespace(target.engine) };
      if (log === undefined) return target.engine.handle(request, namespace);
      return throughLog(log.log, log.ready, target.engine, request, namespace, clock);
    },
    record(target, request, pathname, namespace, outcome, started, written) {
      // The journal is of vendor traffic; admin calls would crowd it out.
      if (target.admin) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const { response } = outcome;
      const size = Number(written.headers['content-length'] ?? 0);
      // References and sizes only: the entry is shaped (and masked) when someone reads it.
      const exchange = {
        source: 'mock' as const,
        at: clock.nowIn(namespace).getTime(),
        namespace,
        api: target.engine?.name,
        operationId: outcome.operationId,
        method: request.method,
        path: pathname,
        rawQuery: request.rawQuery,
        status: response.status,
        durationMs: Math.round(durationMs * 100) / 100,
        requestHeaders: request.headers,
        requestBody: request.body && holdBody(request.body, request.body.length, request.headers['content-type']),
        responseHeaders: written.headers,
        responseBody: holdBody(written.payload, size, written.headers['content-type'] as string | undefined),
        reason: response.reason,
        requestProblems: outcome.requestProblems,
        responseProblems: outcome.responseProblems,
      };
      journal.record(exchange);
      if (deps.logRequests) {
        // The method, path and status, with the rule that refused it: never a header or a body, so no credential.
        const rule = reasonOf(exchange)?.rule;
        process.stderr.write(`${request.method} ${pathname} -> ${response.status}${rule ? ` ${rule}` : ''} (${durationMs.toFixed(1)} ms)\n`);
      }
    },
  };
}
