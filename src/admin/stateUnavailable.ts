import { standinError } from '../core/standinErrors';
import type { EngineResponse } from '../core/types';

/** A reset or seed the state log could not take: standin's envelope, 503, and when to retry. */
export function stateUnavailable(error: unknown): EngineResponse {
  const reason = error instanceof Error ? error.message : String(error);
  const response = standinError('StateUnavailable', `standin cannot reach its state log (${reason}); it may or may not have taken effect: retry`);
  return { ...response, headers: { 'retry-after': '1' } };
}
