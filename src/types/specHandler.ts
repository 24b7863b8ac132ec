import type { Handler, HandlerContext } from '../core/module';
import type { EngineResponse } from '../core/types';
import type { Operation, PathParams, QueryParams, RequestBody } from './helpers';

/** A handler context whose params, query and JSON body carry one operation's generated types. */
export type SpecContext<Op extends Operation, S, P> = Omit<HandlerContext<S, P>, 'params' | 'query' | 'body'> & {
  params: PathParams<Op>;
  query: QueryParams<Op>;
  body: RequestBody<Op>;
};

export type SpecHandler<Op extends Operation, S, P> = (ctx: SpecContext<Op, S, P>) => EngineResponse | Promise<EngineResponse>;

/**
 * Typed handlers for one spec: `const handler = specHandlers<operations, Store, Principal>()`, then
 * `export const getEnvironment = handler<'getEnvironment'>((ctx) => ...)`. The cast is what the engine
 * guarantees: it calls a handler only after the path, query and JSON body passed that operation's
 * schemas. Not for a module with `decodeBody`, whose handlers get what that returned.
 */
export function specHandlers<Ops extends Record<keyof Ops, Operation>, S, P = unknown>() {
  return <Id extends keyof Ops>(handler: SpecHandler<Ops[Id], S, P>): Handler<S, P> => handler as unknown as Handler<S, P>;
}
