/**
 * The validators emitter: `packages/validators/src/generated/validators.ts`, the validators of
 * every schema of the spec, read from the model: for each object schema a yes-or-no test
 * (behind `isX`) and a full check (every issue), straight-line code; for each enum, its values.
 * How the code is written lives in `validators/`: `plan.ts` (which schemas, shared field
 * groups, names), `checks.ts` (the test and check functions), `module-parts.ts` (constants and
 * runtime imports), `literals.ts` (the only way a value of the spec becomes code) and
 * `render.ts` (the module).
 */
import type { Emitter, GeneratedFile } from './emitter.ts';
import { renderValidators } from './validators/render.ts';

export { renderValidators } from './validators/render.ts';
export { forbiddenClass } from './validators/module-parts.ts';
export { publicSchemaNames } from './validators/plan.ts';

export const VALIDATORS_DIR = 'packages/validators/src/generated';
export const VALIDATORS_PATH = `${VALIDATORS_DIR}/validators.ts`;

export const validatorsEmitter: Emitter = {
  name: 'validators',
  owns: [VALIDATORS_DIR],
  emit: ({ model, specHash }): GeneratedFile[] => [{ path: VALIDATORS_PATH, contents: renderValidators(model, specHash) }],
};
