import { defineConfig } from 'vitest/config';

// One runner for every tier. Database tests isolate themselves by creating their
// own utility (tenant), so files may run in parallel.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
