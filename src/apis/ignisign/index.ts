import type { ApiModule } from '../../core/module';
import type { KeyScope } from './apiKey';
import { authenticateIgnisign } from './auth';
import { renderIgnisignError } from './errors';
import { appFixtures } from './fixtures';
import { createLogCapsule, getApplicationContext } from './handlers';
import { IgnisignStore } from './store';
import { demoTsaSigner } from './timestampToken';

export function createIgnisignState(): IgnisignStore {
  const store = new IgnisignStore(demoTsaSigner());
  for (const { keys, ...app } of appFixtures()) store.addApp(app, keys);
  return store;
}

export const ignisign: ApiModule<IgnisignStore, KeyScope> = {
  name: 'ignisign',
  specFile: 'ignisign.yaml',
  createState: createIgnisignState,
  dumpState: (store) => store.dump(),
  handlers: { createLogCapsule, getApplicationContext },
  renderError: renderIgnisignError,
  authenticate: authenticateIgnisign,
  secrets: () => appFixtures().flatMap((app) => Object.values(app.keys)),
};
