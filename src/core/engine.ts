// The English-only entry: the package's main entry loads every locale, a fifth of the start-up time.
import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { ApiModule, HandlerContext } from './module';
import { NamespaceStates } from './namespaceStates';
import { Router } from './router';
import type { Spec, SpecOperation } from './spec';
import type { Clock, EngineError, EngineRequest, EngineResponse, Problem } from './types';
import { isJsonMedia, mediaTypeOf, type OperationValidators, type ResponseProblem, type SpecValidators } from './validators';

// The pipeline, written once for every vendor:
// match -> authenticate -> parse + validate request -> handler -> validate response.
// A module with `decodeBody` reads its bodies itself; the parameters are still validated here.

export type ResponseValidation = 'strict' | 'warn' | 'off';

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
}

/** What the adapter needs to write the answer and journal it. */
export interface Outcome {
  response: EngineResponse;
  operationId?: string;
  requestProblems?: Problem[];
  responseProblems?: ResponseProblem[];
}

/** An injected failure: the next `times` matching requests fail (vendor 5xx) or are delayed. */
export interface Fault {
  operationId?: string;
  namespace?: string;
  times: number;
  kind: 'error' | 'delay';
  delayMs?: number;
}

export interface Engine {
  readonly name: string;
  readonly spec: Spec;
  handle(request: EngineRequest, namespace: string): Promise<Outcome>;
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

export const STANDIN_ERROR_HEADER = 'x-standin-error';

/** Namespaces an engine keeps unless told otherwise (--max-namespaces). */
export const DEFAULT_MAX_NAMESPACES = 1000;

interface NamespaceEntry {
  state: unknown;
  faker: Faker;
  clock: Clock;
}

function checkHandlers(module: ApiModule, spec: Spec): void {
  const specIds = new Set(spec.operations.map((o) => o.operationId));
  const handlerIds = new Set(Object.keys(module.handlers));
  const missing = [...specIds].filter((id) => !handlerIds.has(id));
  const extra = [...handlerIds].filter((id) => !specIds.has(id));
  if (missing.length || extra.length) {
    const lines = [
      `standin: the ${module.name} handlers do not match specs/${module.specFile}:`,
      ...missing.map((id) => `  - operation ${id} has no handler`),
      ...extra.map((id) => `  - handler ${id} has no operation in the spec`),
    ];
    throw new Error(lines.join('\n'));
  }
}

function parseBody(op: SpecOperation, request: EngineRequest, validators: OperationValidators):
  | { ok: true; body: unknown; mediaType?: string }
  | { ok: false; error: EngineError } {
  const hasBody = request.body !== undefined && request.body.length > 0;
  if (!op.requestBody) return { ok: true, body: undefined }; // a body the spec does not define is ignored
  if (!hasBody) {
    if (!op.requestBody.required) return { ok: true, body: undefined };
    return { ok: false, error: { kind: 'validation', problems: [{ in: 'body', field: '', pointer: '', keyword: 'required', message: 'is required' }] } };
  }
  const contentType = request.headers['content-type'];
  const mediaType = validators.requestMedia(contentType ?? '');
  if (!mediaType) {
    return {
      ok: false,
      error: { kind: 'unsupportedMediaType', contentType: contentType ?? '', expected: validators.requestMediaTypes, requiredFields: validators.requiredBodyFields },
    };
  }
  const actual = mediaTypeOf(contentType);
  // A JSON body the spec takes only as bytes (a `*/*` or binary media type) is kept as sent, not parsed.
  if (!isJsonMedia(actual) || !isJsonMedia(mediaType)) return { ok: true, body: request.body, mediaType };
  try {
    return { ok: true, body: JSON.parse(request.body!.toString('utf8')), mediaType };
  } catch (e) {
    return { ok: false, error: { kind: 'malformedBody', message: `request body is not valid JSON: ${(e as Error).message}` } };
  }
}

/** The body the handler gets, with what breaks its schema; or an error that ends the request. */
function readBody(module: ApiModule, op: SpecOperation, request: EngineRequest, validators: OperationValidators):
  | { ok: true; body: unknown; mediaType?: string; problems: Problem[] }
  | { ok: false; error: EngineError } {
  if (module.decodeBody && op.requestBody) {
    // The vendor reads the bytes its own way; the spec's body schema then documents rather than checks.
    try {
      return { ok: true, body: module.decodeBody({ request, operation: op }), problems: [] };
    } catch (e) {
      return { ok: false, error: { kind: 'internal', message: `unexpected error reading the body of ${op.operationId}: ${(e as Error).message}` } };
    }
  }
  const parsed = parseBody(op, request, validators);
  if (parsed.ok) return { ...parsed, problems: validators.body(parsed.mediaType ?? '', parsed.body) };
  return parsed.error.kind === 'validation' ? { ok: true, body: undefined, problems: parsed.error.problems } : parsed;
}

function contentTypeOf(response: EngineResponse): string | undefined {
  const explicit = response.headers?.['content-type'];
  if (explicit) return explicit;
  if (response.body === undefined) return undefined;
  if (Buffer.isBuffer(response.body)) return 'application/octet-stream';
  if (typeof response.body === 'string') return 'text/plain; charset=utf-8';
  return 'application/json; charset=utf-8';
}

export function createEngine(options: EngineOptions): Engine {
  const { module, spec, validators, clock } = options;
  checkHandlers(module, spec);
  const router = new Router(spec.operations);
  const states = new NamespaceStates<NamespaceEntry>(options.maxNamespaces ?? DEFAULT_MAX_NAMESPACES);
  const clockFor = options.clockFor ?? (() => clock);
  let faults: Fault[] = [];

  function takeFault(operationId: string, namespace: string): Fault | undefined {
    const fault = faults.find((f) => (!f.operationId || f.operationId === operationId) && (!f.namespace || f.namespace === namespace));
    if (!fault) return undefined;
    fault.times--;
    if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  /** A fresh namespace's state, seeded from the fixtures; kept only once `states.admit` takes it. */
  function freshEntry(namespace: string): NamespaceEntry {
    const faker = new (englishFaker.constructor as new (options: { locale: unknown }) => Faker)({ locale: englishFaker.rawDefinitions });
    faker.seed(options.seed);
    const nsClock = clockFor(namespace);
    return { faker, clock: nsClock, state: module.createState({ namespace, faker, clock: nsClock }) };
  }

  /** For admin calls, which may create a namespace outright. */
  function namespaceState(namespace: string): NamespaceEntry {
    const kept = states.get(namespace);
    if (kept) return kept;
    const entry = freshEntry(namespace);
    if (!states.admit(namespace, entry)) throw new Error(`every one of the ${states.max} namespaces kept has a request in progress`);
    return entry;
  }

  function withContentType(response: EngineResponse): EngineResponse {
    const type = contentTypeOf(response);
    if (!type || response.headers?.['content-type']) return response;
    return { ...response, headers: { ...response.headers, 'content-type': type } };
  }

  function internalError(operationId: string | undefined, status: number, problems: ResponseProblem[]): EngineResponse {
    return {
      status: 500,
      headers: { 'content-type': 'application/json; charset=utf-8', [STANDIN_ERROR_HEADER]: 'response-validation' },
      body: {
        standin: {
          error: 'ResponseValidationFailed',
          message: `standin's ${module.name} mock produced a response that breaks specs/${module.specFile}; this is a bug in standin`,
          operationId,
          status,
          problems,
        },
      },
    };
  }

  function renderError(error: EngineError, operation?: SpecOperation, errorClock: Clock = clock): EngineResponse {
    const response = withContentType(module.renderError(error, { clock: errorClock, operation }));
    if (options.responseValidation !== 'off' && validators.error && !validators.error(response.body)) {
      const problems = (validators.error.errors ?? []).map((e) => ({ pointer: `/body${e.instancePath}`, message: e.message ?? e.keyword }));
      if (options.responseValidation === 'strict') return internalError(undefined, response.status, problems);
      options.onViolation?.('(engine error)', problems);
    }
    return response;
  }

  function checkResponse(op: SpecOperation, response: EngineResponse): Outcome {
    const finalResponse = withContentType(response);
    if (options.responseValidation === 'off') return { response: finalResponse, operationId: op.operationId };
    const v = validators.operations.get(op.operationId)!;
    const problems = v.response(finalResponse.status, finalResponse.headers?.['content-type'], finalResponse.body, finalResponse.headers ?? {});
    if (problems.length === 0) return { response: finalResponse, operationId: op.operationId };
    if (options.responseValidation === 'strict') {
      return { response: internalError(op.operationId, finalResponse.status, problems), operationId: op.operationId, responseProblems: problems };
    }
    options.onViolation?.(op.operationId, problems);
    return {
      response: { ...finalResponse, headers: { ...finalResponse.headers, 'x-standin-violations': String(problems.length) } },
      operationId: op.operationId,
      responseProblems: problems,
    };
  }

  async function handle(request: EngineRequest, namespace: string): Promise<Outcome> {
    states.enter(namespace);
    try {
      return await handleIn(request, namespace);
    } finally {
      states.leave(namespace);
    }
  }

  async function handleIn(request: EngineRequest, namespace: string): Promise<Outcome> {
    const path = module.rewritePath ? module.rewritePath(request.path) : request.path;
    const match = router.match(request.method, path);
    if (match.kind === 'notFound') return { response: renderError({ kind: 'routeNotFound', method: request.method, path }) };
    if (match.kind === 'methodNotAllowed') {
      const response = renderError({ kind: 'methodNotAllowed', method: request.method, path, allow: match.allow });
      return { response: { ...response, headers: { ...response.headers, allow: match.allow.join(', ') } } };
    }
    const op = match.operation;
    const v = validators.operations.get(op.operationId)!;
    const fail = (error: EngineError): Outcome => ({
      response: renderError(error, op, clockFor(namespace)),
      operationId: op.operationId,
      requestProblems: error.kind === 'validation' ? error.problems : undefined,
    });

    if (request.bodyTooLarge !== undefined) return fail({ kind: 'bodyTooLarge', limit: request.bodyTooLarge });
    const fault = faults.length ? takeFault(op.operationId, namespace) : undefined;
    if (fault?.kind === 'error') return fail({ kind: 'internal', message: 'fault injected through /__admin/faults' });
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 0));
    // Nothing awaits from this lookup to the admission below, so two first requests to one namespace
    // cannot each keep a state of their own.
    const kept = states.get(namespace);
    const entry = kept ?? freshEntry(namespace);
    const { state, faker, clock } = entry;
    let principal: unknown;
    if (module.authenticate) {
      const auth = module.authenticate({ request, operation: op, params: match.params, state, clock });
      if (!auth.ok) return checkResponse(op, auth.response);
      principal = auth.principal;
    }
    // A namespace is kept only for a request that passed authentication, so refused requests
    // (any number of made-up header values) cost no memory.
    if (!kept) {
      if (!states.admit(namespace, entry)) {
        return fail({ kind: 'internal', message: `standin keeps at most ${states.max} namespaces and every one has a request in progress; retry, or raise --max-namespaces` });
      }
      states.enter(namespace);
    }
    const refusal = module.precheck?.({ request, operation: op, params: match.params, state, clock, principal });
    if (refusal) return checkResponse(op, refusal);

    const input = { path: { ...match.params }, query: { ...request.query } as Record<string, unknown>, headers: { ...request.headers } as Record<string, unknown> };
    const paramProblems = v.params(input);
    const body = readBody(module, op, request, v);
    if (!body.ok) return fail(body.error);
    const problems = [...paramProblems, ...body.problems];
    if (problems.length) return fail({ kind: 'validation', problems });

    const ctx: HandlerContext<unknown> = {
      request,
      operation: op,
      params: input.path,
      query: input.query,
      headers: input.headers as Record<string, string>,
      body: body.body,
      mediaType: body.mediaType,
      state,
      faker,
      clock,
      principal,
    };
    let response: EngineResponse;
    try {
      response = await module.handlers[op.operationId](ctx);
    } catch (e) {
      // A handler bug must still answer in the vendor's envelope, without a stack trace on the wire.
      return fail({ kind: 'internal', message: `unexpected error in ${op.operationId}: ${(e as Error).message}` });
    }
    return checkResponse(op, response);
  }

  return {
    name: module.name,
    spec,
    handle,
    renderError,
    reset(namespace) {
      if (namespace === undefined) states.clear();
      else states.delete(namespace);
    },
    namespaces: () => states.names(),
    addFault(fault) {
      if (fault.operationId && !spec.operations.some((o) => o.operationId === fault.operationId)) {
        throw new Error(`${module.name} has no operation ${fault.operationId}`);
      }
      faults.push({ ...fault });
    },
    clearFaults(namespace) {
      faults = namespace === undefined ? [] : faults.filter((f) => f.namespace !== namespace);
    },
    faults: () => faults.map((f) => ({ ...f })),
    seedBulk(namespace, count) {
      if (!module.seedBulk) return undefined;
      const { state, faker, clock } = namespaceState(namespace);
      return module.seedBulk(state, { faker, clock, count });
    },
    dump(namespace) {
      // Reading must not admit a namespace: at the cap that would evict a worker's real one.
      const { state } = states.get(namespace) ?? freshEntry(namespace);
      return module.dumpState ? module.dumpState(state) : state;
    },
  };
}
