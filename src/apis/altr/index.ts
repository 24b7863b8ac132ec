import type { ApiModule } from '../../core/module';
import { authenticateAltr, type AltrPrincipal, type AltrState } from './auth';
import { seededHex } from '../seededHex';
import { renderAltrError } from './errors';
import { altrSeed } from './fixtures';
import { getData, getMetadata, getTokenStatus, putData } from './handlers';
import { AltrStore } from './store';

export const altr: ApiModule<AltrState, AltrPrincipal> = {
  name: 'altr',
  specFile: 'altr.yaml',
  createState: ({ faker }) => ({
    store: new AltrStore(altrSeed(), () => seededHex(faker, 32)),
  }),
  dumpState: (state) => state.store.dump(),
  authenticate: authenticateAltr,
  handlers: { putData, getData, getMetadata, getTokenStatus },
  renderError: renderAltrError,
  secrets: () => altrSeed().apiKeys.flatMap((k) => [k.key, k.secret]),
};
