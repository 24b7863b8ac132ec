import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package root (where specs/ and fixtures/ live), whether running from src/ or from dist/. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'specs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`standin: cannot find the package root above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(__dirname);
export const SPECS_DIR = join(PACKAGE_ROOT, 'specs');
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');
