import { defineConfig } from 'vitest/config';

/**
 * Real-browser tests (`node scripts/e2e.mjs`, which builds first). One file at a time: each
 * file starts its own Chromium/Firefox and the machine has 2 cores.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Browser tests fail for environmental reasons (a slow start on a busy machine) more than
    // unit tests do; one retry keeps the signal without hiding a test that always fails.
    retry: process.env.CI ? 1 : 0,
  },
});
