import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database tests each open their own database; two workers fit 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
