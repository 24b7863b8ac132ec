import type { Faker } from '@faker-js/faker';
import type { Handler } from '../../core/module';
import type { EngineRequest, EngineResponse } from '../../core/types';
import type { components, operations } from '../../types/droplit';
import type { Reply } from '../../types/helpers';
import { specHandlers } from '../../types/specHandler';
import { seededHex } from '../seededHex';
import type { DroplitPrincipal } from './auth';
import { errors } from './errors';
import { type Filter, matches } from './filter';
import { metaIn, systemPrefix } from './meta';
import { metaTooDeep } from './metaDepth';
import { parseFilter } from './parseFilter';
import type { DroplitStore, Environment, ResolveOutcome } from './store';
import { environmentView, listItemView } from './views';

// The five environment operations. Bodies and parameters reach here already checked against the spec
// (alias pattern, meta an object, ecosystemId present); what is left is state: ecosystems, uniqueness,
// lookups, and the limits no schema keyword can state (how deep `meta` nests, the filter language).

const handler = specHandlers<operations, DroplitStore, DroplitPrincipal>();

function newEnvironmentId(faker: Faker): string {
  return `E${seededHex(faker, 24)}`;
}

/** Create and delete refuse any query string (the engine would otherwise ignore undeclared parameters). */
export function queryStringRefusal(request: EngineRequest): EngineResponse | undefined {
  if (request.rawQuery === '') return undefined;
  return errors.noQueryString(Object.keys(request.query));
}

/** `eq(alias, "x")` is answered from the alias index instead of a scan of the ecosystem. */
function aliasLookup(filter: Filter | undefined): string | undefined {
  return filter?.op === 'eq' && filter.field.length === 1 && filter.field[0] === 'alias' && typeof filter.value === 'string' ? filter.value : undefined;
}

function unresolved(outcome: Extract<ResolveOutcome, { ok: false }>, ref: string): EngineResponse {
  return outcome.reason === 'ambiguous' ? errors.environmentInvalid(ref) : errors.environmentNotFound(ref);
}

const createEnvironment = handler<'createEnvironment'>((ctx) => {
  const prefix = systemPrefix(ctx.request.headers);
  const { ecosystemId, alias, meta } = ctx.body;
  if (metaTooDeep(meta)) return errors.metaInvalid();
  const outcome = ctx.state.create(
    { ecosystemId, alias, meta: meta && metaIn(meta, prefix) },
    () => newEnvironmentId(ctx.faker),
    ctx.clock.now().toISOString(),
  );
  if (!outcome.ok) return outcome.reason === 'aliasExists' ? errors.aliasExists(alias!, ecosystemId) : errors.ecosystemMissing(ecosystemId);
  return { status: 201, body: environmentView(outcome.environment, prefix) } satisfies Reply<operations['createEnvironment'], 201>;
});

const listEnvironments = handler<'listEnvironments'>((ctx) => {
  const { ecosystemId, filter: filterText } = ctx.query;
  let filter: Filter | undefined;
  if (filterText !== undefined) {
    const parsed = parseFilter(filterText);
    if (!parsed.ok) return errors.filterInvalid(filterText, parsed.error);
    filter = parsed.filter;
  }
  const environments = ctx.state.list(ecosystemId);
  if (!environments) return errors.ecosystemNotFound(ecosystemId);
  const alias = aliasLookup(filter);
  let found: Iterable<Environment>;
  if (alias !== undefined) {
    const env = ctx.state.findByAlias(ecosystemId, alias);
    found = env ? [env] : [];
  } else found = environments;
  const items: components['schemas']['EnvironmentListItem'][] = [];
  for (const env of found) if (!filter || matches(filter, env)) items.push(listItemView(env));
  return { status: 200, body: { items } } satisfies Reply<operations['listEnvironments'], 200>;
});

const getEnvironment = handler<'getEnvironment'>((ctx) => {
  const resolved = ctx.state.resolve(ctx.params.id);
  if (!resolved.ok) return unresolved(resolved, ctx.params.id);
  return { status: 200, body: environmentView(resolved.environment) } satisfies Reply<operations['getEnvironment'], 200>;
});

const updateEnvironment = handler<'updateEnvironment'>((ctx) => {
  const { alias, meta } = ctx.body;
  // A body problem answers before the id is looked up, as the schema's own body checks do.
  if (metaTooDeep(meta)) return errors.metaInvalid();
  const resolved = ctx.state.resolve(ctx.params.id);
  if (!resolved.ok) return unresolved(resolved, ctx.params.id);
  const prefix = systemPrefix(ctx.request.headers);
  const outcome = ctx.state.update(resolved.environment.id, { alias, meta: meta && metaIn(meta, prefix) });
  if (!outcome.ok) return errors.aliasExists(alias!, resolved.environment.ecosystemId);
  return { status: 200, body: environmentView(outcome.environment, prefix) } satisfies Reply<operations['updateEnvironment'], 200>;
});

/** The devices-delete page: 200 with no content. */
const deleteEnvironment = handler<'deleteEnvironment'>((ctx) => {
  const resolved = ctx.state.resolve(ctx.params.id);
  if (!resolved.ok) return unresolved(resolved, ctx.params.id);
  ctx.state.delete(resolved.environment.id);
  return { status: 200 } satisfies Reply<operations['deleteEnvironment'], 200>;
});

export const handlers: Record<string, Handler<DroplitStore, DroplitPrincipal>> = {
  createEnvironment,
  listEnvironments,
  getEnvironment,
  updateEnvironment,
  deleteEnvironment,
};
