import { type ApiName, VENDORS } from '../../src/apis';
import type { ContractDescriptor } from '../../src/contract/descriptor';
import { validInit } from '../../src/contract/negative';
import type { SpecOperation } from '../../src/core/spec';
import type { BodyChange, FuzzCase } from './cases';

// Turns a fuzz case into bytes to send: a valid, freshly signed request for the operation, then the
// case's changes on top. Signing happens before the changes, so a changed request is refused for
// what was changed, not for a stale signature.

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  chunked?: boolean;
}

function nested(depth: number, shape: 'object' | 'array'): string {
  return shape === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function changeBody(json: unknown, change: BodyChange): { body?: string; json?: unknown } {
  const object = json && typeof json === 'object' && !Array.isArray(json) ? { ...(json as Record<string, unknown>) } : {};
  const keys = Object.keys(object);
  const key = (i: number) => (keys.length ? keys[i % keys.length] : 'field');
  switch (change.kind) {
    case 'field':
      return { json: { ...object, [key(change.field)]: change.value } };
    case 'dropField': {
      delete object[key(change.field)];
      return { json: object };
    }
    case 'deep': {
      const text = JSON.stringify({ ...object, [key(change.field)]: 0 });
      const marker = `"${key(change.field)}":0`;
      return { body: text.replace(marker, `"${key(change.field)}":${nested(change.depth, change.shape)}`) };
    }
    case 'raw':
      return { body: change.bytes };
    case 'json':
      return { json: change.value };
    case 'none':
      return {};
  }
}

/** Node's client refuses some bytes in a path or header; those are percent-encoded or dropped, not sent raw. */
const safePath = (text: string) => text.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
const safeHeader = (text: string) => text.replace(/[^\t\x20-\x7e]/g, '?');

export function buildRequest(api: ApiName, op: SpecOperation, fuzz: FuzzCase, namespace: string): RawRequest {
  const contract: ContractDescriptor = VENDORS[api].contract;
  const creds = contract.demoCredentials;
  const init = validInit(op, contract.sampleValues(creds), contract.signedHeaders);
  const params = { ...init.params };
  const query: Array<[string, string]> = Object.entries(init.query ?? {}).map(([k, v]) => [k, String(v)]);
  const headers: Record<string, string> = { 'x-standin-namespace': namespace, ...contract.authHeaders(creds, op, params, {}), ...init.headers };
  let json = init.json;
  let body: string | Buffer | undefined = init.body;
  let method = op.method;
  let suffix = '';
  let chunked = false;
  const named = op.parameters.filter((p) => p.in !== 'cookie');
  for (const c of fuzz.changes) {
    switch (c.kind) {
      case 'param': {
        const target = named.length ? named[c.param % named.length] : undefined;
        if (!target) break;
        if (target.in === 'path') params[target.name] = c.value;
        else if (target.in === 'query') query.push([target.name, c.value]);
        else headers[target.name.toLowerCase()] = c.value;
        break;
      }
      case 'dropParam': {
        const target = named.length ? named[c.param % named.length] : undefined;
        if (!target || target.in === 'path') break;
        if (target.in === 'query') query.splice(0, query.length, ...query.filter(([k]) => k !== target.name));
        else delete headers[target.name.toLowerCase()];
        break;
      }
      case 'extraQuery':
        query.push(...c.pairs);
        break;
      case 'body': {
        const changed = changeBody(json, c.change);
        if ('json' in changed) json = changed.json;
        if (changed.body !== undefined) {
          json = undefined;
          body = changed.body;
        }
        break;
      }
      case 'contentType':
        headers['content-type'] = c.value;
        break;
      case 'auth':
        if (c.value === undefined) delete headers.authorization;
        else headers.authorization = c.value;
        break;
      case 'method':
        method = c.value;
        break;
      case 'path':
        suffix += c.suffix;
        break;
      case 'namespace':
        headers['x-standin-namespace'] = c.value;
        break;
      case 'chunked':
        chunked = true;
        break;
    }
  }
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers['content-type'] ??= 'application/json';
  }
  let path = op.pathTemplate.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x'));
  path = safePath(path + suffix);
  if (query.length) path += `${path.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;
  for (const [name, value] of Object.entries(headers)) headers[name] = safeHeader(value);
  if (headers['x-standin-namespace'] === '') delete headers['x-standin-namespace'];
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { method, path, headers, body: method === 'HEAD' ? undefined : bytes, chunked };
}
