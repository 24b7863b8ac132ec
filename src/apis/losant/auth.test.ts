import { Faker, en } from '@faker-js/faker';
import { SettableClock } from '../../core/clock';
import type { SpecOperation } from '../../core/spec';
import type { EngineRequest } from '../../core/types';
import { authenticateLosant } from './auth';
import { createLosantState } from './state';

// The accepted scopes come from each operation's security requirement in the spec, not from code.

const clock = new SettableClock('2024-01-01T00:00:00Z');
const faker = new Faker({ locale: [en] });
const state = createLosantState({ namespace: 'auth-test', faker, clock });

function operation(security: SpecOperation['security']): SpecOperation {
  return { operationId: 'someOperation', method: 'GET', pathTemplate: '/x', parameters: [], responses: {}, security };
}

function authenticate(security: SpecOperation['security'], authorization?: string) {
  const request: EngineRequest = { method: 'GET', path: '/x', rawQuery: '', query: {}, headers: authorization === undefined ? {} : { authorization } };
  return authenticateLosant({ request, operation: operation(security), params: {}, state, clock });
}

describe('authenticateLosant', () => {
  it('accepts a token holding any one of the scopes the operation lists', () => {
    const result = authenticate([{ bearerAuth: ['device.get', 'device.*'] }], 'Bearer losant-demo-none');
    expect(result).toMatchObject({ ok: true, principal: { scopes: new Set(['device.get']) } });
  });

  it('refuses with 403 a token holding none of them, whatever else it holds', () => {
    const result = authenticate([{ bearerAuth: ['applicationCertificates.get'] }], 'Bearer losant-demo-all');
    expect(result).toEqual({
      ok: false,
      response: { status: 403, body: { type: 'Forbidden', message: expect.any(String) }, reason: { rule: 'rule-losant-scopes', message: expect.any(String) } },
    });
  });

  it('refuses with 401 a missing, malformed or unknown token before looking at scopes', () => {
    for (const header of [undefined, 'losant-demo-all', 'Basic losant-demo-all', 'Bearer ', 'Bearer nope']) {
      expect(authenticate([{ bearerAuth: ['device.get'] }], header)).toEqual({
        ok: false,
        response: {
          status: 401,
          body: { type: 'Unauthorized', message: 'Invalid access token' },
          reason: { rule: 'rule-losant-token', message: expect.any(String) },
        },
      });
    }
  });

  it('takes the scheme name case-insensitively', () => {
    expect(authenticate([{ bearerAuth: ['device.get'] }], 'bearer losant-demo-none').ok).toBe(true);
  });

  it('lets anyone through an operation whose spec requires no security', () => {
    expect(authenticate([]).ok).toBe(true);
    expect(authenticate([{}, { bearerAuth: ['x'] }]).ok).toBe(true);
  });

  it('accepts any known token when the requirement lists no scopes', () => {
    expect(authenticate([{ bearerAuth: [] }], 'Bearer losant-demo-none').ok).toBe(true);
    expect(authenticate([{ bearerAuth: [] }], 'Bearer nope').ok).toBe(false);
  });
});
