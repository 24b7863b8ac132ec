/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/contract-tests/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  // The fuzz run (test/fuzz.test.ts) is part of every run at 300 requests per API; `npm run fuzz`
  // runs it at 10,000.
  testPathIgnorePatterns: ['/node_modules/'],
};
