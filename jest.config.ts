import type { Config } from 'jest';

/** Unit tests of every project (integration and browser tiers have configs of their own). */
const config: Config = {
  projects: [
    '<rootDir>/libs/contracts/jest.config.cts',
    '<rootDir>/libs/domain/jest.config.cts',
    '<rootDir>/api/jest.config.cts',
    '<rootDir>/web/jest.config.cts',
  ],
};

export default config;
