import { fromExample } from '../../core/exampleHandler';
import type { ApiModule } from '../../core/module';
import { renderAltrError } from './errors';

export const altr: ApiModule = {
  name: 'altr',
  specFile: 'altr.yaml',
  createState: () => ({}),
  handlers: { putData: fromExample, getData: fromExample, getMetadata: fromExample, getTokenStatus: fromExample },
  renderError: renderAltrError,
};
