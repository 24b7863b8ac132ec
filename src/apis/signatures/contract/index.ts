import type { ContractDescriptor } from '../../../contract/descriptor';
import type { SignaturesCredentials } from './credentials';
import { signaturesEnvelope } from './envelope';
import { signaturesScenarios } from './scenarios';

/** What the contract runner knows of the ncanode Signatures service: no auth, no live credentials. */
export const signaturesContract: ContractDescriptor<SignaturesCredentials, never> = {
  demoCredentials: {},
  liveFields: {},
  credentials: () => ({}),
  authHeaders: () => ({}),
  signedHeaders: [],
  needs: {},
  sampleValues: () => ({}),
  envelope: signaturesEnvelope,
  scenarios: signaturesScenarios,
};
