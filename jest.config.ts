import type { Config } from 'jest';

// Type checking is `tsc --noEmit` (npm run lint); ts-jest only transpiles
// (isolatedModules), which keeps the suite fast.
const common = {
  testEnvironment: 'node',
  // @middy/core ships ES modules only: ts-jest compiles it to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] as [
      string,
      Record<string, unknown>,
    ],
  },
};

const config: Config = {
  testTimeout: 30_000,
  // The default reporter, plus one plain closing line ("N passed, N failed") that CI reads.
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      // Handlers on the in-memory fakes, adapters on aws-sdk-client-mock, the stack, the local server.
      testMatch: ['<rootDir>/test/{unit,adapters,infra,local}/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/setup-env.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      // Real emulators (cognito-local, DynamoDB Local) started once for the run, on free loopback ports.
      testMatch: ['<rootDir>/test/{integration,contract}/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
      setupFiles: ['<rootDir>/test/integration/setup-env.ts'],
    },
  ],
};

export default config;
