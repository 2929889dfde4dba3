import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and servers; two cores are shared, so keep parallelism modest.
    maxWorkers: 2,
  },
});
