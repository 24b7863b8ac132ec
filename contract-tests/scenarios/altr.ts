import type { Scenario } from '../lib/scenario';

export const altrScenarios: Scenario<'altr'>[] = [];
