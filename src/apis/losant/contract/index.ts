import type { ContractDescriptor } from '../../../contract/descriptor';
import { LOSANT_DEMO_CREDENTIALS, type LosantCredentials, type LosantNeed } from './credentials';
import { losantEnvelope } from './envelope';
import { losantScenarios } from './scenarios';

/** What the contract runner knows of Losant: bearer tokens with scopes, on one application. */
export const losantContract: ContractDescriptor<LosantCredentials, LosantNeed> = {
  demoCredentials: LOSANT_DEMO_CREDENTIALS,
  liveFields: { token: 'required', readToken: 'optional', noScopeToken: 'optional', boundedToken: 'optional', applicationId: 'required' },
  credentials: (live) => ({
    token: live.token!,
    readToken: live.readToken,
    noScopeToken: live.noScopeToken,
    boundedToken: live.boundedToken,
    applicationId: live.applicationId!,
  }),
  authHeaders: (creds, _op, _params, override) => ({ authorization: `Bearer ${override.token ?? creds.token}` }),
  signedHeaders: [],
  needs: {
    'scoped-tokens': (c) => (c.readToken && c.noScopeToken ? undefined : 'needs readToken and noScopeToken'),
  },
  sampleValues: (c) => ({ applicationId: c.applicationId }),
  envelope: losantEnvelope,
  scenarios: losantScenarios,
};
