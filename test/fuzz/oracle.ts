import type { Spec } from '../../src/core/spec';
import type { SpecValidators } from '../../src/core/validators';

// What every answer to a hostile request must be, whatever the request: no 5xx, an error in the
// vendor's own envelope (never HTML, a stack trace or an empty body), and quick.

export type FuzzRule = 'no-5xx' | 'vendor-envelope' | 'no-html' | 'no-stack-trace' | 'stall' | 'rejected-write-stored' | 'connection' | 'server-alive';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  ms: number;
}

export interface Verdict {
  rule: FuzzRule;
  message: string;
}

const HTML = /<(!doctype|html|body)\b/i;
const STACK = /\n\s+at [^\n]+:\d+:\d+/;

/** Non-JSON media types the spec documents for some error answer of this API (e.g. a vendor's text/plain 404). */
export function documentedErrorMedia(spec: Spec): Set<string> {
  const media = new Set<string>();
  for (const op of spec.operations) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^[45]/.test(status)) continue;
      for (const type of Object.keys(response.content)) if (!type.includes('json')) media.add(type);
    }
  }
  return media;
}

export function judge(answer: Answer, method: string, validators: SpecValidators, errorMedia: Set<string>, stallMs: number): Verdict | undefined {
  const text = answer.body.toString('utf8');
  if (answer.status >= 500) return { rule: 'no-5xx', message: `answered ${answer.status}: ${text.slice(0, 300)}` };
  if (answer.ms > stallMs) return { rule: 'stall', message: `took ${Math.round(answer.ms)} ms (limit ${stallMs} ms)` };
  if (HTML.test(text)) return { rule: 'no-html', message: `an HTML body: ${text.slice(0, 120)}` };
  if (STACK.test(text)) return { rule: 'no-stack-trace', message: `a stack trace in the body: ${text.slice(0, 200)}` };
  if (answer.status < 400 || method === 'HEAD') return undefined;
  const type = String(answer.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (!type.endsWith('json')) {
    if (errorMedia.has(type) && text.length > 0) return undefined;
    return { rule: 'vendor-envelope', message: `${answer.status} with content-type '${type}' and ${answer.body.length} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { rule: 'vendor-envelope', message: `${answer.status} with a body that is not JSON: ${text.slice(0, 120)}` };
  }
  const check = validators.error;
  if (check && !check(json)) {
    return { rule: 'vendor-envelope', message: `${answer.status} not in the vendor's error envelope: ${text.slice(0, 200)}` };
  }
  return undefined;
}
