import { join } from 'node:path';
import { loadSpec } from '../../core/spec';
import { compileSpec } from '../../core/validators';
import { SPECS_DIR } from '../../paths';

// The handlers write ALTR's documented casing; the spec's header names are lowered once. The
// required-header check must find a header whatever its case, or strict mode turns a 200 into a 500.

const getData = compileSpec(loadSpec(join(SPECS_DIR, 'altr.yaml'))).operations.get('getData')!;
const HASH = '76a3723906ba6e8e63af173bb595b0fe';

describe('GetData required response headers are matched case-insensitively', () => {
  it.each([
    ['the reference tables (X-Expected-Hash)', 'X-Expected-Hash'],
    ['the getdata example block (X-EXPECTED-HASH)', 'X-EXPECTED-HASH'],
    ['lower case (what fetch and node report)', 'x-expected-hash'],
  ])('finds the hash spelled as in %s', (_name, header) => {
    expect(getData.responseHeaders(200, { [header]: HASH })).toEqual([]);
  });

  it('still reports the hash when it is absent under any spelling', () => {
    expect(getData.responseHeaders(200, { 'X-ALTR-Metadata': 'x', 'x-expected-hashes': HASH })).toEqual([
      { pointer: '/headers/x-expected-hash', message: 'required header x-expected-hash is missing' },
    ]);
  });
});
