// Two projects: unit tests (no server) and integration tests (*.int.test.ts) against a real Neo4j,
// which test/neo4j-global-setup.js starts unless NEO4J_URI points at one already.
// ts-jest transpiles each file alone (isolatedModules in tsconfig.base.json); `npm test` type-checks everything with tsc first.
const transform = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  moduleNameMapper: {
    '^@kg/graph/contract$': '<rootDir>/packages/graph/src/contract.ts',
    '^@kg/graph/neo4j$': '<rootDir>/packages/graph/src/neo4j.ts',
    '^@kg/(extractor|graph)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // Loading into a real Neo4j takes seconds; unit tests finish far below this.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/*/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/node_modules/', '/dist/'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/packages/*/src/**/*.int.test.ts', '<rootDir>/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/neo4j-global-setup.js',
      globalTeardown: '<rootDir>/test/neo4j-global-teardown.js',
    },
  ],
};
