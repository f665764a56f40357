/**
 * Three tiers, told apart by file suffix (see docs/ARCHITECTURE.md "Tests").
 * Nest 12 ships ES modules, so SWC also transforms @nestjs packages.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose|canonicalize)/)'],
  moduleNameMapper: {
    // An ES module only (no "require" export): tests check our canonical JSON against it.
    '^canonicalize$': '<rootDir>/node_modules/canonicalize/lib/canonicalize.js',
    '^@expediente/domain(.*)$': '<rootDir>/libs/domain/src$1',
    '^@expediente/infra(.*)$': '<rootDir>/libs/infra/src$1',
  },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/jest.setup.ts'],
};

module.exports = {
  // Integration and end-to-end tests talk to real PostgreSQL, Redis and Chromium.
  testTimeout: 60000,
  // One Redis key prefix per run, removed at the end (test/support/redis-keys.ts).
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/**/*.unit.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/**/*.int.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
