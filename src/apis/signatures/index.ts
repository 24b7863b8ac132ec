import { fromExample } from '../../core/exampleHandler';
import type { ApiModule } from '../../core/module';
import { renderSignaturesError } from './errors';

export const signatures: ApiModule = {
  name: 'signatures',
  specFile: 'signatures.yaml',
  createState: () => ({}),
  handlers: { getSignature: fromExample, saveSignature: fromExample, deleteSignature: fromExample, listSignatures: fromExample },
  renderError: renderSignaturesError,
};
