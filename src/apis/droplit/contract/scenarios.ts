import type { Scenario } from '../../../contract/scenario';
import type { DroplitCredentials, DroplitNeed } from './credentials';
import { authScenarios } from './authScenarios';
import { createScenarios } from './createScenarios';
import { listScenarios } from './listScenarios';
import { updateScenarios } from './updateScenarios';

// Droplit environments: the rules of the spec's operation descriptions, one scenario each.

export const droplitScenarios: Scenario<DroplitCredentials, DroplitNeed>[] = [...authScenarios, ...createScenarios, ...listScenarios, ...updateScenarios];
