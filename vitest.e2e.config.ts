// Browser tests: the built extension in real Chromium and Firefox ESR against the sandbox.
// One file at a time (each launches a browser); generous timeouts for cold browser starts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
