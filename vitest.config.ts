import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Mined repositories' files are data, never tests of ours.
    exclude: ['test/corpus/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn git and servers; two cores are shared, so keep parallelism modest.
    maxWorkers: 2,
  },
});
