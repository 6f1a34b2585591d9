/**
 * The bundled spec of the last release: `spec-releases/<version>.json`, one file per released
 * version of the packages, written by the release step (see RELEASING.md).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const RELEASES_DIR = 'spec-releases';

const VERSION_FILE = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?\.json$/;

/** Orders `x.y.z[-pre]` versions as semver does (a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const match = VERSION_FILE.exec(`${v}.json`);
    if (!match) throw new Error(`not a version: ${v}`);
    return { numbers: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.numbers[i] !== y.numbers[i]) return x.numbers[i]! - y.numbers[i]!;
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

/** The newest baseline as `{version, file}` (file relative to root), or undefined if none. */
export async function latestBaseline(root: string): Promise<{ version: string; file: string } | undefined> {
  let names: string[];
  try {
    names = await readdir(path.join(root, RELEASES_DIR));
  } catch {
    return undefined;
  }
  const versions = names.filter((n) => VERSION_FILE.test(n)).map((n) => n.slice(0, -'.json'.length));
  const latest = versions.sort(compareVersions).at(-1);
  return latest === undefined ? undefined : { version: latest, file: `${RELEASES_DIR}/${latest}.json` };
}
