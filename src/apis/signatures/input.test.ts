import type { SpecOperation } from '../../core/spec';
import type { EngineRequest } from '../../core/types';
import { readBody, RequestFields } from './input';
import type { PhpValue } from './phpJson';

// DefaultRouter::dispatch (perfumer/framework v0.9.6) with ncanode's data_type json: the body's array
// over the query string, every string trimmed, '' made null.

const operation = { operationId: 'saveSignature' } as SpecOperation;
const request = (body: string | undefined, contentType?: string): EngineRequest => ({
  method: 'POST',
  path: '/signature',
  rawQuery: '',
  query: {},
  headers: contentType ? { 'content-type': contentType } : {},
  body: body === undefined ? undefined : Buffer.from(body),
});
const fields = (query: Record<string, unknown>, body?: string) => new RequestFields({ query, body: readBody({ request: request(body), operation }) });

describe('readBody', () => {
  test('decodes the body whatever the Content-Type', () => {
    for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded', undefined]) {
      expect((readBody({ request: request('{"a":"b"}', type), operation }) as Map<string, PhpValue>).get('a')).toBe('b');
    }
  });

  test('anything that does not decode to an array is an empty one: no body, malformed JSON, a scalar', () => {
    for (const body of [undefined, '', '0', '"text"', 'null', '{"a":', 'a=b']) expect(readBody({ request: request(body), operation })).toEqual(new Map());
  });
});

describe('RequestFields', () => {
  test('a body field wins over the same query parameter; the others are merged', () => {
    const f = fields({ document: 'from_query', thread: 'q' }, '{"document":"from_body"}');
    expect([f.get('document'), f.get('thread')]).toEqual(['from_body', 'q']);
  });

  test('trims " \\t\\n\\r\\0\\x0B" (not \\f, not a no-break space) from every string, nested ones too', () => {
    const f = fields({ q: ' \t q \n' }, JSON.stringify({ a: '\u0000\u000b a \r', b: '\f b', c: '\u00a0c', tags: [' x ', { y: ' y ' }] }));
    expect([f.get('q'), f.get('a'), f.get('b'), f.get('c')]).toEqual(['q', 'a', '\f b', '\u00a0c']);
    const tags = f.get('tags') as Map<string, PhpValue>;
    expect(tags.get('0')).toBe('x');
    expect((tags.get('1') as Map<string, PhpValue>).get('y')).toBe('y');
  });

  test('a blank string becomes null, which reads as missing; other falsy values stay', () => {
    const f = fields({ q: '   ' }, JSON.stringify({ a: '', b: null, c: false, d: 0, e: '0', tags: ['', 'x'] }));
    expect(['q', 'a', 'b', 'c', 'd', 'e', 'nope'].map((name) => f.get(name))).toEqual([undefined, undefined, undefined, false, 0n, '0', undefined]);
    expect([...(f.get('tags') as Map<string, PhpValue>).values()]).toEqual([null, 'x']);
  });

  test('a blank body field still overrides the query: the field is then missing', () => {
    expect(fields({ document: 'q' }, '{"document":"  "}').get('document')).toBeUndefined();
  });

  test('query lists become PHP arrays', () => {
    const tags = fields({ tags: ['a', ' b '] }).get('tags') as Map<string, PhpValue>;
    expect([...tags]).toEqual([
      ['0', 'a'],
      ['1', 'b'],
    ]);
  });
});
