import type { ApiModule } from './module';
import { NamespaceStates } from './namespaceStates';
import { Router } from './router';
import type { Spec, SpecOperation } from './spec';
import { checkHandlers } from './stages/checkHandlers';
import { checkResponse } from './stages/checkResponse';
import { dispatch } from './stages/dispatch';
import { beforeCommand, commandParts } from './stages/asCommand';
import { type Fault, Faults } from './stages/faults';
import { injectFault } from './stages/injectFault';
import { type FoundRoute, matchRoute } from './stages/matchRoute';
import { admit, freshEntry, namespaceState } from './stages/namespaceEntry';
import type { EngineParts, Outcome, ResponseValidation } from './stages/parts';
import { readRequest } from './stages/readRequest';
import { INTERNAL_RULES, refuse, renderError } from './stages/refuse';
import { SpareEntry } from './stages/spareEntry';
import { authenticate, precheck } from './stages/vendorChecks';
import type { Clock, EngineError, EngineRequest, EngineResponse } from './types';
import type { ResponseProblem, SpecValidators } from './validators';

// The pipeline, written once for every vendor, one stage per file under stages/:
// match route -> namespace -> faults -> authenticate -> admit -> precheck -> read + validate request
// -> handler -> check response. A stage that refuses returns the Outcome that ends the request.

export type { Fault } from './stages/faults';
export type { Outcome, ResponseValidation } from './stages/parts';

export interface EngineOptions {
  module: ApiModule;
  spec: Spec;
  validators: SpecValidators;
  clock: Clock;
  /** The clock one namespace sees (its own pin, else `clock`); `clock` for every namespace when absent. */
  clockFor?: (namespace: string) => Clock;
  /** Namespaces kept at once; the least recently used idle one is evicted for a new one. */
  maxNamespaces?: number;
  seed: number;
  responseValidation: ResponseValidation;
  /** Called with each problem found in a response when validation is 'warn'. */
  onViolation?: (operationId: string, problems: ResponseProblem[]) => void;
  /** Called when a namespace's state is dropped to make room for another (not on reset). */
  onEvict?: (namespace: string) => void;
}

export interface Engine {
  readonly name: string;
  readonly spec: Spec;
  handle(request: EngineRequest, namespace: string): Promise<Outcome>;
  /**
   * The live part of a request that goes through a state log: an Outcome when it changes nothing
   * (no route, body too large, an error fault), else undefined after any delay fault.
   */
  beforeCommand(request: EngineRequest, namespace: string): Promise<Outcome | undefined>;
  /**
   * A request as a command: every clock read (auth, handler, errors) sees `at`, and no fault is
   * taken. Its state change happens synchronously within this call, before the promise is returned:
   * nothing awaits between the call and the handler, and handlers change state before they return.
   * A log that applies commands one after another in its own order relies on that.
   */
  handleCommand(request: EngineRequest, namespace: string, at: number): Promise<Outcome>;
  /** Whether `seedBulk` can seed this API, known without seeding. */
  readonly canSeedBulk: boolean;
  /** While suspended, new namespaces are kept past the cap (a replay); resuming evicts down to it. */
  suspendEvictions(suspended: boolean): void;
  renderError(error: EngineError, operation?: SpecOperation): EngineResponse;
  /** Forgets a namespace's state (or all of them); it is seeded again on next use. */
  reset(namespace?: string): void;
  namespaces(): string[];
  dump(namespace: string): unknown;
  /** Adds `count` generated records to a namespace (seeding it first if new); undefined when the API cannot. */
  seedBulk(namespace: string, count: number): { created: number } | undefined;
  addFault(fault: Fault): void;
  /** Clears the faults of one namespace, or every fault. */
  clearFaults(namespace?: string): void;
  faults(): Fault[];
}

/** Namespaces an engine keeps unless told otherwise (--max-namespaces). */
const DEFAULT_MAX_NAMESPACES = 1000;

function isOutcome(value: object): value is Outcome {
  return 'response' in value;
}

/** The pipeline; `live` differs from `parts` for a command, whose view of the clock a kept namespace must not keep. */
async function handleIn(parts: EngineParts, request: EngineRequest, namespace: string, live: EngineParts = parts): Promise<Outcome> {
  const route = matchRoute(parts, request);
  if (isOutcome(route)) return route;
  const op = route.operation;
  if (request.bodyTooLarge !== undefined) return refuse(parts, op, namespace, { kind: 'bodyTooLarge', limit: request.bodyTooLarge });
  const fault = parts.faults.take(op.operationId, namespace);
  const faulted = fault && (await injectFault(parts, op, namespace, fault));
  if (faulted) return faulted;
  try {
    return handleMatched(parts, request, namespace, live, route);
  } catch (e) {
    // Vendor code before the handler (state seeding, auth, prechecks) threw: the vendor's 500, journaled like any
    // answer. The handler's own failures are dispatch's, which catches what its promise rejects with.
    const message = `unexpected error in ${op.operationId}: ${(e as Error).message}`;
    return refuse(parts, op, namespace, { kind: 'internal', rule: INTERNAL_RULES.handlerFailed, message });
  }
}

function handleMatched(parts: EngineParts, request: EngineRequest, namespace: string, live: EngineParts, route: FoundRoute): Outcome | Promise<Outcome> {
  const op = route.operation;
  // Nothing awaits from this lookup to the admission below, so two first requests to one namespace
  // cannot each keep a state of their own.
  const kept = parts.states.get(namespace);
  const command = parts !== live;
  const stored = kept ?? parts.spare.take(namespace, (seen) => freshEntry(live, namespace, seen));
  const entry = command ? { ...stored, clock: parts.clock } : stored;
  const auth = authenticate(parts, request, route, entry);
  if (!auth.ok) return checkResponse(parts, op, auth.response);
  const full = kept ? undefined : admit(parts, op, namespace, stored, command);
  if (full) return full;
  if (!kept) parts.spare.kept(stored);
  const refusal = precheck(parts, request, route, entry, auth.principal);
  if (refusal) return checkResponse(parts, op, refusal);
  const values = readRequest(parts, op, request, route.params);
  if ('kind' in values) return refuse(parts, op, namespace, values);
  return dispatch(parts, op, namespace, request, values, entry, auth.principal);
}

export function createEngine(options: EngineOptions): Engine {
  const { module, spec } = options;
  checkHandlers(module, spec);
  const parts: EngineParts = {
    module,
    spec,
    validators: options.validators,
    router: new Router(spec.operations),
    states: new NamespaceStates(options.maxNamespaces ?? DEFAULT_MAX_NAMESPACES, options.onEvict),
    spare: new SpareEntry(),
    faults: new Faults(),
    clock: options.clock,
    clockFor: options.clockFor ?? (() => options.clock),
    seed: options.seed,
    responseValidation: options.responseValidation,
    onViolation: options.onViolation,
  };
  const { states, faults } = parts;

  return {
    name: module.name,
    spec,
    async handle(request, namespace) {
      states.enter(namespace);
      try {
        return await handleIn(parts, request, namespace);
      } finally {
        states.leave(namespace);
      }
    },
    beforeCommand: (request, namespace) => beforeCommand(parts, request, namespace),
    async handleCommand(request, namespace, at) {
      states.enter(namespace);
      try {
        return await handleIn(commandParts(parts, at), request, namespace, parts);
      } finally {
        states.leave(namespace);
      }
    },
    canSeedBulk: module.seedBulk !== undefined,
    suspendEvictions: (suspended) => states.suspendEvictions(suspended),
    renderError: (error, operation) => renderError(parts, error, operation),
    reset(namespace) {
      parts.spare.clear();
      if (namespace === undefined) states.clear();
      else states.delete(namespace);
    },
    namespaces: () => states.names(),
    addFault(fault) {
      if (fault.operationId && !spec.operations.some((o) => o.operationId === fault.operationId)) {
        throw new Error(`${module.name} has no operation ${fault.operationId}`);
      }
      faults.add(fault);
    },
    clearFaults: (namespace) => faults.clear(namespace),
    faults: () => faults.list(),
    seedBulk(namespace, count) {
      if (!module.seedBulk) return undefined;
      const { state, faker, clock } = namespaceState(parts, namespace);
      return module.seedBulk(state, { faker, clock, count });
    },
    dump(namespace) {
      // Reading must not admit a namespace: at the cap that would evict a worker's real one.
      const { state } = states.get(namespace) ?? parts.spare.take(namespace, (seen) => freshEntry(parts, namespace, seen));
      return module.dumpState ? module.dumpState(state) : state;
    },
  };
}
