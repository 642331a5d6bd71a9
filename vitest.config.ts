import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // the browser's i18n.getMessage, reading locales/en.yml (WXT's fake browser has none)
    setupFiles: ['tests/i18n/setup.ts'],
    env: { BROWSER: 'chrome', MANIFEST_VERSION: '3' },
    testTimeout: 20_000,
  },
});
