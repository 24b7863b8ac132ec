import type { Faker } from '@faker-js/faker';
import type { SpecOperation } from './spec';
import type { Clock, EngineError, EngineRequest, EngineResponse, Headers } from './types';

/**
 * A vendor's refusal with its reason for the journal: the README rule it applies (`rule-<api>-…`, or
 * `<api>.<name>` where the README has none) and what exactly failed. The reason never goes on the wire.
 */
export function refusedBecause(response: EngineResponse, rule: string, message: string): EngineResponse {
  response.reason = { rule, message };
  return response;
}

// What a vendor folder (src/apis/<api>) hands the engine. The engine knows OpenAPI; the module
// knows the vendor: its state, its auth scheme, its handlers and its error envelope.

export interface StateContext {
  namespace: string;
  /** Seeded per namespace from the configured seed, so every fresh namespace holds the same data. */
  faker: Faker;
  clock: Clock;
}

export interface AuthContext<S> {
  request: EngineRequest;
  operation: SpecOperation;
  /** Decoded path parameters, not yet validated. */
  params: Record<string, string>;
  state: S;
  clock: Clock;
}

export type AuthResult<P = unknown> = { ok: true; principal?: P } | { ok: false; response: EngineResponse };

/**
 * A request value an untyped handler reads: checked against the spec, but typed only when the handler
 * comes from specHandlers() (src/types/specHandler.ts), so a plain handler may read it as the spec says.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the spec, not TypeScript, types it here
type SpecChecked = any;

export interface HandlerContext<S, P = unknown> {
  request: EngineRequest;
  operation: SpecOperation;
  params: Record<string, SpecChecked>;
  query: Record<string, SpecChecked>;
  headers: Headers;
  /**
   * Parsed JSON for JSON media, the raw Buffer otherwise, undefined when no body was sent; with
   * `decodeBody`, whatever that returned.
   */
  body: SpecChecked;
  /** The spec's media type the body matched; undefined without a body or with `decodeBody`. */
  mediaType?: string;
  state: S;
  faker: Faker;
  clock: Clock;
  principal: P;
}

/** What a bulk seed gets: the namespace's seeded faker (so the data is deterministic), the clock, how many. */
export interface BulkSeedContext {
  faker: Faker;
  clock: Clock;
  count: number;
}

export type Handler<S, P = unknown> = (ctx: HandlerContext<S, P>) => EngineResponse | Promise<EngineResponse>;

// The defaults let one list hold modules of different state and principal types (handlers take S, so
// a module typed by its own state is not an ApiModule<unknown>).
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript has no existential types
export interface ApiModule<S = any, P = any> {
  /** The registry's name for it: its prefix, and how admin calls and messages name it. */
  name: string;
  /** File name under specs/, or an absolute path (compiled at start-up, never precompiled). */
  specFile: string;
  createState(ctx: StateContext): S;
  /** Plain JSON view of the state for /__admin/state. */
  dumpState?(state: S): unknown;
  handlers: Record<string, Handler<S, P>>;
  /** Renders an engine error in the vendor's envelope; `operation` is set once the route matched. */
  renderError(error: EngineError, env: { clock: Clock; operation?: SpecOperation }): EngineResponse;
  /**
   * Reads the state, never changes it: in a namespace not kept yet, the state it sees is shared by every
   * request refused there until one is let in, and that one keeps it.
   */
  authenticate?(ctx: AuthContext<S>): AuthResult<P>;
  /**
   * A vendor check that comes after authentication and before the spec's validation (e.g. a vendor
   * that refuses any query string before it looks at the body); a response here ends the request.
   */
  precheck?(ctx: AuthContext<S> & { principal: P }): EngineResponse | undefined;
  /** Adds `count` generated records to a namespace's state, for scale tests (/__admin/seed). */
  seedBulk?(state: S, ctx: BulkSeedContext): { created: number };
  /** Maps an alternative path form onto the spec's (e.g. an unversioned /api/... beside /v0/api/...). */
  rewritePath?(path: string): string;
  /**
   * Reads the body of an operation that has one the way the vendor's framework does, whatever the
   * Content-Type (e.g. a service that decodes every body as JSON and drops what it cannot decode).
   * With it the engine checks no media type, parses nothing and applies no body schema: a framework
   * like that refuses no body, so the spec's schema documents the fields and the handler, which gets
   * this value as `body`, answers for them. Called with `request.body` undefined when none was sent.
   */
  decodeBody?(ctx: { request: EngineRequest; operation: SpecOperation }): unknown;
  /**
   * The credential values the vendor's fixtures hold (keys, secrets, tokens): the journal masks them
   * wherever they appear, beyond the headers it masks by name. Read once, at start-up.
   */
  secrets?(): string[];
}
