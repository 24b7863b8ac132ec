import type { SettableClock } from '../core/clock';
import type { Engine, Outcome } from '../core/engine';
import { markedStandinError } from '../core/standinErrors';
import type { EngineRequest } from '../core/types';
import type { Command } from '../state/command';
import { recordRequest } from '../state/recordedRequest';
import type { StateLog } from '../state/stateLog';

// A vendor request when state lives in a log (--data-dir, --state): a read first catches up with
// every command ordered so far; anything else that may change state becomes a command, ordered and
// applied by the log, and is answered with what applying it gave.

/** Methods that never change state, so never become commands. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The log could not be reached: the vendor's own envelope, 503, marked as standin's and worth a retry. */
function unavailable(engine: Engine, error: unknown): Outcome {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `standin cannot reach its state log (${reason}); the request may or may not have taken effect: retry`;
  const response = markedStandinError(engine.renderError({ kind: 'unavailable', message }), 'StateUnavailable');
  return { response: { ...response, headers: { ...response.headers, 'retry-after': '1' } } };
}

export async function throughLog(
  log: StateLog,
  ready: () => Promise<void>,
  engine: Engine,
  request: EngineRequest,
  namespace: string,
  clock: SettableClock,
): Promise<Outcome> {
  try {
    await ready();
    if (SAFE_METHODS.has(request.method)) {
      await log.catchUp(engine.name, namespace);
      return await engine.handle(request, namespace);
    }
    const answered = await engine.beforeCommand(request, namespace);
    if (answered) return answered;
    // The clock is read once, after any delay fault, and travels with the command.
    const command: Command = { kind: 'request', api: engine.name, namespace, at: clock.nowIn(namespace).getTime(), request: recordRequest(request) };
    return (await log.submit(command)) as Outcome;
  } catch (error) {
    return unavailable(engine, error);
  }
}
