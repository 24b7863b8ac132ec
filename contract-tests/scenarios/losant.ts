import type { Scenario } from '../lib/scenario';

export const losantScenarios: Scenario<'losant'>[] = [];
