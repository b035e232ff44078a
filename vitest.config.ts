import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Sized for a shared, loaded 2-core machine: tests assert behaviour, never speed (speed is `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Database tests each open their own database; two workers fit 2 cores.
    pool: 'forks',
    maxWorkers: 2,
  },
});
