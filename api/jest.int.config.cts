/**
 * API integration specs: the real application over HTTP against PostgreSQL (the DATABASE_URL
 * server, or the embedded database). Each file gets its own database, so files run in parallel.
 */
module.exports = {
  displayName: 'api-int',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 120000,
};
