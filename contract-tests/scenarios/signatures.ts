import type { Scenario } from '../lib/scenario';

export const signaturesScenarios: Scenario<'signatures'>[] = [];
