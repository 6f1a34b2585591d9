/**
 * `npm run test:slow`: the suites too slow for `npm test`, named `*.slow.test.ts` (whole
 * `npm run generate` runs in subprocesses, watch mode, the scale of the pipeline). CI runs both.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import baseConfig from './vitest.config.ts';

export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    // Plus the validators' property tests again, with five times the cases of `npm test`.
    include: ['test/**/*.slow.test.ts', 'test/validators/differential-fuzz.test.ts', 'test/validators/never-throws.test.ts'],
    env: { ...baseConfig.test?.env, VALIDATORS_FUZZ_RUNS: process.env.VALIDATORS_FUZZ_RUNS ?? '10000' },
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    testTimeout: 180_000,
  },
});
