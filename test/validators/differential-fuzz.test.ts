/**
 * Differential property test: fast-check bodies generated from the model, each validated by
 * our generated code and by Ajv 2020 compiled from generated/openapi.json. The verdicts must be
 * equal on every body; a disagreement fails with the body printed. 10,000 bodies per schema
 * here, more under `npm run fuzz` (VALIDATORS_FUZZ_RUNS).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { objectSchema } from '../../scripts/model/read-model.ts';
import { bodyArbitrary, FUZZ_RUNS } from './support/model-arbitraries.ts';
import { loadOracle, type Oracle, SCHEMA_NAMES, show, verdicts } from './support/oracle.ts';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

describe.each(SCHEMA_NAMES)('%s', (name) => {
  it(`agrees with Ajv on ${FUZZ_RUNS} generated bodies`, () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(bodyArbitrary(oracle.model, objectSchema(oracle.model, name)), (body) => {
        const { ours, ajv, issues } = verdicts(oracle, name, body);
        if (ours !== ajv) {
          throw new Error(`verdicts differ (ours ${ours}, Ajv ${ajv}) on ${show(body)}\nour issues: ${JSON.stringify(issues)}\nAjv: ${JSON.stringify(oracle.ajv(name).errors)}`);
        }
        if (ours) accepted++;
        else rejected++;
      }),
      { numRuns: FUZZ_RUNS },
    );
    // Both verdicts must be common, or the comparison says little.
    expect(accepted).toBeGreaterThan(FUZZ_RUNS / 20);
    expect(rejected).toBeGreaterThan(FUZZ_RUNS / 20);
  }, 600_000);
});
