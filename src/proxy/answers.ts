import { isJsonMedia, mediaTypeOf, type OperationValidators } from '../core/validators';
import { checkResponse } from './checkExchange';
import type { Answer } from './compareAnswers';
import { keptBody, type RecordedBody, type RecordedExchange } from './recordedExchange';
import type { Redactor } from './redact';

// Both sides of a comparison as the same plain value: status, headers, the body parsed when it is
// JSON (else its text), and the spec problems of the answer.

function bodyValue(contentType: string | undefined, body: RecordedBody | undefined): unknown {
  if (!body) return undefined;
  if (body.encoding === 'base64' || !isJsonMedia(mediaTypeOf(contentType))) return body.text;
  try {
    return JSON.parse(body.text);
  } catch {
    return body.text;
  }
}

export function recordedAnswer(kept: RecordedExchange): Answer {
  const { response } = kept;
  return { status: response.status, headers: response.headers, json: bodyValue(response.headers['content-type'], response.body), violations: kept.violations };
}

/** An answer just received, redacted as the recording was (so a credential the body echoes compares equal). */
export function receivedAnswer(
  v: OperationValidators | undefined,
  status: number,
  headers: Record<string, string>,
  bytes: Buffer | undefined,
  redactor: Redactor,
): Answer {
  const contentType = headers['content-type'];
  const violations = v ? checkResponse(v, status, headers, bytes, Infinity, false) : [];
  // Kept as a recording keeps it (text or base64, credentials replaced), so both sides read alike.
  const json = bodyValue(contentType, keptBody(bytes, bytes?.length ?? 0, false, contentType, redactor));
  return { status, headers, json, violations };
}
