import type { ContractDescriptor } from '../../../contract/descriptor';
import { type IgnisignCredentials, IGNISIGN_DEMO_CREDENTIALS, ignisignFromKey } from './credentials';
import { ignisignEnvelope } from './envelope';
import { ignisignScenarios } from './scenarios';

/** What the contract runner knows of Ignisign: a bearer API key that also names the application. */
export const ignisignContract: ContractDescriptor<IgnisignCredentials, never> = {
  demoCredentials: IGNISIGN_DEMO_CREDENTIALS,
  liveFields: { apiKey: 'required' },
  credentials: (live) => ignisignFromKey(live.apiKey!),
  authHeaders: (creds, _op, _params, override) => ({ authorization: `Bearer ${override.token ?? creds.apiKey}` }),
  signedHeaders: [],
  needs: {},
  sampleValues: (c) => ({ appId: c.appId, appEnv: c.appEnv }),
  envelope: ignisignEnvelope,
  scenarios: ignisignScenarios,
};
