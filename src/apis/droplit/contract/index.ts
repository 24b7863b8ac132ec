import type { ContractDescriptor } from '../../../contract/descriptor';
import { DROPLIT_DEMO_CREDENTIALS, type DroplitCredentials, type DroplitNeed } from './credentials';
import { droplitEnvelope } from './envelope';
import { droplitScenarios } from './scenarios';

/** What the contract runner knows of Droplit: raw tokens of several types, on one ecosystem. */
export const droplitContract: ContractDescriptor<DroplitCredentials, DroplitNeed> = {
  demoCredentials: DROPLIT_DEMO_CREDENTIALS,
  liveFields: {
    accountToken: 'required',
    userToken: 'optional',
    serverToken: 'optional',
    clientToken: 'optional',
    ecosystemId: 'required',
    otherEcosystemId: 'optional',
  },
  credentials: (live) => ({
    accountToken: live.accountToken!,
    userToken: live.userToken,
    serverToken: live.serverToken,
    clientToken: live.clientToken,
    ecosystemId: live.ecosystemId!,
    otherEcosystemId: live.otherEcosystemId,
  }),
  authHeaders: (creds, _op, _params, override) => ({ authorization: override.token ?? creds.accountToken }),
  signedHeaders: [],
  needs: {
    'scoped-tokens': (c) => (c.userToken ? undefined : 'needs a userToken'),
  },
  sampleValues: (c) => ({ ecosystemId: c.ecosystemId }),
  envelope: droplitEnvelope,
  scenarios: droplitScenarios,
};
