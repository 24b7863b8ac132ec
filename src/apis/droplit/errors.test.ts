import type { SpecOperation } from '../../core/spec';
import { errors, renderDroplitError } from './errors';
import { parseFilter } from './parseFilter';

function filterMessage(filter: string): string {
  const parsed = parseFilter(filter);
  if (parsed.ok) throw new Error(`parsed: ${filter}`);
  return (errors.filterInvalid(filter, parsed.error).body as any).errors[0].message;
}

const createOp = {
  operationId: 'createEnvironment',
  requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['ecosystemId'] } } } },
} as unknown as SpecOperation;
const updateOp = {
  operationId: 'updateEnvironment',
  requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/EnvironmentUpdate' } } } },
} as unknown as SpecOperation;
const noBody = { kind: 'validation' as const, problems: [{ in: 'body' as const, field: '', pointer: '', keyword: 'required', message: 'is required' }] };

describe('droplit errors', () => {
  it('an unknown operator gives the vendor list page text exactly', () => {
    expect(filterMessage('invalid')).toBe(
      "Invalid input 'invalid' from filter 'invalid'. Expected 'AND','OR','NOR','NOT','EQUALS','NOTEQUALS','LESSTHAN','LESSTHANOREQUAL'," +
        "'GREATERTHAN','GREATERTHANOREQUAL','IN','NOTIN','TYPE','EXISTS','NOTEXISTS','CONTAINS','NCONTAINS' after ''",
    );
  });

  it('other filter refusals say what was expected where, and the limits are named', () => {
    expect(filterMessage('eq(alias, hall)')).toBe("Invalid input 'hall' from filter 'eq(alias, hall)'. Expected 'VALUE' after 'eq(alias,'");
    expect(filterMessage('in(a, [1 2])')).toBe("Invalid input '2' from filter 'in(a, [1 2])'. Expected ',',']' after 'in(a, [1'");
    expect(filterMessage(`${'not('.repeat(33)}`)).toMatch(/^Invalid input 'not' from filter '.*'\. Expected at most 32 nested operators after '(not\(){32}'$/);
    expect(filterMessage('x'.repeat(4097))).toBe('Invalid input from filter: it is longer than 4096 characters');
  });

  it('the filter error is 400 InvalidBody at path query, as on the list page', () => {
    const parsed = parseFilter('invalid');
    expect(!parsed.ok && errors.filterInvalid('invalid', parsed.error)).toMatchObject({
      status: 400,
      body: { errorType: 'InvalidBody', errors: [{ path: 'query' }] },
    });
  });

  it('no body on create names the required fields the inline schema lists, at path #', () => {
    expect(renderDroplitError(noBody, { operation: createOp })).toEqual({
      status: 400,
      body: { errorType: 'InvalidParams', errors: [{ in: 'body', path: '#', message: 'required properties are missing: ecosystemId' }] },
    });
  });

  it('no body where nothing is required (update) is "Body Parameters Missing" at path #', () => {
    expect(renderDroplitError(noBody, { operation: updateOp }).body).toEqual({
      errorType: 'InvalidParams',
      errors: [{ in: 'body', path: '#', message: 'Body Parameters Missing' }],
    });
  });

  it('a wrong content type lists the engine required fields, or falls back to the category name', () => {
    const error = (requiredFields: string[]) => ({
      kind: 'unsupportedMediaType' as const,
      contentType: 'text/plain',
      expected: ['application/json'],
      requiredFields,
    });
    expect(renderDroplitError(error(['ecosystemId'])).body).toEqual({
      errorType: 'InvalidParams',
      errors: [{ in: 'body', path: '#', message: 'required properties are missing: ecosystemId' }],
    });
    expect(renderDroplitError(error([])).body).toEqual({ errorType: 'InvalidParams', errors: [{ in: 'body', path: '#', message: 'Body Parameters Missing' }] });
  });

  it('a state log that cannot be reached is 503 in the standard structure', () => {
    expect(renderDroplitError({ kind: 'unavailable', message: 'down' })).toEqual({
      status: 503,
      body: { errorType: 'ServiceUnavailable', errors: [{ path: '', message: 'down' }] },
    });
  });

  it('the unknown-ecosystem list 404 is the documented plain text', () => {
    expect(errors.ecosystemNotFound('C1')).toEqual({
      status: 404,
      body: 'Ecosystem with id C1 does not exist.',
      reason: { rule: 'rule-droplit-list-ecosystem', message: 'droplit.ecosystem: no ecosystem C1' },
    });
  });
});
