import { join } from 'node:path';
import fc from 'fast-check';
import { ajvCompiler } from '../../core/ajv';
import { loadSpec } from '../../core/spec';
import { SPECS_DIR } from '../../paths';
import { parseAdvancedQuery } from './advancedQuery';
import { ID_OPERATORS, MAX_LIST_ITEMS, OPERATORS } from './queryCondition';
import { QUERY_FIELDS } from './queryFields';

// The query code keeps its own tables (fields, operators, operand types) so a request is checked in
// one linear pass; these tests hold them to the spec's AdvancedApplicationCertQuery, which is what
// Prism and the contract suite read, so the two cannot drift apart.

const spec = loadSpec(join(SPECS_DIR, 'losant.yaml'));
const schemas = spec.schemas as Record<string, any>;
const LOGICAL = ['$and', '$or', '$nor'];
const operatorsOf = (condition: string) => Object.keys(schemas[condition].oneOf[1].properties).sort();

describe('the advanced query tables agree with the spec', () => {
  it('the same fields, each of the same kind (id or value)', () => {
    const properties = schemas.AdvancedApplicationCertQuery.properties as Record<string, { $ref: string }>;
    const fields = Object.keys(properties).filter((k) => !LOGICAL.includes(k));
    expect(fields.sort()).toEqual(Object.keys(QUERY_FIELDS).sort());
    for (const field of fields) {
      expect([field, properties[field].$ref.endsWith('/QueryIdCondition')]).toEqual([field, QUERY_FIELDS[field].type === 'id']);
    }
    expect(LOGICAL.map((k) => properties[k].$ref)).toEqual(LOGICAL.map(() => '#/components/schemas/AdvancedApplicationCertQueries'));
  });

  it('the same operators, and the same list bounds', () => {
    expect(operatorsOf('QueryCondition')).toEqual([...OPERATORS].sort());
    expect(operatorsOf('QueryIdCondition')).toEqual([...ID_OPERATORS].sort());
    for (const list of ['QueryValues', 'QueryIds', 'AdvancedApplicationCertQueries']) expect([list, schemas[list].maxItems]).toEqual([list, MAX_LIST_ITEMS]);
  });

  it('accepts exactly the queries the spec schema accepts (within the depth and condition bounds)', () => {
    const validate = ajvCompiler(spec).compile('exact', 'test:AdvancedApplicationCertQuery', { $ref: '#/components/schemas/AdvancedApplicationCertQuery' });
    const id = fc.constantFrom('575ec76c7ae143cd83dc4a96', '575EC76C7AE143CD83DC4A96', '575ec76c7ae143cd83dc4a9', 'zzzzzzzzzzzzzzzzzzzzzzzz');
    const scalar = fc.oneof(
      fc.string({ maxLength: 3 }),
      id,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const list = fc.oneof(
      { weight: 5, arbitrary: fc.array(scalar, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.constant(Array.from({ length: 101 }, () => 'x')) },
    );
    const operand = fc.oneof(scalar, list, fc.constant({}), fc.constant(''));
    const operators = fc.dictionary(fc.constantFrom(...OPERATORS, '$regex', 'name'), operand, { maxKeys: 3 });
    const condition = fc.oneof(scalar, operators, list);
    const fieldName = fc.constantFrom(...Object.keys(QUERY_FIELDS), 'color', '$where');
    const query = fc.letrec<{ query: Record<string, unknown> }>((tie) => ({
      query: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.dictionary(fieldName, condition, { maxKeys: 3 }),
        fc.dictionary(fc.constantFrom(...LOGICAL), fc.array(tie('query'), { maxLength: 3 }), { maxKeys: 2 }),
        fc.dictionary(fc.constantFrom(...LOGICAL), fc.oneof(fc.constant({}), fc.constant('x')), { maxKeys: 1 }),
      ),
    })).query;
    fc.assert(
      fc.property(query, (q) => {
        const ours = parseAdvancedQuery(JSON.stringify(q));
        return ours.ok === validate(q);
      }),
      { numRuns: 4000 },
    );
  });
});
