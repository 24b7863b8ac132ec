import type { ApiModule } from '../../core/module';
import { authenticateLosant, type Principal } from './auth';
import { seedBulkCertificates } from './bulkSeed';
import { renderLosantError } from './errors';
import { losantFixtures } from './fixtures';
import * as handlers from './handlers';
import { createLosantState, dumpLosantState, type LosantState } from './state';

export const losant: ApiModule<LosantState, Principal> = {
  name: 'losant',
  specFile: 'losant.yaml',
  createState: createLosantState,
  dumpState: dumpLosantState,
  // Into the documented application (the first of the fixtures), which the demo tokens reach.
  seedBulk: (state, { faker, count }) =>
    seedBulkCertificates(state.store, faker, { count, applicationId: losantFixtures().applications[0].id, sources: losantFixtures().generatedCertificates }),
  authenticate: authenticateLosant,
  handlers: { ...handlers },
  renderError: renderLosantError,
  secrets: () => losantFixtures().tokens.map((t) => t.token),
};
