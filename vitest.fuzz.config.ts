/**
 * `npm run fuzz`: the validators' property tests with many more cases than `npm test`
 * (200,000 bodies or values per property instead of 10,000). The same test files read
 * VALIDATORS_FUZZ_RUNS; set it yourself to go further: `VALIDATORS_FUZZ_RUNS=1000000 npm run fuzz`.
 */
import { defineConfig } from 'vitest/config';
import baseConfig from './vitest.config.ts';

export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    // Replaces (not extends) the base include: only the validators' tests are fuzz tests.
    include: ['test/validators/**/*.test.ts'],
    env: { ...baseConfig.test?.env, VALIDATORS_FUZZ_RUNS: process.env.VALIDATORS_FUZZ_RUNS ?? '200000' },
    testTimeout: 3_600_000,
  },
});
