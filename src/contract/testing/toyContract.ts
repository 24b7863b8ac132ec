import type { ContractDescriptor } from '../descriptor';
import { fields, string } from '../envelopeFields';
import type { ContractVendor } from '../vendors';

/** A vendor of no one's: a token, an optional second one, and a need of its own. */
export interface ToyCredentials {
  token: string;
  otherToken?: string;
}

export const toyContract: ContractDescriptor<ToyCredentials, 'second-token'> = {
  demoCredentials: { token: 'toy-demo', otherToken: 'toy-other' },
  liveFields: { token: 'required', otherToken: 'optional', accountId: 'required' },
  credentials: (live) => ({ token: live.token!, otherToken: live.otherToken }),
  authHeaders: (creds, _op, _params, override) => ({ authorization: `Token ${override.token ?? creds.token}` }),
  maskCredential: (value) => (value.startsWith('Token toy-') ? 'Token toy-****' : undefined),
  signedHeaders: [],
  needs: { 'second-token': (c) => (c.otherToken ? undefined : 'needs otherToken') },
  sampleValues: () => ({}),
  envelope: { documented: '{error: string}', problems: (body, ctx) => fields(body, '/body', { error: string }, ctx) },
  scenarios: [],
};

export const TOY_VENDOR: ContractVendor<ToyCredentials> = { module: { specFile: 'toy.yaml' }, contract: toyContract };
