/**
 * The generated files against the tree: which are stale (`--check`), and moving a new set into
 * place, all or nothing.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedFile } from './emit/emitter.ts';

export const STAGING_SUFFIX = '.staging';

/** What a run produced: its files, and the folders in which nothing else may live. */
export interface GeneratedOutput {
  files: readonly GeneratedFile[];
  ownedFolders: readonly string[];
}

async function readOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every file under `folder` (relative to `root`, forward slashes); none when it does not exist. */
export async function listFiles(root: string, folder: string): Promise<string[]> {
  try {
    const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

/** Files in owned folders that no step produced, each once. */
async function strayFiles(root: string, output: GeneratedOutput): Promise<string[]> {
  const produced = new Set(output.files.map((f) => f.path));
  const stray = new Set<string>();
  for (const folder of output.ownedFolders) {
    for (const file of await listFiles(root, folder)) if (!produced.has(file)) stray.add(file);
  }
  return [...stray];
}

/** Files whose contents under `root` differ from `output`, plus stray files in owned folders. */
export async function staleFiles(root: string, output: GeneratedOutput): Promise<string[]> {
  const stale: string[] = [];
  for (const file of output.files) {
    if ((await readOrUndefined(path.join(root, file.path))) !== file.contents) stale.push(file.path);
  }
  for (const file of await strayFiles(root, output)) stale.push(`${file} (no longer generated)`);
  return stale.sort();
}

/**
 * Moves the files into place under `root`. Every changed file is first written beside its
 * target as `*.staging`; only when all are written are they renamed over their targets, so a
 * failure while writing (a full disk) changes nothing, and a reader never sees half a file.
 * Stray files in owned folders, including staging files a killed run left, are removed.
 * Callers hold the generate lock, so no other run is staging at the same time.
 */
export async function writeFiles(root: string, output: GeneratedOutput): Promise<string[]> {
  const changed: string[] = [];
  const staged: [string, string][] = [];
  try {
    for (const file of output.files) {
      const target = path.join(root, file.path);
      if ((await readOrUndefined(target)) === file.contents) continue;
      await mkdir(path.dirname(target), { recursive: true });
      const staging = `${target}${STAGING_SUFFIX}`;
      staged.push([staging, target]);
      await writeFile(staging, file.contents);
      changed.push(file.path);
    }
  } catch (error) {
    await Promise.all(staged.map(([staging]) => rm(staging, { force: true })));
    throw error;
  }
  for (const [staging, target] of staged) await rename(staging, target);
  for (const file of await strayFiles(root, output)) {
    await rm(path.join(root, file), { force: true });
    changed.push(`${file} (removed)`);
  }
  return changed;
}
