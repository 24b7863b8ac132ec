import type { HandlerContext } from '../module';
import type { SpecOperation } from '../spec';
import type { EngineRequest, EngineResponse } from '../types';
import { checkResponse } from './checkResponse';
import type { EngineParts, NamespaceEntry, Outcome } from './parts';
import type { RequestValues } from './readRequest';
import { INTERNAL_RULES, refuse } from './refuse';

/** The handler the operationId names, run against the namespace's state; its answer is then checked. */
export async function dispatch(
  parts: EngineParts,
  op: SpecOperation,
  namespace: string,
  request: EngineRequest,
  values: RequestValues,
  entry: NamespaceEntry,
  principal: unknown,
): Promise<Outcome> {
  const ctx: HandlerContext<unknown> = {
    request,
    operation: op,
    params: values.params,
    query: values.query,
    headers: values.headers,
    body: values.body,
    mediaType: values.mediaType,
    state: entry.state,
    faker: entry.faker,
    clock: entry.clock,
    principal,
  };
  let response: EngineResponse;
  try {
    response = await parts.module.handlers[op.operationId](ctx);
  } catch (e) {
    // A handler bug must still answer in the vendor's envelope, without a stack trace on the wire.
    return refuse(parts, op, namespace, {
      kind: 'internal',
      rule: INTERNAL_RULES.handlerFailed,
      message: `unexpected error in ${op.operationId}: ${(e as Error).message}`,
    });
  }
  return checkResponse(parts, op, response);
}
