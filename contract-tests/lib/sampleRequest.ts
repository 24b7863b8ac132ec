import type { SpecOperation, SpecParameter } from '../../src/core/spec';

// A valid request for an operation, built only from the spec's examples: what Prism and any
// implementation should accept as well-formed (whether it succeeds depends on state and auth).

export interface SampleRequest {
  method: string;
  path: string; // with path parameters filled in, query string appended
  headers: Record<string, string>;
  body?: string | Buffer;
}

function valueOf(p: SpecParameter): string {
  if (p.example === undefined) throw new Error(`parameter ${p.in} '${p.name}' has no example, default or enum to sample`);
  return typeof p.example === 'string' ? p.example : JSON.stringify(p.example);
}

export function sampleRequest(op: SpecOperation, overrides: { params?: Record<string, string> } = {}): SampleRequest {
  let path = op.pathTemplate;
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    path = path.replace(`{${p.name}}`, encodeURIComponent(overrides.params?.[p.name] ?? valueOf(p)));
  }
  const query = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
    const value = p.example;
    for (const v of Array.isArray(value) ? value : [value]) query.append(p.name, typeof v === 'string' ? v : JSON.stringify(v ?? valueOf(p)));
  }
  const headers: Record<string, string> = {};
  for (const p of op.parameters.filter((x) => x.in === 'header' && x.required)) headers[p.name.toLowerCase()] = valueOf(p);
  let body: string | Buffer | undefined;
  const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
  // fetch and many clients cannot send a body with GET/HEAD, so an optional one is left out there.
  const bodyAllowed = op.method !== 'GET' && op.method !== 'HEAD';
  if (mediaType && (op.requestBody?.required || (media?.example !== undefined && bodyAllowed))) {
    headers['content-type'] = mediaType;
    const example = media?.example ?? {};
    body = /json/.test(mediaType) ? JSON.stringify(example) : Buffer.from(String(example));
  }
  const qs = query.toString();
  return { method: op.method, path: qs ? `${path}?${qs}` : path, headers, body };
}
