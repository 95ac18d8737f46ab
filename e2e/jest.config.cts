/**
 * Browser end-to-end tests: the production build (node dist/api/main.js, serving dist/web), driven
 * in Chromium through playwright-core. Each spec file starts its own app on a fresh database with
 * the demo data (src/support/app-per-file.ts: a copy of a template loaded once in global setup), so
 * files stand alone and run two at a time.
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/support/app-per-file.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
