import { fetchTransport } from './http';
import { unmetNeed } from './needs';
import type { ApiTarget } from './target';
import { TOY_VENDOR, type ToyCredentials } from './testing/toyContract';

// The core needs are the runner's; any other need is the vendor's descriptor's to judge.

function target(creds: ToyCredentials, extra: Partial<ApiTarget<ToyCredentials>> = {}): ApiTarget<ToyCredentials> {
  return {
    api: 'toy',
    vendor: TOY_VENDOR,
    label: 'toy',
    standin: false,
    creds,
    transport: () => fetchTransport('http://invalid'),
    allowWrites: false,
    ...extra,
  };
}

describe('unmetNeed', () => {
  it('judges the core needs the same for every vendor', () => {
    expect(unmetNeed(target({ token: 't' }), ['writes'])).toBe('changes data: run with --allow-writes');
    expect(unmetNeed(target({ token: 't' }), ['standin'])).toBe("needs standin's /__admin (fault injection or demo data)");
    expect(unmetNeed(target({ token: 't' }), ['standin-itself'])).toBe("checks standin's own configuration (its --body-limit): standin targets only");
    expect(unmetNeed(target({ token: 't' }), ['creds:otherToken'])).toBe('needs otherToken in the toy credentials');
    expect(unmetNeed(target({ token: 't', otherToken: 'o' }, { allowWrites: true }), ['writes', 'creds:otherToken'])).toBeUndefined();
  });

  it("asks the vendor's descriptor for its own needs, and names a need it does not define", () => {
    expect(unmetNeed(target({ token: 't' }), ['second-token'])).toBe('needs otherToken');
    expect(unmetNeed(target({ token: 't', otherToken: 'o' }), ['second-token'])).toBeUndefined();
    expect(unmetNeed(target({ token: 't' }), ['constructor'])).toBe("needs 'constructor', which the toy contract does not define");
  });

  it('reports the first need the target cannot meet', () => {
    expect(unmetNeed(target({ token: 't' }), ['second-token', 'writes'])).toBe('needs otherToken');
  });
});
