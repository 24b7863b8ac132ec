import { parseQuery } from './requestValues';

// parseQuery splits plain queries itself; it must read every query as a URL's searchParams does.

function reference(raw: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [rawKey, value] of new URL(`http://x/?${raw}`).searchParams) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    const existing = query[key];
    if (existing === undefined) query[key] = rawKey.endsWith('[]') ? [value] : value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

describe('parseQuery', () => {
  it.each([
    'document=doc_12&tags=customer_1&limit=10&count=1',
    'a=1&a=2&a=3',
    'tags[]=a&tags[]=b',
    'tags[]=a&tags=b',
    'flag',
    'flag=&x==y&=v',
    '&&a=1&',
    'a=x%20y&b=1+2',
    'a=%zz&b=%E9',
    'naïve=é',
    '[]=x',
    '?a=1',
    '?a=%41&b=c',
  ])('%s', (raw) => {
    expect(parseQuery(raw)).toEqual(reference(raw));
  });

  it('an empty query is an empty object', () => {
    expect(parseQuery('')).toEqual({});
  });
});
