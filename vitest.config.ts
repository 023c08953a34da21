import { defineConfig } from 'vitest/config';

// TEST_DB=pglite|postgres picks the database the *.db.test.ts suites run on (scripts/test.mjs runs both).
const suites = process.env.TEST_SUITES ?? 'all';
const include = {
  all: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
  db: ['src/**/*.db.test.ts'],
  e2e: ['e2e/**/*.e2e.test.ts'],
}[suites] ?? ['src/**/*.test.ts'];

export default defineConfig({
  test: {
    root: '.',
    include,
    pool: 'forks',
    maxWorkers: 2,
    // a browser test walks a whole flow through many pages on two shared cores: it gets three minutes
    testTimeout: suites === 'e2e' ? 180_000 : 60_000,
    hookTimeout: suites === 'e2e' ? 300_000 : 120_000,
    globalSetup: suites === 'e2e' ? ['src/testing/global-setup.ts', 'e2e/global-setup.ts'] : ['src/testing/global-setup.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: `test-results/${suites}-${process.env.TEST_DB ?? 'pglite'}.json` },
  },
});
