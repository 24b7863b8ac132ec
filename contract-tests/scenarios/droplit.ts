import type { Scenario } from '../lib/scenario';

export const droplitScenarios: Scenario<'droplit'>[] = [];
