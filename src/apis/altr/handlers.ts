import { refusedBecause } from '../../core/module';
import type { EngineResponse } from '../../core/types';
import type { operations } from '../../types/altr';
import type { Reply } from '../../types/helpers';
import { specHandlers } from '../../types/specHandler';
import type { AltrPrincipal, AltrState } from './auth';
import { altrError, dataCapExceeded, tokenNotFound } from './errors';
import { bytesToStore, type AltrRecord, tokenStatus } from './store';

// Each handler turns a store outcome into ALTR's status and envelope.

const handler = specHandlers<operations, AltrState, AltrPrincipal>();

/** The hint as a number; the spec's pattern has already refused anything but decimal digits. */
function lengthHint(value: unknown): number | undefined {
  return typeof value === 'string' ? Number(value) : undefined;
}

export const putData = handler<'putData'>((ctx) => {
  // The raw request bytes, whatever the Content-Type: a JSON-typed body is parsed by the engine, but
  // ALTR stores what was sent, byte for byte.
  const body = ctx.request.body ?? Buffer.alloc(0);
  const bytes = bytesToStore(body, {
    hasContentLength: ctx.request.headers['content-length'] !== undefined,
    lengthHint: lengthHint(ctx.headers['x-content-length-hint']),
  });
  const outcome = ctx.state.store.put(ctx.principal.organizationId, bytes, ctx.request.headers['x-altr-metadata'], ctx.clock.now());
  if (outcome.ok) {
    const { referenceToken } = outcome.record;
    return { status: 200, body: { success: true, response: { data: { referenceToken } } } } satisfies Reply<operations['putData'], 200>;
  }
  switch (outcome.reason) {
    case 'dataCapExceeded':
      return dataCapExceeded(ctx.principal.organizationId, outcome);
    case 'unknownOrganization':
      // Only a fixtures mistake (a key pointing at no organization) can get here.
      return refusedBecause(
        altrError(503, 'internal_error', 'Unable to process request at this time.'),
        'altr.unknown-organization',
        `the key's organization ${ctx.principal.organizationId} is not in the fixtures`,
      );
  }
});

interface RecordContext {
  state: AltrState;
  principal: AltrPrincipal;
  params: { referenceToken: string };
}

/** Runs `found` on the caller's record, or answers 404 for a token the caller's organization does not hold. */
function withRecord(ctx: RecordContext, found: (record: AltrRecord) => EngineResponse): EngineResponse {
  const outcome = ctx.state.store.get(ctx.principal.organizationId, ctx.params.referenceToken);
  return outcome.ok ? found(outcome.record) : tokenNotFound(ctx.params.referenceToken);
}

export const getData = handler<'getData'>((ctx) =>
  withRecord(ctx, (record) => {
    // Names in the vendor's documented casing: node writes them as given, and a client that compares
    // header names case-sensitively finds what the vendor's reference shows.
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'X-Expected-Hash': record.md5 };
    if (record.metadata !== undefined) headers['X-ALTR-Metadata'] = record.metadata;
    return { status: 200, headers, body: Buffer.from(record.bytes) };
  }),
);

export const getMetadata = handler<'getMetadata'>((ctx) =>
  withRecord(ctx, (record) => ({ status: 200, body: { success: true, metadata: record.metadata ?? '' } }) satisfies Reply<operations['getMetadata'], 200>),
);

export const getTokenStatus = handler<'getTokenStatus'>((ctx) =>
  withRecord(ctx, (record) => {
    const data = tokenStatus(record, ctx.clock.now().getTime());
    return { status: 200, body: { success: true, response: { data } } } satisfies Reply<operations['getTokenStatus'], 200>;
  }),
);
