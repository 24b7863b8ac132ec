import type { HandlerContext } from './module';
import type { SpecOperation } from './spec';
import type { EngineResponse } from './types';
import { isJsonMedia } from './validators';

const cache = new WeakMap<SpecOperation, () => EngineResponse>();

function build(op: SpecOperation): () => EngineResponse {
  const [status, response] = Object.entries(op.responses).find(([code]) => /^2/.test(code)) ?? [];
  if (!status || !response) throw new Error(`${op.operationId} documents no 2xx response to take an example from`);
  const [mediaType, media] = Object.entries(response.content)[0] ?? [];
  const example = media?.example;
  const headers = mediaType ? { 'content-type': mediaType } : undefined;
  if (example === undefined) return () => ({ status: Number(status), headers });
  if (mediaType && !isJsonMedia(mediaType)) {
    const bytes = Buffer.from(String(example));
    return () => ({ status: Number(status), headers, body: Buffer.from(bytes) });
  }
  return () => ({ status: Number(status), headers, body: structuredClone(example) });
}

/**
 * A handler that answers with the spec's example for the operation's first documented 2xx response:
 * what an operation does until its vendor behaviour is written (and what Prism would answer).
 */
export function fromExample(ctx: Pick<HandlerContext<unknown>, 'operation'>): EngineResponse {
  let respond = cache.get(ctx.operation);
  if (!respond) {
    respond = build(ctx.operation);
    cache.set(ctx.operation, respond);
  }
  return respond();
}
