import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The browser tests (test/e2e) run the built extension UI: built once here, skipped when up to date.
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
