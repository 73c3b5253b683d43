const preset = require('./jest.preset');

/** Unit tests of pure functions, integration tests against real Postgres and Redis, browser tests in Chromium. */
module.exports = {
  testTimeout: 60000,
  projects: [
    { ...preset, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/__tests__/**/*.spec.{ts,tsx}'] },
    { ...preset, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,test}/**/*.integration-spec.ts'] },
    {
      ...preset,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
    },
  ],
};
