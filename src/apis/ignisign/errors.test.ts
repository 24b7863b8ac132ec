import { join } from 'node:path';
import { loadSpec } from '../../core/spec';
import type { EngineError } from '../../core/types';
import { SPECS_DIR } from '../../paths';
import { IGNISIGN_CODES_SENT, renderIgnisignError } from './errors';
import { VENDOR_IGNISIGN_ERROR_CODES } from './testing/vendorErrorCodes';

// The SDK surfaces an error as `IGNISIGN SDK EXCEPTION: <code>` only for a code in the vendor's enum,
// otherwise as a raw HTTP error; every code the mock can send must therefore be one of them.
const clock = { now: () => new Date('2024-07-29T15:51:28.071Z') };
const vendor = new Set(VENDOR_IGNISIGN_ERROR_CODES);

describe('Ignisign error codes', () => {
  it('every code the mock can send is in the vendor list', () => {
    expect(IGNISIGN_CODES_SENT.filter((code) => !vendor.has(code))).toEqual([]);
  });

  it.each<[string, EngineError, number, string]>([
    ['unknown route', { kind: 'routeNotFound', method: 'POST', path: '/v4/auth/app-api' }, 404, 'NOT_YET_IMPLEMENTED'],
    [
      'wrong method',
      { kind: 'methodNotAllowed', method: 'GET', path: '/v4/applications/appId_demo/envs/DEVELOPMENT/log-capsules', allow: ['POST'] },
      405,
      'BAD_REQUEST',
    ],
    [
      'bad path parameter',
      { kind: 'validation', problems: [{ in: 'path', field: 'appEnv', pointer: '/appEnv', keyword: 'enum', message: 'must be one of' }] },
      400,
      'PARAMS_VALIDATION_FAILED',
    ],
    [
      'bad query parameter',
      { kind: 'validation', problems: [{ in: 'query', field: 'x', pointer: '/x', keyword: 'type', message: 'must be string' }] },
      400,
      'QUERY_VALIDATION_FAILED',
    ],
    [
      'bad body field',
      { kind: 'validation', problems: [{ in: 'body', field: 'hashSha256_b64', pointer: '/hashSha256_b64', keyword: 'pattern', message: 'must match' }] },
      400,
      'BODY_VALIDATION_FAILED',
    ],
    ['malformed JSON', { kind: 'malformedBody', message: 'request body is not valid JSON' }, 400, 'BODY_VALIDATION_FAILED'],
    [
      'another content type',
      { kind: 'unsupportedMediaType', contentType: 'text/plain', expected: ['application/json'], requiredFields: ['hashSha256_b64'] },
      400,
      'BODY_VALIDATION_FAILED',
    ],
    ['body over the limit', { kind: 'bodyTooLarge', limit: 1024 }, 413, 'BAD_REQUEST'],
    ['internal failure', { kind: 'internal', message: 'boom' }, 500, 'INTERNAL_ERROR'],
    ['state log unreachable', { kind: 'unavailable', message: 'down' }, 503, 'INTERNAL_ERROR'],
  ])('%s: its status, and a code from the vendor list, in the full envelope', (_name, error, status, code) => {
    const response = renderIgnisignError(error, { clock });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ message: expect.any(String), timestamp: '2024-07-29T15:51:28.071Z', status, code, context: expect.any(Object) });
    expect(vendor.has(code)).toBe(true);
  });

  it('a route the mock lacks names the method and path, so the SDK caller sees which call it was', () => {
    const { body } = renderIgnisignError({ kind: 'routeNotFound', method: 'POST', path: '/v4/auth/app-api' }, { clock }) as {
      body: { message: string; context: unknown };
    };
    expect(body.context).toEqual({ method: 'POST', path: '/v4/auth/app-api' });
    expect(body.message).toContain('POST /v4/auth/app-api');
  });

  it('every code in the spec (examples and the Error description) is in the vendor list', () => {
    const spec = loadSpec(join(SPECS_DIR, 'ignisign.yaml'));
    const codes = new Set<string>();
    for (const op of spec.operations) {
      for (const response of Object.values(op.responses)) {
        for (const media of Object.values(response.content ?? {})) {
          const code = (media.example as { code?: string } | undefined)?.code;
          if (code) codes.add(code);
        }
      }
    }
    const described = String((spec.schemas.Error as any).properties.code.description);
    for (const match of described.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) codes.add(match[0]);
    expect(codes.size).toBeGreaterThan(5);
    expect([...codes].filter((code) => !vendor.has(code) && code !== 'IGNISIGN_ERROR_CODES')).toEqual([]);
    // The description lists exactly what the mock sends.
    expect([...IGNISIGN_CODES_SENT].filter((code) => !described.includes(code))).toEqual([]);
  });
});
