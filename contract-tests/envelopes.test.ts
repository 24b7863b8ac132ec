import type express from 'express';
import { join } from 'node:path';
import { type ApiName, VENDORS } from '../src/apis';
import { formatFailure, type Received } from '../src/contract/checkFailure';
import { checkEnvelope, envelopeProblems as problemsOf } from '../src/contract/envelope';
import { runContract } from '../src/contract/runner';
import { loadSpec, type SpecOperation } from '../src/core/spec';
import { SPECS_DIR } from '../src/paths';
import { brokenApp } from './broken/brokenApp';
import { spoilErrors } from './testing/spoilErrors';

// The envelope check on every error answer: each field the vendor documents, in its format. First
// the check on bodies alone, then deliberately broken implementations (the real mock behind a
// middleware that spoils one field of its error bodies) that the suite must catch, readably.

const json = (status: number, body: unknown, contentType = 'application/json; charset=utf-8') => ({
  status,
  headers: { 'content-type': contentType },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});
const pointers = (api: ApiName, status: number, body: unknown, operationId?: string) => {
  const op = operationId ? loadSpec(join(SPECS_DIR, `${api}.yaml`)).operations.find((o) => o.operationId === operationId) : undefined;
  return envelopeProblems(api, json(status, body), op).map((p) => p.pointer);
};

/** The check with the named vendor's envelope. */
const envelopeProblems = (api: ApiName, response: Received, op?: SpecOperation) => problemsOf(VENDORS[api].contract.envelope, response, op);

const IGNISIGN = { message: 'Invalid token', timestamp: '2024-07-29T15:51:28.071Z', status: 401, code: 'INVALID_TOKEN', context: {} };

describe('the envelope check on error bodies', () => {
  it('accepts each vendor envelope as documented', () => {
    expect(pointers('ignisign', 401, IGNISIGN)).toEqual([]);
    expect(pointers('ignisign', 401, { ...IGNISIGN, timestamp: '2024-07-29 15:51:28 +00:00' })).toEqual([]);
    expect(pointers('altr', 403, { success: false, response: { error_type: 'forbidden', error_message: 'no write permission' } })).toEqual([]);
    expect(pointers('signatures', 400, { status: false, message: 'Version must be set' })).toEqual([]);
    expect(pointers('losant', 404, { type: 'NotFound', message: 'Application was not found' })).toEqual([]);
    expect(
      pointers('droplit', 400, {
        errorType: 'InvalidParams',
        errors: [
          { in: 'body', path: 'alias', message: 'Alias Invalid' },
          { path: '', message: 'Body Parameters Missing' },
        ],
      }),
    ).toEqual([]);
  });

  it('Ignisign: every field present; timestamp UTC; status equal to the HTTP status; code an error code name; context an object', () => {
    expect(pointers('ignisign', 401, { code: 'INVALID_TOKEN' })).toEqual(['/body/message', '/body/timestamp', '/body/status', '/body/context']);
    for (const timestamp of ['2024-07-29T17:51:28.071+02:00', '2024-07-29T15:51:28', '2024-02-30T15:51:28Z', 'yesterday', 1722268288071]) {
      expect(pointers('ignisign', 401, { ...IGNISIGN, timestamp })).toEqual(['/body/timestamp']);
    }
    expect(pointers('ignisign', 403, IGNISIGN)).toEqual(['/body/status']);
    expect(pointers('ignisign', 401, { ...IGNISIGN, status: '401' })).toEqual(['/body/status']);
    expect(pointers('ignisign', 401, { ...IGNISIGN, code: 'invalid token' })).toEqual(['/body/code']);
    expect(pointers('ignisign', 401, { ...IGNISIGN, context: [] })).toEqual(['/body/context']);
    expect(pointers('ignisign', 401, { ...IGNISIGN, context: null })).toEqual(['/body/context']);
  });

  it('ALTR: wrapped, success false; the unwrapped form only where the vendor shows it (GetMetadata)', () => {
    expect(pointers('altr', 401, { success: true, response: { error_type: 'unauthorized', error_message: 'x' } })).toEqual(['/body/success']);
    expect(pointers('altr', 401, { success: false, response: { error_message: 'x' } })).toEqual(['/body/response/error_type']);
    expect(pointers('altr', 401, { success: false })).toEqual(['/body/response']);
    const unwrapped = { error_type: 'resource_not_found', error_message: 'Token not found' };
    expect(pointers('altr', 404, unwrapped, 'getMetadata')).toEqual([]);
    expect(pointers('altr', 404, unwrapped, 'getData')).toEqual(['/body/success', '/body/response']);
    expect(pointers('altr', 404, { error_type: '', error_message: 'x' }, 'getMetadata')).toEqual(['/body/error_type']);
  });

  it('ncanode: status false and a message', () => {
    expect(pointers('signatures', 400, { status: true, message: 'x' })).toEqual(['/body/status']);
    expect(pointers('signatures', 404, { status: false, message: null })).toEqual(['/body/message']);
  });

  it('Losant: type and message', () => {
    expect(pointers('losant', 400, { message: 'x' })).toEqual(['/body/type']);
    expect(pointers('losant', 400, { type: 'Validation', message: 42 })).toEqual(['/body/message']);
  });

  it('Droplit: errorType, and at least one error entry, each with a path and a message', () => {
    expect(pointers('droplit', 400, { errorType: 'InvalidParams', errors: [] })).toEqual(['/body/errors']);
    expect(pointers('droplit', 400, { errorType: 'InvalidParams', errors: [{ in: 1, message: 'x' }, 'oops'] })).toEqual([
      '/body/errors/0/in',
      '/body/errors/0/path',
      '/body/errors/1',
    ]);
    expect(pointers('droplit', 401, { errors: [{ path: 'authorization', message: '' }] })).toEqual(['/body/errorType', '/body/errors/0/message']);
  });

  it('an error that is not JSON fails, unless the spec documents that media type for the status', () => {
    const html = json(404, '<html><body>Cannot GET</body></html>', 'text/html');
    expect(envelopeProblems('losant', html).map((p) => p.message)).toEqual(["an error answer must be JSON in the vendor's envelope, is text/html"]);
    expect(envelopeProblems('losant', json(400, '{"type":')).map((p) => p.pointer)).toEqual(['/body']);
    const list = loadSpec(join(SPECS_DIR, 'droplit.yaml')).operations.find((o) => o.operationId === 'listEnvironments');
    const plain = json(404, 'Ecosystem with id C59b343ae9ca1fbc8287a3196 does not exist.', 'text/plain');
    expect(envelopeProblems('droplit', plain, list)).toEqual([]);
    expect(envelopeProblems('droplit', plain).length).toBe(1);
  });

  it("leaves alone successes and standin's own envelope", () => {
    expect(envelopeProblems('ignisign', json(201, { hashSha256_b64: 'x' }))).toEqual([]);
    expect(envelopeProblems('altr', json(404, { standin: { error: 'UnknownApi', message: 'no API here' } }))).toEqual([]);
    expect(envelopeProblems('altr', json(404, { standin: { error: 'UnknownApi', message: 'x' }, extra: 1 })).length).toBeGreaterThan(0);
  });

  it('a failure names the check, the status, every broken field with its problem, and what the vendor documents', () => {
    const failure = checkEnvelope({
      api: 'ignisign',
      envelope: VENDORS.ignisign.contract.envelope,
      response: json(401, { ...IGNISIGN, status: 400, timestamp: '2024-07-29 17:51:28' }),
      curl: 'curl -i x',
    })!;
    expect(failure.check).toBe('envelope');
    expect(failure.message).toBe('the 401 answer breaks the ignisign error envelope at /body/timestamp, /body/status');
    expect(formatFailure(failure)).toContain(
      'at /body/timestamp: must be ISO 8601 in UTC (e.g. 2024-07-29T15:51:28.071Z) or \'YYYY-MM-DD HH:mm:ss +00:00\', is "2024-07-29 17:51:28"',
    );
    expect(formatFailure(failure)).toContain('at /body/status: must equal the HTTP status 401, is 400');
    expect(failure.documented).toMatch(/^\{message: string, timestamp: UTC/);
  });
});

async function envelopeFailures(api: ApiName, app: express.Express, grep: string) {
  const report = await runContract({ vendors: VENDORS, apis: [api], target: { kind: 'in-process', app }, grep });
  expect(report.results.length).toBeGreaterThan(0);
  return report.results.map((r) => ({ outcome: r.outcome, envelope: r.failures.filter((f) => f.check === 'envelope').map(formatFailure) }));
}

describe('the contract suite catches an implementation whose error envelope is incomplete or ill-formatted', () => {
  it('Ignisign with a local-time timestamp', async () => {
    const app = brokenApp(
      'ignisign',
      spoilErrors((b) => ({ ...b, timestamp: '2024-07-29T17:51:28.071+02:00' })),
    );
    const [result] = await envelopeFailures('ignisign', app, 'generic: an unknown path');
    expect(result.outcome).toBe('failed');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/timestamp: must be ISO 8601 in UTC')]);
    expect(result.envelope[0]).toMatch(/reproduce: {2}curl -i -X GET /);
  });

  it('Ignisign whose status field is not the HTTP status', async () => {
    const app = brokenApp(
      'ignisign',
      spoilErrors((b) => ({ ...b, status: 422 })),
    );
    const [result] = await envelopeFailures('ignisign', app, 'generic: createLogCapsule with malformed JSON');
    expect(result.outcome).toBe('failed');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/status: must equal the HTTP status 400, is 422')]);
  });

  it('Ignisign without context (the schema does not require it; the documented envelope has it)', async () => {
    const app = brokenApp(
      'ignisign',
      spoilErrors(({ context: _drop, ...b }) => b),
    );
    const [result] = await envelopeFailures('ignisign', app, 'generic: createLogCapsule with malformed JSON');
    expect(result.outcome).toBe('failed');
    expect(result.envelope).toEqual([
      expect.stringContaining('[envelope] ignisign createLogCapsule: the 400 answer breaks the ignisign error envelope at /body/context'),
    ]);
  });

  it('ALTR with success true on an error', async () => {
    const app = brokenApp(
      'altr',
      spoilErrors((b) => ({ ...b, success: true })),
    );
    const [result] = await envelopeFailures('altr', app, 'generic: an unknown path');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/success: must be false, is true')]);
  });

  it('ncanode without a message', async () => {
    const app = brokenApp(
      'signatures',
      spoilErrors(({ message: _drop, ...b }) => b),
    );
    const [result] = await envelopeFailures('signatures', app, 'generic: an unknown path');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/message: must be a string, is missing')]);
  });

  it('Losant without type', async () => {
    const app = brokenApp(
      'losant',
      spoilErrors(({ type: _drop, ...b }) => b),
    );
    const [result] = await envelopeFailures('losant', app, 'generic: an unknown path');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/type: must be a non-empty string, is missing')]);
  });

  it('Droplit with an empty errors list', async () => {
    const app = brokenApp(
      'droplit',
      spoilErrors((b) => ({ ...b, errors: [] })),
    );
    const [result] = await envelopeFailures('droplit', app, 'generic: an unknown path');
    expect(result.envelope).toEqual([expect.stringContaining('at /body/errors: must list at least one error')]);
  });

  it('and the unspoiled mock passes the same scenarios', async () => {
    for (const api of ['ignisign', 'altr', 'signatures', 'losant', 'droplit'] as const) {
      const results = await envelopeFailures(api, brokenApp(api), 'generic: an unknown path');
      expect(results).toEqual([{ outcome: 'passed', envelope: [] }]);
    }
  });
});
