import type { Config } from 'jest';

// Type checking is `tsc --noEmit` (npm run lint); ts-jest only transpiles
// (isolatedModules), which keeps the suite fast. @middy/* ships ESM only, so
// it is transformed to CommonJS like our own sources.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@middy/)'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30_000,
  // The default reporter, plus one plain closing line ("N passed, N failed") that CI reads.
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

export default config;
