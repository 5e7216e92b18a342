import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    // The end-of-run summary: what each cassette replayed, recorded, left unused or missed.
    reporters: ['default', 'llm-cassette/vitest/reporter'],
    testTimeout: 30_000,
  },
});
