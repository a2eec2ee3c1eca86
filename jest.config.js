/** @type {import('jest').Config} */
const config = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  // Three workers on the embedded SQLite: its suites spend much of their time waiting (on
  // the production build, servers, browsers, npm), so on the two-core machine a third
  // worker cut the run from 532 s to 376–424 s (and 515 s with a busy loop beside it, all
  // passing). On a server database the server (PostgreSQL, FerretDB) takes a core itself,
  // so two.
  maxWorkers: process.env.DATABASE_URI ? 2 : 3,
  // The demo app reaches the plugin by its package name, mapped to the sources as
  // tsconfig.json's paths do.
  moduleNameMapper: {
    '^verdicts-cms$': '<rootDir>/src/index.ts',
    '^verdicts-cms/(client|next|node)$': '<rootDir>/src/exports/$1.ts',
  },
  // A stuck or slow suite is named in the log as it runs; failures and the slowest suites
  // are summed up at the end, where a CI log that keeps only its end still shows them.
  reporters: ['default', '<rootDir>/tests/helpers/suiteClockReporter.js'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // The multi-process suites need PostgreSQL and Redis: `npm run test:postgres` runs them
  // (scripts/testPostgres.ts sets VERDICTS_CLUSTER_TESTS), plain `npm test` never does.
  // On a server database (scripts/lib/runJest.ts) the tarball suite is not run again: it
  // proves the package, not a database, and ran once in `npm test`.
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.VERDICTS_CLUSTER_TESTS === '1' ? [] : ['/tests/cluster/']),
    ...(process.env.VERDICTS_SERVER_DATABASE_RUN === '1' ? ['/tests/package/'] : []),
  ],
  testSequencer: '<rootDir>/tests/helpers/testSequencer.js',
  testTimeout: 120_000,
  // How long a worker may take to exit once told to. Its event loop empties at once (its
  // 'exit' event fires within milliseconds: no handle, timer or socket is left), but the
  // process then tears down a heap of 1–2 GB after some twenty integration suites and the
  // SQLite handles libsql never releases (src/demo/sqliteTransactions.ts), which took
  // 0.7 s on the two-core machine; jest's default of 0.5 s then killed it and printed "A
  // worker process has failed to exit gracefully".
  workerGracefulExitTimeout: 5000,
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'es6' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
}

export default config
