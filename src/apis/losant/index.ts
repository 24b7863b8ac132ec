import type { ApiModule } from '../../core/module';
import { authenticateLosant, type Principal } from './auth';
import { renderLosantError } from './errors';
import * as handlers from './handlers';
import { createLosantState, dumpLosantState, type LosantState } from './state';

export const losant: ApiModule<LosantState, Principal> = {
  name: 'losant',
  specFile: 'losant.yaml',
  createState: createLosantState,
  dumpState: dumpLosantState,
  authenticate: authenticateLosant,
  handlers: { ...handlers },
  renderError: renderLosantError,
};
