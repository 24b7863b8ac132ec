import { fromExample } from '../../core/exampleHandler';
import type { ApiModule } from '../../core/module';
import { renderIgnisignError } from './errors';

export const ignisign: ApiModule = {
  name: 'ignisign',
  specFile: 'ignisign.yaml',
  createState: () => ({}),
  handlers: { createLogCapsule: fromExample, getApplicationContext: fromExample },
  renderError: renderIgnisignError,
};
