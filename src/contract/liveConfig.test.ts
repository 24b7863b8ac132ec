import { envName, liveApiConfig, liveValues, requiredLiveFields } from './liveConfig';
import { toyContract } from './testing/toyContract';

// A live run's fields come from the vendor's descriptor; the file and the environment fill them.

describe('live config', () => {
  it('names each field STANDIN_CONTRACT_<API>_<FIELD>, camelCase as UPPER_SNAKE', () => {
    expect(envName('toy', 'otherToken')).toBe('STANDIN_CONTRACT_TOY_OTHER_TOKEN');
    expect(envName('toy', 'baseUrl')).toBe('STANDIN_CONTRACT_TOY_BASE_URL');
  });

  it('needs baseUrl, then the required fields in the order the descriptor lists them', () => {
    expect(requiredLiveFields(toyContract)).toEqual(['baseUrl', 'token', 'accountId']);
  });

  it('the environment wins over the file, field by field; fields the descriptor lacks are not read from it', () => {
    const env = { STANDIN_CONTRACT_TOY_TOKEN: 'from-env', STANDIN_CONTRACT_TOY_NOT_A_FIELD: 'x' };
    const config = liveApiConfig('toy', toyContract, { apis: { toy: { baseUrl: 'http://toy', token: 'from-file', accountId: 7 } } }, env);
    expect(config).toEqual({ baseUrl: 'http://toy', token: 'from-env', accountId: 7 });
    expect(liveValues(toyContract, config)).toEqual({ token: 'from-env', otherToken: undefined, accountId: '7' });
  });
});
