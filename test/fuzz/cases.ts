import fc from 'fast-check';

// What one fuzz request changes in a valid request. Cases are drawn up front from one seeded
// fast-check run, so a seed names the whole sequence and a failure can be replayed alone.

/** A hostile text value: numbers PHP and JS read differently, escapes, control bytes, sizes. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'Infinity',
    '-Infinity',
    'NaN',
    '1e400',
    '-1',
    '0x10',
    '0b1',
    '0o7',
    ' 12',
    '12abc',
    '-0',
    '1.5',
    '',
    ' ',
    '%',
    '%zz',
    '%00',
    '../..',
    '..%2f..',
    'null',
    'true',
    '[]',
    '{}',
    '\u0000',
    '\u00e9',
    '\ud83d\ude00',
    '*a*a*a*a*a*a*a*a*b',
    '*'.repeat(15000),
    'a'.repeat(70000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat({ max: 20000 }).map((n) => 'x'.repeat(n)),
);

export type BodyChange =
  | { kind: 'field'; field: number; value: unknown }
  | { kind: 'dropField'; field: number }
  | { kind: 'deep'; depth: number; shape: 'object' | 'array'; field: number }
  | { kind: 'raw'; bytes: string }
  | { kind: 'json'; value: unknown }
  | { kind: 'none' };

export type FuzzChange =
  | { kind: 'param'; param: number; value: string }
  | { kind: 'dropParam'; param: number }
  | { kind: 'extraQuery'; pairs: Array<[string, string]> }
  | { kind: 'body'; change: BodyChange }
  | { kind: 'contentType'; value: string }
  | { kind: 'auth'; value: string | undefined }
  | { kind: 'method'; value: string }
  | { kind: 'path'; suffix: string }
  | { kind: 'namespace'; value: string }
  | { kind: 'chunked' };

export interface FuzzCase {
  /** Index into the API's operations (taken modulo their count). */
  op: number;
  changes: FuzzChange[];
}

const bodyChange: fc.Arbitrary<BodyChange> = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), field: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText) }),
  fc.record({ kind: fc.constant('dropField' as const), field: fc.nat() }),
  fc.record({
    kind: fc.constant('deep' as const),
    depth: fc.integer({ min: 100, max: 5000 }),
    shape: fc.constantFrom('object' as const, 'array' as const),
    field: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('raw' as const),
    bytes: fc.oneof(fc.constantFrom('{', '{"a":', '[1,2', '\u00ff\u00fe', 'a=1&b=2', '{"a":1}{"b":2}', '\ufeff{}'), fc.string({ maxLength: 30 })),
  }),
  fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.constant({ kind: 'none' as const }),
);

const change: fc.Arbitrary<FuzzChange> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('param' as const), param: fc.nat(), value: hostileText }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropParam' as const), param: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extraQuery' as const),
      pairs: fc.array(
        fc.tuple(
          fc.oneof(fc.constantFrom('tags[]', 'a[b]', 'limit', 'page', 'perPage', 'filter', 'query', 'sortField'), fc.string({ maxLength: 10 })),
          hostileText,
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('body' as const), change: bodyChange }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('contentType' as const),
      value: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'application/json; charset=utf-16',
        'application/octet-stream',
        'application/xml',
        ';;',
        '*/*',
        '',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('auth' as const),
      value: fc.option(
        fc.oneof(
          fc.constantFrom('Bearer', 'Bearer ', 'Basic YTpi', 'ALTR :', 'ALTR a:b', 'ALTR ALTR-demo-rw:', 'bearer skv2_development_demo_devsecret'),
          hostileText,
        ),
        { nil: undefined },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('method' as const), value: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('path' as const),
      suffix: fc.oneof(fc.constantFrom('/', '//', '/x', '/%2f', '/%', '/..', '/%00', '/a/b/c/d', '?'), fc.string({ maxLength: 12 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('namespace' as const),
      value: fc.oneof(fc.constantFrom('', ' ', 'a b', 'x'.repeat(101), '../x', '\u00e9'), fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'chunked' as const }) },
);

export function fuzzCases(count: number, seed: number): FuzzCase[] {
  return fc.sample(fc.record({ op: fc.nat(), changes: fc.array(change, { minLength: 1, maxLength: 3 }) }), { seed, numRuns: count });
}
