// Build step (npm run build): writes every spec's validators as code into dist/precompiled.
import { API_MODULES } from './apis';
import { writePrecompiled } from './core/precompiled';

for (const module of Object.values(API_MODULES)) writePrecompiled(module.specFile);
