import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../../paths';
import type { DroplitSeed } from './store';

// Read once per process; each namespace builds its store from a deep copy, so none can change another's.
let cached: DroplitSeed | undefined;

export function droplitSeed(): DroplitSeed {
  cached ??= JSON.parse(readFileSync(join(FIXTURES_DIR, 'droplit', 'seed.json'), 'utf8')) as DroplitSeed;
  return structuredClone(cached);
}
