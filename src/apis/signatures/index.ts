import type { ApiModule } from '../../core/module';
import { renderSignaturesError } from './errors';
import { deleteSignature, getSignature, listSignatures, saveSignature } from './handlers';
import { readBody } from './input';
import { seedBulkSignatures } from './bulkSeed';
import { dumpSignatures } from './render';
import { generateSignatures, loadFixtureSignatures, loadSignaturesFixture } from './seed';
import { SignatureStore } from './store';

export const signatures: ApiModule<SignatureStore> = {
  name: 'signatures',
  specFile: 'signatures.yaml',
  createState({ faker }) {
    const fixture = loadSignaturesFixture();
    const store = new SignatureStore();
    loadFixtureSignatures(store, fixture);
    generateSignatures(store, faker, fixture.generated);
    return store;
  },
  seedBulk: (store, { faker, count }) => seedBulkSignatures(store, faker, { count, tags: loadSignaturesFixture().generated.tags }),
  dumpState: dumpSignatures,
  handlers: { getSignature, saveSignature, deleteSignature, listSignatures },
  renderError: renderSignaturesError,
  // The PHP router json_decodes every body whatever its Content-Type and ignores what does not decode.
  decodeBody: readBody,
};
