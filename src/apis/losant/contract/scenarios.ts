import type { Scenario } from '../../../contract/scenario';
import type { LosantCredentials, LosantNeed } from './credentials';
import { authScenarios } from './authScenarios';
import { certificateScenarios } from './certificateScenarios';
import { listScenarios } from './listScenarios';
import { newestApiScenarios } from './newestApiScenarios';

// Losant application certificates: the rules of the spec's operation descriptions, one
// scenario each. Every scenario that writes works on certificates it creates itself, with a common
// name built from t.unique(), finds them again with a glob on that prefix (so it also runs against a
// live application that already holds certificates), and deletes what it created when it ends.

export const losantScenarios: Scenario<LosantCredentials, LosantNeed>[] = [...authScenarios, ...certificateScenarios, ...listScenarios, ...newestApiScenarios];
