import { createApp, type StandinApp } from '../app/createApp';
import type { EngineResponse } from '../core/types';
import { parseQuery } from '../http/requestValues';
import { recordedAnswer, receivedAnswer } from './answers';
import { compareAnswers } from './compareAnswers';
import { DriftLog } from './driftLog';
import { type FieldKindOf, fieldKinds } from './fieldKinds';
import { IdMap } from './idMap';
import { heldSize, type RecordedExchange } from './recordedExchange';
import { resendRequest } from './resend';
import type { Upstream } from './upstream';

// --shadow: each exchange the vendor answered is sent again, after the client has its answer, to
// an in-process mock in a shadow namespace, one at a time in the order they happened (a create
// before the read of what it created). Ids the vendor made are mapped to the mock's, so the read
// names what the mock created. Every difference becomes a drift entry.

/** Exchanges (and bytes of their bodies) waiting for the mock; past either the newest are dropped and counted. */
const MAX_QUEUED = 1000;
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;
/** Shadow namespaces (one per client namespace), each with its id map. */
const MAX_NAMESPACES = 100;

function asBytes(body: unknown): Buffer | undefined {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return body;
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

function lowerHeaders(response: EngineResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

export class Shadow {
  readonly drift = new DriftLog();
  readonly app: StandinApp;
  private readonly upstreams: Map<string, { up: Upstream; kinds: FieldKindOf }>;
  private readonly ids = new Map<string, IdMap>();
  private chain: Promise<void> = Promise.resolve();
  queued = 0;
  private queuedBytes = 0;
  dropped = 0;
  skipped = 0;

  constructor(upstreams: Upstream[], options: { seed?: number } = {}) {
    this.app = createApp({ apis: upstreams.map((u) => u.api) as never, seed: options.seed, journalSize: 0 });
    this.upstreams = new Map(upstreams.map((up) => [up.api, { up, kinds: fieldKinds(up.spec) }]));
  }

  /** The shadow namespace of a client namespace: apart from anything a client could name. */
  namespaceOf(clientNamespace: string | undefined): string {
    return clientNamespace === undefined ? 'shadow' : `shadow.${clientNamespace}`.slice(0, 100);
  }

  enqueue(kept: RecordedExchange): void {
    const size = heldSize(kept);
    if (this.queued >= MAX_QUEUED || this.queuedBytes + size > MAX_QUEUED_BYTES) {
      this.dropped++;
      return;
    }
    this.queued++;
    this.queuedBytes += size;
    this.chain = this.chain
      .then(() => this.compare(kept))
      .catch((error: Error) => void process.stderr.write(`standin proxy: shadow of #${kept.seq} failed: ${error.message}\n`))
      .finally(() => {
        this.queued--;
        this.queuedBytes -= size;
      });
  }

  private idsFor(namespace: string): IdMap {
    let ids = this.ids.get(namespace);
    if (!ids) {
      if (this.ids.size >= MAX_NAMESPACES) this.ids.delete(this.ids.keys().next().value!);
      ids = new IdMap();
      this.ids.set(namespace, ids);
    }
    return ids;
  }

  private async compare(kept: RecordedExchange): Promise<void> {
    const { up, kinds } = this.upstreams.get(kept.api)!;
    const engine = this.app.engines.get(kept.api)!;
    const namespace = this.namespaceOf(kept.namespace);
    const ids = this.idsFor(namespace);
    const resend = resendRequest(up, kept, up.contract.demoCredentials as Record<string, unknown>, ids);
    if ('skip' in resend) {
      this.skipped++;
      return;
    }
    const outcome = await engine.handle(
      { method: resend.method, path: resend.path, rawQuery: resend.query, query: parseQuery(resend.query), headers: resend.headers, body: resend.body },
      namespace,
    );
    const response = outcome.response;
    const v = kept.operationId ? up.validators.operations.get(kept.operationId) : undefined;
    const mock = receivedAnswer(v, response.status, lowerHeaders(response), asBytes(response.body), up.redactor);
    const differences = compareAnswers(recordedAnswer(kept), mock, kinds, ids);
    this.drift.add({
      time: kept.time,
      api: kept.api,
      operationId: kept.operationId,
      method: kept.request.method,
      path: `${up.prefix}${kept.request.path}`,
      status: { vendor: kept.response.status, mock: response.status },
      differences,
    });
  }

  /** Resolves once every exchange queued so far is compared. */
  async drained(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.chain) {
      last = this.chain;
      await last;
    }
  }

  async close(): Promise<void> {
    await this.drained();
    await this.app.close();
  }
}
