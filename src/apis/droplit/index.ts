import { fromExample } from '../../core/exampleHandler';
import type { ApiModule } from '../../core/module';
import { renderDroplitError } from './errors';

// Droplit's reference headers say /v0/api/environments, its HTTP examples /api/environments.
const UNVERSIONED = /^\/api\//;

export const droplit: ApiModule = {
  name: 'droplit',
  specFile: 'droplit.yaml',
  createState: () => ({}),
  handlers: { createEnvironment: fromExample, listEnvironments: fromExample, getEnvironment: fromExample, updateEnvironment: fromExample },
  renderError: renderDroplitError,
  rewritePath: (path) => (UNVERSIONED.test(path) ? `/v0${path}` : path),
};
