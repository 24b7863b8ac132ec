import type { Clock, EngineRequest } from '../types';
import { Faults } from './faults';
import { injectFault } from './injectFault';
import { matchRoute } from './matchRoute';
import type { EngineParts, Outcome } from './parts';
import { refuse } from './refuse';

// A request that goes through a state log is handled in two parts. The live part runs once, on the
// process that took the request: faults are taken there, so a delay waits before the command is
// ordered and never reorders the log. The command part runs on every replay and every replica, and
// sees one clock reading, so auth windows, timestamps and error envelopes come out the same each time.

/** Never holds a fault: a command is replayed without the faults its live request met. */
const NO_FAULTS = new Faults();

/** The engine's parts as one command sees them: the clock fixed at `at`, no faults. */
export function commandParts(parts: EngineParts, at: number): EngineParts {
  const clock: Clock = { now: () => new Date(at) };
  return { ...parts, clock, clockFor: () => clock, faults: NO_FAULTS };
}

/**
 * The live part: an answer when the request should not become a command (no such route or method,
 * a body over the limit, an error fault: none of them changes state), else undefined once any
 * delay fault has run its course.
 */
export async function beforeCommand(parts: EngineParts, request: EngineRequest, namespace: string): Promise<Outcome | undefined> {
  const route = matchRoute(parts, request);
  if ('response' in route) return route;
  const op = route.operation;
  if (request.bodyTooLarge !== undefined) return refuse(parts, op, namespace, { kind: 'bodyTooLarge', limit: request.bodyTooLarge });
  const fault = parts.faults.take(op.operationId, namespace);
  return fault && injectFault(parts, op, namespace, fault);
}
