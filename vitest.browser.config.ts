import { defineConfig } from 'vitest/config';

// `npm run test:browser`: tests that drive Debian's Chromium (/usr/bin/chromium). Kept out of
// `npm test` (vitest.config.ts excludes test/browser) because a fresh machine may lack
// Chromium; `.ci/run` installs it first.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    // One browser, one page, driven step by step: the tests of a file run in order.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
