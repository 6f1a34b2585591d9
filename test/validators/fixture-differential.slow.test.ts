/**
 * The validators of the fixture spec `test/fixtures/multi-resource/` (three resources, every
 * type kind the model reads, a schema with two discriminators), generated into a temporary
 * folder and compared with Ajv 2020 compiled from the same bundle: the matrix built from the
 * model and fast-check bodies, for every object schema of the spec (every schema, enums too,
 * has its validators). `isX` must agree with the full check on every body.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicSchemaNames } from '../../scripts/emit/validators.ts';
import { objectSchema, readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { lintAndBundle } from '../../scripts/spec-check.ts';
import { compileSpecSchemas } from '../support/ajv.ts';
import { REPO_ROOT } from '../support/repo.ts';
import { type GeneratedModule, loadValidators } from './support/load-generated.ts';
import { bodyArbitrary, FUZZ_RUNS } from './support/model-arbitraries.ts';
import { matrix } from './support/model-samples.ts';
import { show } from './support/oracle.ts';

const FIXTURE = 'test/fixtures/multi-resource/openapi.yaml';

let model: ApiModel;
let module: GeneratedModule;
let ajv: ReturnType<typeof compileSpecSchemas>;
const names: string[] = [];
/** The object schemas among `names`: the matrix and the bodies are built for these. */
const objectNames: string[] = [];

beforeAll(async () => {
  const spec = JSON.parse(await lintAndBundle(REPO_ROOT, FIXTURE));
  model = readModel(spec);
  module = (await loadValidators(spec)).module;
  ajv = compileSpecSchemas(spec);
  names.push(...publicSchemaNames(model));
  objectNames.push(...names.filter((name) => model.schemas.some((s) => s.name === name && s.kind === 'object')));
}, 120_000);

function compare(name: string, body: unknown): { ours: boolean; ajv: boolean } {
  const issues = module[name]['~standard'].validate(body).issues;
  const is = module[`is${name}`](body);
  if (is !== (issues === undefined)) throw new Error(`is${name} says ${is}, the full check found ${issues?.length ?? 0} issue(s) in ${show(body)}`);
  const theirs = ajv(name)(body) === true;
  if (theirs !== (issues === undefined)) {
    throw new Error(`${name}: ours ${issues === undefined}, Ajv ${theirs} on ${show(body)}\nour issues: ${JSON.stringify(issues)}\nAjv: ${JSON.stringify(ajv(name).errors)}`);
  }
  return { ours: issues === undefined, ajv: theirs };
}

describe('the fixture spec with three resources', () => {
  it('has validators for every schema of the spec, several discriminators among them', () => {
    expect(names).toEqual(model.schemas.map((s) => s.name));
    expect(objectNames.length).toBeGreaterThanOrEqual(8);
    expect(objectNames.some((n) => objectSchema(model, n).handlerRules.length >= 2)).toBe(true);
    for (const name of names) {
      expect(typeof module[`is${name}`], name).toBe('function');
      expect(typeof module[`assert${name}`], name).toBe('function');
      expect(module[name].name, name).toBe(name);
    }
    // Enums: every value accepted, anything else rejected, as Ajv does.
    for (const schema of model.schemas.filter((s) => s.kind === 'enum')) {
      for (const value of [...schema.values, 'not-a-value', 7, null]) {
        const ours = module[schema.name]['~standard'].validate(value).issues === undefined;
        expect([ours, module[`is${schema.name}`](value)], `${schema.name}: ${String(value)}`).toEqual([ajv(schema.name)(value), ajv(schema.name)(value)]);
      }
    }
  });

  it('agrees with Ajv on the matrix of every schema, with the expected issue code', () => {
    for (const name of objectNames) {
      const { valid, broken } = matrix(model, objectSchema(model, name));
      for (const { title, body } of valid) expect(compare(name, body).ours, `${name}: ${title}`).toBe(true);
      for (const { title, body, code } of broken) {
        expect(compare(name, body).ours, `${name}: ${title}`).toBe(false);
        expect(module[name]['~standard'].validate(body).issues.map((i: { code: string }) => i.code), `${name}: ${title}`).toContain(code);
      }
    }
  });

  it(`agrees with Ajv on ${Math.floor(FUZZ_RUNS / 5)} generated bodies per schema`, () => {
    for (const name of objectNames) {
      let accepted = 0;
      fc.assert(
        fc.property(bodyArbitrary(model, objectSchema(model, name)), (body) => {
          if (compare(name, body).ours) accepted++;
        }),
        { numRuns: Math.floor(FUZZ_RUNS / 5) },
      );
      expect(accepted, `${name}: valid bodies`).toBeGreaterThan(0);
    }
  }, 600_000);
});
