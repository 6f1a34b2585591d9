/**
 * A schema with more fields than one `switch` on names should hold: its checks find a key
 * through its length, then characters, then its name (see `writeFieldGroup`). Names of one
 * length that differ in one character, the empty name, one-letter names, `__proto__` and names
 * outside ASCII must each reach their own check, and every other key, of a field's length or
 * not, must still be unknown, as Ajv says.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { INLINE_BUCKETS_LIMIT, SWITCH_ON_NAMES_LIMIT } from '../../scripts/emit/validators/checks.ts';
import { objectSchema, readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { compileSpecSchemas } from '../support/ajv.ts';
import { readBundledSpec } from '../support/repo.ts';
import { type GeneratedModule, loadValidators } from './support/load-generated.ts';
import { bodyArbitrary, FUZZ_RUNS } from './support/model-arbitraries.ts';
import { show } from './support/oracle.ts';

// Not `constructor` or `toString`: Ajv reads those from Object.prototype (see ajv-differences.test.ts).
const ODD_NAMES = ['', 'a', 'b', 'ab', 'ba', '__proto__', 'ünïcode', '😀', 'x y', 'a\u0000b'];
const SCHEMA = 'CreateSipEndpointRequest';

/** The spec with `count` extra fields besides the odd names, its validators and Ajv's. */
async function wideSchema(count: number) {
  const spec = await readBundledSpec();
  const properties = spec.components.schemas.SipEndpointFields.properties;
  const extra = [...ODD_NAMES, ...Array.from({ length: count }, (_, i) => `extra_${i}`)];
  extra.forEach((name, i) => {
    const type = i % 3 === 0 ? { type: 'string', maxLength: 3 } : i % 3 === 1 ? { type: 'integer', minimum: 0 } : { type: 'boolean' };
    Object.defineProperty(properties, name, { value: type, enumerable: true, writable: true, configurable: true });
  });
  const { source, module } = await loadValidators(spec);
  return { model: readModel(spec), source, module, ajv: compileSpecSchemas(spec) };
}

// Past the first size the groups of names are `case`s of one function; past the second, functions of their own.
describe.each([SWITCH_ON_NAMES_LIMIT + 20, INLINE_BUCKETS_LIMIT + 20])('a schema with %i extra fields', (count) => {
  let model: ApiModel;
  let module: GeneratedModule;
  let ajv: ReturnType<typeof compileSpecSchemas>;
  let source: string;
  beforeAll(async () => {
    ({ model, source, module, ajv } = await wideSchema(count));
  });

  it('keeps every function small enough to optimise', () => {
    // The functions that check the wide schema's fields (the response schemas keep a plain switch).
    const functions = source.split('\nconst ').filter((f) => f.includes('"extra_'));
    const namesPerFunction = functions.map((f) => f.match(/^ *case "[^\n]*\n *field = object\[key\];$/gm)?.length ?? 0);
    expect(Math.max(...namesPerFunction)).toBeLessThanOrEqual(count > INLINE_BUCKETS_LIMIT ? 8 : INLINE_BUCKETS_LIMIT + 40);
  });

  it('checks each odd name with its own rule, and rejects its near misses as unknown', () => {
    for (const [i, name] of ODD_NAMES.entries()) {
      const wrong = i % 3 === 0 ? 'toolong' : i % 3 === 1 ? -1 : 'yes';
      const base = { username: 'alice', password: 'p' };
      const [issue] = module[SCHEMA]['~standard'].validate(Object.defineProperty({ ...base }, name, { value: wrong, enumerable: true })).issues;
      expect(issue.path, JSON.stringify(name)).toEqual([name]);
      expect(issue.code, JSON.stringify(name)).not.toBe('unknown_property');
      const near = module[SCHEMA]['~standard'].validate({ ...base, [`${name}_`]: 1 }).issues;
      expect(near.map((x: { code: string }) => x.code), JSON.stringify(name)).toEqual(['unknown_property']);
    }
  });

  it('rejects as unknown a key of a field\'s length that matches the field in all but one character', () => {
    const base = { username: 'alice', password: 'p' };
    for (const key of [`extra_${count}`, 'extrb_1', 'extra_1\u0000', 'c', 'bb', '😁']) {
      const issues = module[SCHEMA]['~standard'].validate({ ...base, [key]: 1 }).issues;
      expect(issues?.map((x: { code: string }) => x.code), JSON.stringify(key)).toEqual(['unknown_property']);
      expect(ajv(SCHEMA)({ ...base, [key]: 1 }), JSON.stringify(key)).toBe(false);
    }
  });

  it(`agrees with Ajv on ${Math.floor(FUZZ_RUNS / 20)} generated bodies`, () => {
    fc.assert(
      fc.property(bodyArbitrary(model, objectSchema(model, SCHEMA)), (body) => {
        const issues = module[SCHEMA]['~standard'].validate(body).issues;
        expect(module[`is${SCHEMA}`](body), show(body)).toBe(issues === undefined);
        const theirs = ajv(SCHEMA)(body) === true;
        expect(issues === undefined, `${show(body)}\nours: ${JSON.stringify(issues)}\nAjv: ${JSON.stringify(ajv(SCHEMA).errors)}`).toBe(theirs);
      }),
      { numRuns: Math.floor(FUZZ_RUNS / 20) },
    );
  });
});
