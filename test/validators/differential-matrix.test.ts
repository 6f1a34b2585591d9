/**
 * The differential matrix: bodies generated from the model (for every handler: minimal valid,
 * each alternative, each required field missing, each enum / format / pattern broken, a
 * foreign-handler field, unknown fields, nulls, undefined values) checked against Ajv 2020
 * compiled from generated/openapi.json. Our verdict must equal Ajv's on every case, and a
 * rejected body must carry the issue code the case is about.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { objectSchema } from '../../scripts/model/read-model.ts';
import { matrix } from './support/model-samples.ts';
import { loadOracle, type Oracle, SCHEMA_NAMES, show, verdicts } from './support/oracle.ts';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

describe.each(SCHEMA_NAMES)('%s', (name) => {
  it('accepts every valid body of the matrix, as Ajv does', () => {
    const { valid } = matrix(oracle.model, objectSchema(oracle.model, name));
    expect(valid.length).toBeGreaterThan(10);
    for (const { title, body } of valid) {
      const { ours, ajv, issues } = verdicts(oracle, name, body);
      expect(ajv, `Ajv rejects "${title}": ${show(body)}`).toBe(true);
      expect(ours, `we reject "${title}": ${show(body)}\n${JSON.stringify(issues, null, 2)}`).toBe(true);
    }
  });

  it('rejects every broken body of the matrix, as Ajv does, with the expected issue code', () => {
    const { broken } = matrix(oracle.model, objectSchema(oracle.model, name));
    expect(broken.length).toBeGreaterThan(20);
    for (const { title, body, code } of broken) {
      const { ours, ajv, issues } = verdicts(oracle, name, body);
      expect(ajv, `Ajv accepts "${title}": ${show(body)}`).toBe(false);
      expect(ours, `we accept "${title}": ${show(body)}`).toBe(false);
      expect(issues!.map((i) => i.code), `"${title}": ${show(body)}`).toContain(code);
    }
  });
});

describe('the matrix covers every handler rule', () => {
  it('has a missing-field case for every handler that requires one, in create and update', () => {
    for (const name of ['CreateSipEndpointRequest', 'UpdateSipEndpointRequest'] as const) {
      const schema = objectSchema(oracle.model, name);
      const { broken } = matrix(oracle.model, schema);
      for (const rule of schema.handlerRules[0]!.rules.filter((r) => r.alternatives.length > 0)) {
        expect(broken.some((c) => c.code === 'required_for_handler' && c.title.startsWith(`${rule.handler}:`)), `${name} ${rule.handler}`).toBe(true);
      }
    }
  });
});
