/**
 * Renders the validators module for any bundled spec and imports it, so that tests can run
 * the code the emitter writes for specs other than the committed one (a broken pattern, a
 * fixture with more resources). The module is written to a temporary folder with its runtime
 * imports pointed at the package's runtime, then imported as any TypeScript file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readModel } from '../../../scripts/model/read-model.ts';
import { renderValidators } from '../../../scripts/emit/validators.ts';
import { REPO_ROOT } from '../../support/repo.ts';

const RUNTIME_DIR = path.join(REPO_ROOT, 'packages/validators/src/runtime');

/** The exports of a generated validators module, by name. */
export type GeneratedModule = Record<string, any>;

/** `source`, a rendered module, with its relative runtime imports made absolute. */
export function withAbsoluteImports(source: string): string {
  return source.replaceAll("from '../runtime/", `from '${pathToFileURL(RUNTIME_DIR).href}/`);
}

/** Imports the module `source` (rendered validators) from a temporary file. */
export async function importRendered(source: string): Promise<GeneratedModule> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'validators-'));
  const file = path.join(dir, 'validators.ts');
  try {
    // An ES module, as in the package (without it the file would load as CommonJS).
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    await writeFile(file, withAbsoluteImports(source));
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as GeneratedModule;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Renders the validators of `spec` (a bundled OpenAPI document) and imports them. */
export async function loadValidators(spec: Record<string, unknown>): Promise<{ source: string; module: GeneratedModule }> {
  const source = await renderValidators(readModel(spec), 'test');
  return { source, module: await importRendered(source) };
}
