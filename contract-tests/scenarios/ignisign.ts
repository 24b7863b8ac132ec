import type { Scenario } from '../lib/scenario';

export const ignisignScenarios: Scenario<'ignisign'>[] = [];
