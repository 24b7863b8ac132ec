import type { ApiModule } from '../core/module';
import type { ApiName } from '../core/types';
import { altr } from './altr';
import { droplit } from './droplit';
import { ignisign } from './ignisign';
import { losant } from './losant';
import { signatures } from './signatures';

export const API_MODULES: Record<ApiName, ApiModule> = { ignisign, altr, signatures, losant, droplit };
