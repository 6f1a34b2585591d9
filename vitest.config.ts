import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (see each package's "exports").
  resolve: { conditions: ['@sip-endpoints/source'] },
  ssr: { resolve: { conditions: ['@sip-endpoints/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need Chromium, which a fresh machine may lack: `npm run test:browser`.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
