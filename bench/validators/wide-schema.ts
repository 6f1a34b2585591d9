/**
 * The wide schemas: the bundled spec with many more fields in the SIP create and update
 * bodies (strings, integers with a minimum, booleans, in turn), their validators rendered by
 * the emitter into a temporary folder, so each benchmark process imports them as it would the
 * package. 74 extra fields make the 100-field schema; 1,000 make the widest.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderValidators } from '../../scripts/emit/validators.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import { REPO_ROOT } from '../../scripts/repo-root.ts';
import { wideName } from './bodies.ts';

export const WIDE_SCENARIOS = { wide100: 74, wide1000: 1_000 } as const;
export type WideScenario = keyof typeof WIDE_SCENARIOS;

function wideField(i: number): Record<string, unknown> {
  return i % 3 === 0 ? { type: 'string' } : i % 3 === 1 ? { type: 'integer', minimum: 0 } : { type: 'boolean' };
}

/** The wide spec of `scenario`. */
export function wideSpec(scenario: WideScenario): Record<string, any> {
  const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
  const properties = spec.components.schemas.SipEndpointFields.properties;
  for (let i = 0; i < WIDE_SCENARIOS[scenario]; i++) properties[wideName(i)] = wideField(i);
  return spec;
}

/**
 * Writes `scenario`'s spec and validators to `dir`: `openapi.json` and `validators.ts`, with a
 * `package.json` that makes the module ESM, as the package is: without it the loader compiles
 * the module to CommonJS, where every use of a runtime import reads a getter of the required
 * module, and the figure is no longer the package's.
 */
export function writeWideScenario(scenario: WideScenario, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const spec = wideSpec(scenario);
  const runtime = pathToFileURL(path.join(REPO_ROOT, 'packages/validators/src/runtime')).href;
  const source = renderValidators(readModel(spec), 'bench').replaceAll("from '../runtime/", `from '${runtime}/`);
  writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(spec));
  // An ES module, as in the package: without this, the loader would compile the file as
  // CommonJS, and every imported runtime function would be read through a getter.
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'validators.ts'), source);
}
