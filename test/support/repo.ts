/** Paths and helpers shared by the tests. */
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { REPO_ROOT } from '../../scripts/repo-root.ts';

export { REPO_ROOT };

export async function readBundledSpec(): Promise<Record<string, any>> {
  return JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
}

/** The committed bundled spec and the model read from it. */
export async function readBundledModel(): Promise<{ spec: Record<string, any>; model: ApiModel }> {
  const spec = await readBundledSpec();
  return { spec, model: readModel(spec) };
}

const NOT_COPIED = new Set(['node_modules', '.git', 'dist', 'test-results']);

/**
 * A throwaway copy of the repository (sources, spec, generated output) whose node_modules is
 * a link to the real one, so the pipeline can be run against a spec the test breaks on purpose
 * without touching the real tree. Call `remove()` when done.
 */
export async function copyRepo(): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sip-repo-'));
  await cp(REPO_ROOT, root, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.basename(source)) && !source.endsWith('.staging'),
  });
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
