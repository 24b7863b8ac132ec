import { curlFor } from './curl';
import { toyContract } from './testing/toyContract';

// A reproduction never shows a secret: the vendor masks its own credential form, the rest is masked generically.

describe('curlFor', () => {
  const request = (authorization: string) => ({ method: 'GET', path: '/x', headers: { authorization, accept: 'application/json' } });

  it("uses the vendor's masking where it recognises the value", () => {
    expect(curlFor('http://h', request('Token toy-secret'), toyContract.maskCredential)).toBe(
      "curl -i -X GET 'http://h/x' -H 'authorization: Token toy-****' -H 'accept: application/json'",
    );
  });

  it('keeps a short prefix of any other credential, and other headers as they are', () => {
    expect(curlFor('http://h', request('Bearer abcdefghijkl'), toyContract.maskCredential)).toBe(
      "curl -i -X GET 'http://h/x' -H 'authorization: Bearer abcd****' -H 'accept: application/json'",
    );
    expect(curlFor('http://h', request('Bearer abcdefghijkl'))).toContain("'authorization: Bearer abcd****'");
  });
});
