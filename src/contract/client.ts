import { isUtf8 } from 'node:buffer';
import type { Spec, SpecOperation } from '../core/spec';
import type { SpecValidators } from '../core/validators';
import type { AuthOverride } from './authOverride';
import { type CheckFailure, NO_OPERATION, type Received } from './checkFailure';
import { parseJsonBody, runGenericChecks } from './checks';
import { curlFor } from './curl';
import { checkEnvelope } from './envelope';
import type { Envelope } from './envelopeFields';
import type { HttpRequest, Transport } from './http';
import type { TargetLimits } from './targetLimits';
import type { SomeCreds } from './someCreds';

/** What the client needs of a vendor: how it authenticates, how its credentials are masked, its error envelope. */
export interface ClientVendor<C> {
  /** Authenticates a request the way the vendor's clients do; `override` bends one part of it. */
  authHeaders(creds: C, op: SpecOperation, params: Record<string, string>, override: AuthOverride): Record<string, string>;
  /**
   * The masked form of a credential header value whose scheme keeps a public part (a key before a
   * signature); undefined leaves it to the generic masking.
   */
  maskCredential?(value: string): string | undefined;
  /** The vendor's documented error envelope, checked on every error answer. */
  envelope: Envelope;
}

export interface CallInit {
  params?: Record<string, string>;
  /** Replaces the templated path (e.g. to try an alternative prefix); params are not applied then. */
  path?: string;
  /** Values left undefined are not sent. */
  query?: Record<string, string | string[] | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  body?: Buffer | string;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
  /** false sends no credentials; an object overrides parts of them. */
  auth?: false | AuthOverride;
  /** The request breaks the spec on purpose (a target that answers those itself skips the step). */
  invalid?: boolean;
}

export interface Exchange {
  operationId: string;
  request: HttpRequest;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The parsed body when the response is JSON; checked against the spec, so scenarios read it as the spec says. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of the spec's shape, which only the spec types
  json: any;
  curl: string;
}

/** Receives every exchange, so the runner can count coverage and collect check failures. */
export interface ExchangeSink {
  record(api: string, exchange: Exchange, failures: CheckFailure[]): void;
}

export class SkipStep extends Error {}

export class ApiClient<C = SomeCreds> {
  private readonly ops: Map<string, SpecOperation>;

  constructor(
    readonly api: string,
    private readonly vendor: ClientVendor<C>,
    readonly spec: Spec,
    private readonly validators: SpecValidators,
    private readonly transport: Transport,
    readonly creds: C,
    private readonly sink: ExchangeSink,
    private readonly limits: TargetLimits = {},
  ) {
    this.ops = new Map(spec.operations.map((o) => [o.operationId, o]));
  }

  operation(operationId: string): SpecOperation {
    const op = this.ops.get(operationId);
    if (!op) throw new Error(`${this.api} has no operation ${operationId}`);
    return op;
  }

  buildRequest(operationId: string, init: CallInit = {}): HttpRequest {
    const op = this.operation(operationId);
    const params = init.params ?? {};
    let path =
      init.path ??
      op.pathTemplate.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        if (params[name] === undefined) throw new Error(`${operationId} needs path parameter ${name}`);
        return encodeURIComponent(params[name]);
      });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(init.query ?? {})) {
      if (v !== undefined) for (const item of Array.isArray(v) ? v : [v]) query.append(k, String(item));
    }
    if (query.size) path += `?${query}`;
    const headers: Record<string, string> = {};
    if (init.auth !== false) Object.assign(headers, this.vendor.authHeaders(this.creds, op, params, init.auth ?? {}));
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, init.headers);
    return { method: op.method, path, headers, body, chunked: init.chunked };
  }

  async call(operationId: string, init: CallInit = {}): Promise<Exchange> {
    if (init.invalid && this.limits.invalid) throw new SkipStep(this.limits.invalid);
    const op = this.operation(operationId);
    const request = this.buildRequest(operationId, init);
    const { body } = request;
    if (body !== undefined && op.method === 'GET' && this.limits.getBody) throw new SkipStep(this.limits.getBody);
    if (Buffer.isBuffer(body) && !isUtf8(body) && this.limits.binaryBody) throw new SkipStep(this.limits.binaryBody);
    if (request.chunked && this.limits.chunked) throw new SkipStep(this.limits.chunked);
    return this.send(op, request);
  }

  /** Sends a request built elsewhere (generated cases), checked and recorded like any other. */
  async send(op: SpecOperation, request: HttpRequest): Promise<Exchange> {
    const response = await this.transport.send(request);
    const curl = this.curl(request);
    const failures = runGenericChecks({
      api: this.api,
      envelope: this.vendor.envelope,
      op,
      validators: this.validators.operations.get(op.operationId)!,
      response,
      curl,
    });
    return this.record(op.operationId, request, response, curl, failures);
  }

  /**
   * Sends a request no operation documents (an unknown path, an undocumented method, a body over
   * the limit). Only the vendor's error envelope is checked; such a request is spec-invalid, so a
   * target that answers those itself skips the step.
   */
  async sendUndocumented(request: HttpRequest): Promise<Exchange> {
    if (this.limits.invalid) throw new SkipStep(this.limits.invalid);
    const response = await this.transport.send(request);
    const curl = this.curl(request);
    const failure = checkEnvelope({ api: this.api, envelope: this.vendor.envelope, response, curl });
    return this.record(NO_OPERATION, request, response, curl, failure ? [failure] : []);
  }

  private curl(request: HttpRequest): string {
    return curlFor(this.transport.baseUrl, request, this.vendor.maskCredential);
  }

  private record(operationId: string, request: HttpRequest, response: Received, curl: string, failures: CheckFailure[]): Exchange {
    const parsed = parseJsonBody(response);
    const exchange: Exchange = {
      operationId,
      request,
      status: response.status,
      headers: response.headers,
      body: response.body,
      json: parsed?.ok ? parsed.value : undefined,
      curl,
    };
    this.sink.record(this.api, exchange, failures);
    return exchange;
  }
}
