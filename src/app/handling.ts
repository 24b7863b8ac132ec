import { type AdminDeps, handleAdmin } from '../admin/admin';
import type { LogInUse } from '../admin/call';
import type { Journal } from '../admin/journal';
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
    record(target, request, pathname, namespace, outcome, started) {
      // The journal is of vendor traffic; admin calls would crowd it out.
      if (target.admin) return;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      journal.record({
        time: clock.nowIn(namespace).toISOString(),
        namespace,
        api: target.engine?.name,
        method: request.method,
        path: pathname,
        operationId: outcome.operationId,
        status: outcome.response.status,
        durationMs: Math.round(durationMs * 100) / 100,
        requestProblems: outcome.requestProblems,
        responseProblems: outcome.responseProblems,
      });
      if (deps.logRequests) process.stderr.write(`${request.method} ${pathname} -> ${outcome.response.status} (${durationMs.toFixed(1)} ms)\n`);
    },
  };
}
