import type { CallInit, Exchange } from '../../../contract/client';
import { matches, type ScenarioContext } from '../../../contract/scenario';
import type { components } from '../../../types/droplit';
import type { DroplitCredentials } from './credentials';

// What the Droplit scenarios share: unknown ids, the vendor's messages word for word, and helpers
// that create, read back and list environments.

type T = ScenarioContext<DroplitCredentials>;

export type ListItem = components['schemas']['EnvironmentListItem'];
/** An entry of an error's `errors[]` as the implementation under test sent it: any of it may be missing. */
type SentErrorItem = Partial<Record<'message' | 'path', unknown>> | null | undefined;

export interface Environment {
  createdAt: string;
  ecosystemId: string;
  id: string;
  alias?: string;
  meta: Record<string, unknown> | null;
}

/** Well-formed references that name nothing, on standin and (by their zeros) on a live ecosystem. */
export const UNKNOWN_ENVIRONMENT = 'E000000000000000000000000';
export const UNKNOWN_ECOSYSTEM = 'C000000000000000000000000';
/** What standin generates; the spec keeps the pattern looser for ids of the real service. */
export const ENVIRONMENT_ID = /^E[0-9a-f]{24}$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const UNVERSIONED = '/api/environments';
/** The devices-create wire text for absent required body fields, which create sends for a missing ecosystemId. */
export const REQUIRED_MISSING = 'required properties are missing: ecosystemId';
/** The list page's Filter Invalid message for `filter=invalid`, word for word. */
export const VENDOR_FILTER_INVALID =
  "Invalid input 'invalid' from filter 'invalid'. Expected 'AND','OR','NOR','NOT','EQUALS','NOTEQUALS','LESSTHAN','LESSTHANOREQUAL'," +
  "'GREATERTHAN','GREATERTHANOREQUAL','IN','NOTIN','TYPE','EXISTS','NOTEXISTS','CONTAINS','NCONTAINS' after ''";

/** Every Droplit error is {errorType, errors:[{in?, path, message}]}; this one must name `message` (at `path`). */
export function expectError(t: T, ex: Exchange, status: number, errorType: string, message: string | RegExp, path?: string) {
  t.expect.answer(ex, status, { errorType });
  const items: SentErrorItem[] = Array.isArray(ex.json?.errors) ? ex.json.errors : [];
  const wanted = `errors[] has an entry${path === undefined ? '' : ` at path '${path}'`} with message ${message}`;
  t.expect.that(
    ex,
    items.some((e) => matches(e?.message, message) && (path === undefined || e?.path === path)),
    wanted,
    `${status} {errorType:${errorType}, errors:[{path:${path ?? '…'}, message:${message}}]}`,
  );
}

export async function create(t: T, body: Record<string, unknown> = {}, init: CallInit = {}): Promise<Environment> {
  const ex = await t.client.call('createEnvironment', { json: { ecosystemId: t.creds.ecosystemId, ...body }, ...init });
  t.expect.answer(ex, 201, undefined, 'setup: create an environment');
  return ex.json as Environment;
}

export async function info(t: T, id: string): Promise<Exchange> {
  return t.client.call('getEnvironment', { params: { id } });
}

export async function remove(t: T, id: string, init: CallInit = {}): Promise<Exchange> {
  return t.client.call('deleteEnvironment', { params: { id }, ...init });
}

/** `meta` nesting `levels` objects deep, counting meta itself as level 1. */
export function nestedMeta(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

/** The environment as info returns it now. */
export async function readBack(t: T, id: string): Promise<{ ex: Exchange; env: Environment }> {
  const ex = await info(t, id);
  t.expect.answer(ex, 200, { id }, 'read back by info');
  return { ex, env: ex.json as Environment };
}

/** Info of `id` (or the part `pick` selects) equals `expected`. */
export async function expectReadBack(t: T, id: string, expected: unknown, what: string, pick: (env: Environment) => unknown = (env) => env) {
  const { ex, env } = await readBack(t, id);
  t.expect.equal(ex, pick(env), expected, what);
}

export async function list(t: T, filter?: string): Promise<{ ex: Exchange; items: ListItem[] }> {
  const ex = await t.client.call('listEnvironments', { query: { ecosystemId: t.creds.ecosystemId, ...(filter === undefined ? {} : { filter }) } });
  t.expect.answer(ex, 200, undefined, 'list the ecosystem');
  return { ex, items: Array.isArray(ex.json?.items) ? ex.json.items : [] };
}

export async function listIds(t: T): Promise<string[]> {
  return (await list(t)).items.map((i) => i.id);
}

/** A refused request stores nothing: the ecosystem lists the same environments as before. */
export async function expectNothingStored(t: T, before: string[], refused: Exchange) {
  const after = await list(t);
  t.expect.equal(
    after.ex,
    after.items.map((i) => i.id),
    before,
    `after the refused ${refused.operationId} (${refused.status}) the ecosystem's environments`,
  );
}

/** The environments holding `alias` in the ecosystem (read with a list filter) are exactly `expected` (ids, or `pick`ed). */
export async function expectAliasHolders(t: T, alias: string, expected: unknown[], pick: (item: ListItem) => unknown = (item) => item.id) {
  const { ex, items } = await list(t, `eq(alias, ${JSON.stringify(alias)})`);
  t.expect.equal(ex, items.map(pick), expected, `the environments with alias ${alias}`);
}

export const label = (t: T, what: string) => `${what} ${t.unique('l')}`;
