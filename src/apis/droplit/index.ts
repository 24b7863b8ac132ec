import type { ApiModule } from '../../core/module';
import { authenticate, type DroplitPrincipal } from './auth';
import { renderDroplitError } from './errors';
import { droplitSeed } from './fixtures';
import { handlers, queryStringRefusal } from './handlers';
import { DroplitStore } from './store';

// Droplit's reference headers say /v0/api/environments, its HTTP examples /api/environments.
const UNVERSIONED = /^\/api\//;

// Operations that refuse any query string (the create page; delete as on the devices-delete page). Checked
// after auth and before the body is validated, so the answer follows the documented order (auth, then query
// string, then body) and does not depend on the body.
const NO_QUERY_STRING = new Set(['createEnvironment', 'deleteEnvironment']);

export const droplit: ApiModule<DroplitStore, DroplitPrincipal> = {
  name: 'droplit',
  specFile: 'droplit.yaml',
  createState: () => new DroplitStore(droplitSeed()),
  dumpState: (store) => store.dump(),
  handlers,
  renderError: renderDroplitError,
  authenticate,
  precheck: (ctx) => (NO_QUERY_STRING.has(ctx.operation.operationId) ? queryStringRefusal(ctx.request) : undefined),
  rewritePath: (path) => (UNVERSIONED.test(path) ? `/v0${path}` : path),
  secrets: () => droplitSeed().tokens.map((t) => t.token),
};
