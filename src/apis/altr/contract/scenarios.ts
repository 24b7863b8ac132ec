import type { Scenario } from '../../../contract/scenario';
import type { AltrCredentials, AltrNeed } from './credentials';
import { authScenarios } from './authScenarios';
import { dataScenarios } from './dataScenarios';

// ALTR chainAPI: the rules of the spec's operation descriptions, one scenario each. Every request
// is signed by the client (signRequest.ts); `auth: {key, secret, date}` bends one part of it.

export const altrScenarios: Scenario<AltrCredentials, AltrNeed>[] = [...authScenarios, ...dataScenarios];
