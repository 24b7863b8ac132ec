import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import type { AltrSeed } from './store';

// Read once at start-up; every namespace's store copies what it needs from this value.
let cached: AltrSeed | undefined;

export function altrSeed(): AltrSeed {
  cached ??= JSON.parse(readFileSync(join(FIXTURES_DIR, 'altr', 'seed.json'), 'utf8')) as AltrSeed;
  return cached;
}
