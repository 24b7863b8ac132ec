import type { BuiltEntry } from '../admin/journal';
import { maskCredential } from '../admin/maskSecrets';
import type { Reason } from '../core/types';
import type { Forwarded } from './forward';
import type { RecordedBody, RecordedExchange } from './recordedExchange';
import type { Redactor } from './redact';

// The journal's entry for a proxied exchange, in the shape every journal entry has, made from the
// redacted exchange (so no credential reaches the journal) with bodies cut as the journal cuts them,
// and credential headers masked as the mock's entries mask them (`Bearer ***`).

/** Bytes of a body the journal shows. */
const JOURNAL_BODY_CUT = 4096;

function cut(body: RecordedBody | undefined): RecordedBody | undefined {
  if (!body) return undefined;
  const bytes = Buffer.from(body.text, body.encoding);
  if (bytes.length <= JOURNAL_BODY_CUT) return body;
  const part = bytes.subarray(0, JOURNAL_BODY_CUT);
  return { ...body, truncated: true, text: body.encoding === 'utf8' ? part.toString('utf8') : part.toString('base64') };
}

function reasonOf(kept: RecordedExchange, exchange: Forwarded): Reason | undefined {
  if (exchange.failure !== undefined) return { rule: exchange.failureRule ?? 'proxy-upstream-unreachable', message: exchange.failure };
  if (kept.response.status >= 200 && kept.response.status < 300) return undefined;
  return { rule: 'upstream', message: `${exchange.upstream.url.origin} answered ${kept.response.status}` };
}

function masked(headers: Record<string, string>, redactor: Redactor): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) out[name] = redactor.credentialHeaders.has(name) ? maskCredential(headers[name]) : headers[name];
  return out;
}

export function journalEntry(kept: RecordedExchange, exchange: Forwarded): BuiltEntry {
  const { redactor } = exchange.upstream;
  const prefixed = `${exchange.upstream.prefix}${kept.request.path}`;
  const reason = reasonOf(kept, exchange);
  return {
    time: kept.time,
    namespace: kept.namespace ?? 'default',
    api: kept.api,
    operationId: kept.operationId,
    source: 'proxy',
    method: kept.request.method,
    path: prefixed,
    status: kept.response.status,
    durationMs: Math.round(Number(process.hrtime.bigint() - exchange.started) / 1e4) / 100,
    request: {
      url: kept.request.query ? `${prefixed}?${kept.request.query}` : prefixed,
      headers: masked(kept.request.headers, redactor),
      body: cut(kept.request.body),
    },
    response: { headers: masked(kept.response.headers, redactor), body: cut(kept.response.body) },
    ...(reason ? { reason } : {}),
    violations: kept.violations,
  };
}
