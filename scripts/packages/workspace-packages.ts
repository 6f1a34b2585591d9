/**
 * The publishable packages of the workspace (`packages/*`), and the order to build them in.
 *
 * A package's published `.d.ts` imports its workspace dependencies by name and resolves them
 * to their built `dist/`, so a dependency must be built before the packages that use it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** Names of the other workspace packages it depends on (dependencies and peers). */
  workspaceDependencies: string[];
}

export async function listWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const packagesDir = path.join(root, 'packages');
  const entries = await readdir(packagesDir, { withFileTypes: true });
  const manifests: { dir: string; json: Record<string, any> }[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(packagesDir, entry.name);
    try {
      manifests.push({ dir, json: JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // not a package
      throw error;
    }
  }
  const names = new Set(manifests.map((m) => String(m.json.name)));
  return manifests.map(({ dir, json }) => ({
    name: String(json.name),
    version: String(json.version),
    dir,
    workspaceDependencies: Object.keys({ ...json.dependencies, ...json.peerDependencies })
      .filter((dep) => names.has(dep))
      .sort(),
  }));
}

/** Dependencies first; ties broken by name so that the order never changes between runs. */
export function buildOrder(packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.name, p]));
  const ordered: WorkspacePackage[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (pkg: WorkspacePackage, chain: string[]): void => {
    if (state.get(pkg.name) === 'done') return;
    if (state.get(pkg.name) === 'visiting') {
      throw new Error(`workspace packages depend on each other in a cycle: ${[...chain, pkg.name].join(' → ')}`);
    }
    state.set(pkg.name, 'visiting');
    for (const dep of pkg.workspaceDependencies) visit(byName.get(dep)!, [...chain, pkg.name]);
    state.set(pkg.name, 'done');
    ordered.push(pkg);
  };
  for (const pkg of [...packages].sort((a, b) => a.name.localeCompare(b.name))) visit(pkg, []);
  return ordered;
}

/**
 * The named packages and everything they depend on, in build order. No names: all of them.
 * Unknown names are an error, so a typo does not silently check nothing.
 */
export function withDependencies(ordered: readonly WorkspacePackage[], names: readonly string[]): WorkspacePackage[] {
  if (names.length === 0) return [...ordered];
  const byName = new Map(ordered.map((p) => [p.name, p]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) throw new Error(`no workspace package named ${unknown.join(', ')} (known: ${[...byName.keys()].join(', ')})`);
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    byName.get(name)!.workspaceDependencies.forEach(add);
  };
  names.forEach(add);
  return ordered.filter((p) => wanted.has(p.name));
}
