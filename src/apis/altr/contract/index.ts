import type { ContractDescriptor } from '../../../contract/descriptor';
import { ALTR_DEMO_CREDENTIALS, type AltrCredentials, type AltrNeed } from './credentials';
import { altrEnvelope } from './envelope';
import { altrScenarios } from './scenarios';
import { altrAuthHeaders, maskAltrAuthorization } from './signRequest';

/** What the contract runner knows of ALTR: HMAC-signed requests, and keys of three permissions. */
export const altrContract: ContractDescriptor<AltrCredentials, AltrNeed> = {
  demoCredentials: ALTR_DEMO_CREDENTIALS,
  liveFields: {
    key: 'required',
    secret: 'required',
    readOnlyKey: 'optional',
    readOnlySecret: 'optional',
    writeOnlyKey: 'optional',
    writeOnlySecret: 'optional',
  },
  credentials: (live) => ({
    key: live.key!,
    secret: live.secret!,
    readOnlyKey: live.readOnlyKey,
    readOnlySecret: live.readOnlySecret,
    writeOnlyKey: live.writeOnlyKey,
    writeOnlySecret: live.writeOnlySecret,
  }),
  authHeaders: altrAuthHeaders,
  maskCredential: maskAltrAuthorization,
  // The signature covers the date, so an example value would only spoil it.
  signedHeaders: ['x-altr-date'],
  needs: {
    'readonly-key': (c) => (c.readOnlyKey ? undefined : 'needs a read-only key (readOnlyKey, readOnlySecret)'),
    'writeonly-key': (c) => (c.writeOnlyKey ? undefined : 'needs a write-only key (writeOnlyKey, writeOnlySecret)'),
  },
  sampleValues: () => ({}),
  envelope: altrEnvelope,
  scenarios: altrScenarios,
};
