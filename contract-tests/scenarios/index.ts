import type { ApiName } from '../../src/core/types';
import type { CredentialsByApi } from '../lib/credentials';
import type { SampleValues } from '../lib/negative';
import type { Scenario } from '../lib/scenario';
import { altrScenarios } from './altr';
import { droplitScenarios } from './droplit';
import { ignisignScenarios } from './ignisign';
import { losantScenarios } from './losant';
import { signaturesScenarios } from './signatures';

export const SCENARIOS: { [A in ApiName]: Scenario<A>[] } = {
  ignisign: ignisignScenarios,
  altr: altrScenarios,
  signatures: signaturesScenarios,
  losant: losantScenarios,
  droplit: droplitScenarios,
};

/** Values a generated request must carry to reach real resources on the target. */
export const SAMPLE_VALUES: { [A in ApiName]: (creds: CredentialsByApi[A]) => SampleValues } = {
  ignisign: (c) => ({ appId: c.appId, appEnv: c.appEnv }),
  altr: () => ({}),
  signatures: () => ({}),
  losant: (c) => ({ applicationId: c.applicationId }),
  droplit: (c) => ({ ecosystemId: c.ecosystemId }),
};
