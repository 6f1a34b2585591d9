/**
 * Every component schema of the spec, objects and enums alike, has its validators under its
 * own name: the Standard Schema object `X`, `isX` and `assertX`. Object schemas that no
 * operation sends or returns (a schema another one `allOf`s, a nested object, an error body)
 * are checked like the others: the matrix built from the model against Ajv 2020, and `isX`
 * against the full check on every body.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as validators from '@sip-endpoints/validators';
import { ValidationError, type SipEndpointsSchema, type ValidationIssue } from '@sip-endpoints/validators';
import { objectSchema } from '../../scripts/model/read-model.ts';
import type { EnumModel } from '../../scripts/model/types.ts';
import { bodyArbitrary } from './support/model-arbitraries.ts';
import { matrix } from './support/model-samples.ts';
import { loadOracle, type Oracle, show } from './support/oracle.ts';

const exports = validators as unknown as Record<string, unknown>;

let oracle: Oracle;
beforeAll(async () => {
  oracle = await loadOracle();
});

/** Our verdict (the full check and `isX`, which must agree) and Ajv's, for schema `name`. */
function verdicts(name: string, body: unknown): { ours: boolean; ajv: boolean; issues: readonly ValidationIssue[] | undefined } {
  const issues = (exports[name] as SipEndpointsSchema<unknown>)['~standard'].validate(body).issues;
  const is = (exports[`is${name}`] as (value: unknown) => boolean)(body);
  if (is !== (issues === undefined)) throw new Error(`is${name} says ${is} but the full check found ${issues?.length ?? 0} issue(s) in ${show(body)}`);
  return { ours: issues === undefined, ajv: oracle.ajv(name)(body) === true, issues };
}

describe('the validators of every component schema', () => {
  it('are exported under the schema names, for objects and enums alike', () => {
    const names = oracle.model.schemas.map((s) => s.name);
    expect(names.length).toBe(Object.keys(oracle.spec.components.schemas).length);
    expect(oracle.model.schemas.some((s) => s.kind === 'enum')).toBe(true);
    for (const name of names) {
      expect(typeof (exports[name] as SipEndpointsSchema<unknown>)?.['~standard']?.validate, name).toBe('function');
      expect((exports[name] as SipEndpointsSchema<unknown>).name, name).toBe(name);
      expect(typeof exports[`is${name}`], `is${name}`).toBe('function');
      expect(typeof exports[`assert${name}`], `assert${name}`).toBe('function');
    }
  });

  it('agree with Ajv on the matrix of every object schema, with the expected issue code', () => {
    for (const schema of oracle.model.schemas.filter((s) => s.kind === 'object')) {
      const { valid, broken } = matrix(oracle.model, objectSchema(oracle.model, schema.name));
      expect(valid.length + broken.length, schema.name).toBeGreaterThan(0);
      for (const { title, body } of valid) {
        const { ours, ajv } = verdicts(schema.name, body);
        expect([ours, ajv], `${schema.name}: "${title}": ${show(body)}`).toEqual([true, true]);
      }
      for (const { title, body, code } of broken) {
        const { ours, ajv, issues } = verdicts(schema.name, body);
        expect([ours, ajv], `${schema.name}: "${title}": ${show(body)}`).toEqual([false, false]);
        expect(issues!.map((i) => i.code), `${schema.name}: "${title}"`).toContain(code);
      }
    }
  });

  it('agree with Ajv on generated bodies of every object schema', () => {
    for (const schema of oracle.model.schemas.filter((s) => s.kind === 'object')) {
      fc.assert(
        fc.property(bodyArbitrary(oracle.model, objectSchema(oracle.model, schema.name)), (body) => {
          const { ours, ajv } = verdicts(schema.name, body);
          if (ours !== ajv) throw new Error(`${schema.name}: ours ${ours}, Ajv ${ajv} on ${show(body)}`);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('accept exactly the values of an enum, and say which ones when a value is not one', () => {
    const enums = oracle.model.schemas.filter((s): s is EnumModel => s.kind === 'enum');
    for (const schema of enums) {
      for (const value of schema.values) {
        expect(verdicts(schema.name, value), `${schema.name}: ${value}`).toEqual({ ours: true, ajv: true, issues: undefined });
        expect(() => (exports[`assert${schema.name}`] as (value: unknown) => void)(value)).not.toThrow();
      }
      for (const value of ['not-a-value', schema.values[0]!.toUpperCase() + '!', 1, null, undefined, {}, [schema.values[0]]]) {
        const { ours, ajv, issues } = verdicts(schema.name, value);
        expect([ours, ajv], `${schema.name}: ${show(value)}`).toEqual([false, false]);
        expect(issues).toHaveLength(1);
        expect(issues![0]).toMatchObject({ code: typeof value === 'string' ? 'invalid_enum' : 'invalid_type', path: [], specPointer: `${schema.pointer}/enum`, allowed: schema.values });
        expect(issues![0]!.message.startsWith(`value must be one of '${schema.values[0]}'`), issues![0]!.message).toBe(true);
      }
    }
    const { issues } = validators.Encryption['~standard'].validate('always');
    expect(issues![0]!.message).toBe("value must be one of 'default', 'required', 'optional', got 'always'");
    expect(() => validators.assertCallHandler('nope')).toThrow(ValidationError);
  });
});
