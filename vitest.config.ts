import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (see each package's "exports").
  resolve: { conditions: ['@sip-endpoints/source'] },
  ssr: { resolve: { conditions: ['@sip-endpoints/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need Chromium, which a fresh machine may lack: `npm run test:browser`.
    // Slow suites (generate subprocesses, watch mode) run with `npm run test:slow`.
    exclude: [...configDefaults.exclude, 'test/browser/**', '**/*.slow.test.ts'],
    // The validators' property tests run 2,000 cases each here; `npm run test:slow` runs them
    // with 10,000 and `npm run fuzz` with 200,000. A value set by hand wins.
    env: { VALIDATORS_FUZZ_RUNS: process.env.VALIDATORS_FUZZ_RUNS ?? '2000' },
    // One module graph per worker thread, shared by the test files it runs: loading the
    // packages, Ajv and the compilers once instead of once per file is most of the suite's
    // speed. So a test file must restore whatever global it changes (timers, env) in afterEach.
    pool: 'threads',
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
