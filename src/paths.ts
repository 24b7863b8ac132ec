import { join, resolve } from 'node:path';

/** The package root, whether running from src/ (tests) or dist/ (installed). */
export const PACKAGE_ROOT = resolve(__dirname, '..');
export const SPECS_DIR = join(PACKAGE_ROOT, 'specs');
export const FIXTURES_DIR = join(PACKAGE_ROOT, 'fixtures');
