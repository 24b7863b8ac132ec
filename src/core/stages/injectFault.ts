import type { SpecOperation } from '../spec';
import type { Fault } from './faults';
import type { EngineParts, Outcome } from './parts';
import { INTERNAL_RULES, refuse } from './refuse';

/** An armed fault: an error ends the request in the vendor's 5xx, a delay waits and lets it go on. */
export async function injectFault(parts: EngineParts, op: SpecOperation, namespace: string, fault: Fault): Promise<Outcome | undefined> {
  if (fault.kind === 'error')
    return refuse(parts, op, namespace, { kind: 'internal', rule: INTERNAL_RULES.fault, message: 'fault injected through /__admin/faults' });
  await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0));
  return undefined;
}
