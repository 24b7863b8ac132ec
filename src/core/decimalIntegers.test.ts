import { compileSpec } from './validators';
import { parseSpec } from './spec';

// Integer parameters read hex: a coercing Ajv took limit=0x1 as 1. Decimal only, whatever the vendor.
const spec = parseSpec({
  openapi: '3.1.0',
  info: { title: 'decimal', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'list',
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, default: 10 } },
          { name: 'page', in: 'query', schema: { $ref: '#/components/schemas/Page' } },
          { name: 'ids', in: 'query', schema: { type: 'array', items: { type: 'integer' } } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: { schemas: { Page: { type: 'integer', minimum: 0 } } },
});
const params = compileSpec(spec).operations.get('list')!.params;
const check = (query: Record<string, unknown>) => {
  const input = { path: {}, query: { ...query }, headers: {} };
  return { problems: params(input), query: input.query };
};

describe('integer parameters are decimal', () => {
  it.each(['0x1', '0b1', '0o7', '1e3', ' 1', '1 ', '1.0', 'Infinity', '', '+'])('refuses limit=%j as "must be integer", once', (value) => {
    expect(check({ limit: value }).problems).toEqual([{ in: 'query', field: 'limit', pointer: '/limit', keyword: 'type', message: 'must be integer' }]);
  });

  it('refuses hex through a component ref and inside an array', () => {
    expect(check({ page: '0x2' }).problems.map((p) => p.field)).toEqual(['page']);
    expect(check({ ids: ['1', '0x2'] }).problems.map((p) => p.field)).toEqual(['ids.1']);
  });

  it('still coerces decimal (with a sign) and applies defaults and other keywords', () => {
    expect(check({ limit: '42', page: '+0', ids: '7' })).toEqual({ problems: [], query: { limit: 42, page: 0, ids: [7] } });
    expect(check({}).query).toEqual({ limit: 10 });
    expect(check({ limit: '0' }).problems.map((p) => p.keyword)).toEqual(['minimum']);
    expect(check({ limit: '-3' }).problems.map((p) => p.keyword)).toEqual(['minimum']);
  });
});
