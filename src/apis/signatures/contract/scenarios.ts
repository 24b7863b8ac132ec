import type { Scenario } from '../../../contract/scenario';
import type { SignaturesCredentials } from './credentials';
import { inputScenarios } from './inputScenarios';
import { listScenarios } from './listScenarios';
import { saveScenarios } from './saveScenarios';

// ncanode "Signatures Persist API": the rules of the spec's operation descriptions, one
// scenario each. Every pair (document, thread) a scenario writes is made of t.unique() values, so a live
// store's other signatures never interfere; list scenarios filter on such a unique document.

export const signaturesScenarios: Scenario<SignaturesCredentials, never>[] = [...saveScenarios, ...listScenarios, ...inputScenarios];
