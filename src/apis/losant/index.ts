import { fromExample } from '../../core/exampleHandler';
import type { ApiModule } from '../../core/module';
import { renderLosantError } from './errors';

export const losant: ApiModule = {
  name: 'losant',
  specFile: 'losant.yaml',
  createState: () => ({}),
  handlers: {
    listApplicationCertificates: fromExample,
    createApplicationCertificate: fromExample,
    getApplicationCertificate: fromExample,
    patchApplicationCertificate: fromExample,
    deleteApplicationCertificate: fromExample,
  },
  renderError: renderLosantError,
};
