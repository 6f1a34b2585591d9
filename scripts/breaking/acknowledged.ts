/**
 * Whether pending changesets announce a breaking release, which makes breaking spec changes
 * intended rather than accidental.
 *
 * A changeset (`.changeset/*.md`) starts with front matter naming packages and bump types:
 *
 *   ---
 *   "@sip-endpoints/types": major
 *   ---
 *
 * Semver lets a `0.x` release break on a minor bump, so while the packages are below 1.0.0
 * a `minor` bump announces a breaking release too; from 1.0.0 only `major` does.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const CHANGESET_DIR = '.changeset';

export interface Acknowledgement {
  /** The changeset file, relative to the repository root. */
  file: string;
  packageName: string;
  bump: 'major' | 'minor';
}

/** Package → bump pairs of one changeset's front matter. */
export function parseChangesetBumps(text: string): Map<string, string> {
  const bumps = new Map<string, string>();
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.trimStart());
  if (!frontMatter) return bumps;
  for (const line of frontMatter[1]!.split(/\r?\n/)) {
    const entry = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (entry) bumps.set(entry[1]!.trim(), entry[2]!);
  }
  return bumps;
}

/**
 * The first pending changeset that bumps one of `packageNames` enough to allow breaking
 * changes at `currentVersion`, or undefined.
 */
export async function breakingReleaseAnnounced(
  root: string,
  packageNames: readonly string[],
  currentVersion: string,
): Promise<Acknowledgement | undefined> {
  const breakingBumps = currentVersion.startsWith('0.') ? ['major', 'minor'] : ['major'];
  let names: string[];
  try {
    names = (await readdir(path.join(root, CHANGESET_DIR))).filter((n) => n.endsWith('.md') && n !== 'README.md').sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const bumps = parseChangesetBumps(await readFile(path.join(root, CHANGESET_DIR, name), 'utf8'));
    for (const packageName of packageNames) {
      const bump = bumps.get(packageName);
      if (bump && breakingBumps.includes(bump)) {
        return { file: `${CHANGESET_DIR}/${name}`, packageName, bump: bump as Acknowledgement['bump'] };
      }
    }
  }
  return undefined;
}
