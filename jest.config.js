/**
 * Tiers by folder: unit (pure), contract (every event-store adapter), api (real HTTP server), and
 * reliability (crashes, races, hostile input; some of it drives the compiled server as a child
 * process, so that project builds dist/ first, and only when one of its tests is selected).
 */
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is `npm run typecheck`'s job; transpiling alone keeps the suite fast.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
    // jose ships ES modules only; Jest's CommonJS runtime needs them transpiled.
    '/node_modules/jose/.+\\.js$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  // package.json "imports" point at dist/ for the built service; tests run the sources.
  moduleNameMapper: { '^#projections/(.*)$': '<rootDir>/projections/$1', '^#src/(.*)$': '<rootDir>/src/$1' },
};

module.exports = {
  testTimeout: 30000,
  // With every suite in one process (2 cores: Jest runs in band), Node 20 can spin at 100% CPU while
  // tearing down after the last test, in its handle clean-up (most likely on HTTP/2 sockets of the gRPC
  // client in the EventStoreDB tests; seen at exit, never during the run). Exiting explicitly once the
  // results are in keeps a finished run from never ending.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'suite',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
    },
    {
      ...shared,
      displayName: 'reliability',
      roots: ['<rootDir>/test/reliability'],
      globalSetup: '<rootDir>/test/reliability/support/buildServer.ts',
    },
  ],
};
