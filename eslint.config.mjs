// Correctness rules only: Prettier owns layout, so no stylistic rule is turned on here
// (eslint-config-prettier is not a dependency; the presets below carry no formatting rules).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals bench/ and the config files use; listed here rather than taken from the
// `globals` package, which is only a transitive dependency.
const nodeGlobals = Object.fromEntries(
  'AbortController Buffer URL URLSearchParams TextDecoder TextEncoder clearImmediate clearInterval clearTimeout console fetch performance process queueMicrotask setImmediate setInterval setTimeout structuredClone __dirname __filename'
    .split(' ')
    .map((name) => [name, 'readonly']),
);

// `const { secret: _secret, ...rest } = x` drops a field on purpose; so does a leading underscore.
const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }];

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'reports/', 'node_modules/', 'bench/results/'] },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: nodeGlobals },
    rules: {
      'no-unused-vars': unusedVars,
    },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The type-aware rules that catch real bugs in an async server and cost one program build.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': unusedVars,
    },
  },
  {
    // Tests and their helpers read JSON answers and spec trees whose shape their assertions then check.
    files: ['**/*.test.ts', '**/testing/**/*.ts', 'test/**/*.ts', 'contract-tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The engine knows OpenAPI and no vendor, and never HTTP: a sixth vendor must not need a core edit.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'express', message: 'Only src/server.ts touches HTTP; the core takes and returns plain values.' }],
          patterns: [
            { group: ['**/apis', '**/apis/*'], message: 'src/core must not know a vendor: take it from the module passed in.' },
            {
              group: [
                '**/admin',
                '**/admin/*',
                '**/app',
                '**/app/*',
                '**/http',
                '**/http/*',
                '**/contract',
                '**/contract/*',
                '**/contract-tests/*',
                '**/server',
                '**/cli',
                '**/config',
                '**/vendor',
              ],
              message: 'src/core sits below the app, HTTP adapter, admin, CLI and contract runner; they import it, not the other way.',
            },
          ],
        },
      ],
    },
  },
);
