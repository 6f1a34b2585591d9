/**
 * Records the bundled spec of a release: copies generated/openapi.json to
 * `spec-releases/<version>.json`, the baseline `npm run check:breaking` compares against.
 *
 *   tsx scripts/record-release-spec.ts       (run by `npm run version-packages`, after `changeset version`)
 *
 * The version is the packages' version, which the `fixed` changeset group keeps equal for all
 * of them. A released spec never changes: if the file exists with other contents, this fails.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RELEASES_DIR } from './breaking/release-baseline.ts';
import { BUNDLED_SPEC_PATH } from './generate.ts';
import { listWorkspacePackages } from './packages/workspace-packages.ts';
import { REPO_ROOT } from './repo-root.ts';

async function main(): Promise<number> {
  const root = REPO_ROOT;
  const packages = await listWorkspacePackages(root);
  const versions = [...new Set(packages.map((p) => p.version))];
  if (versions.length !== 1) {
    console.error(`✗ the packages have different versions (${packages.map((p) => `${p.name}@${p.version}`).join(', ')}); .changeset/config.json should keep them fixed together`);
    return 1;
  }
  const target = `${RELEASES_DIR}/${versions[0]}.json`;
  const spec = await readFile(path.join(root, BUNDLED_SPEC_PATH), 'utf8');
  const existing = await readFile(path.join(root, target), 'utf8').catch(() => undefined);
  if (existing === spec) {
    console.log(`✓ ${target} already records this spec`);
    return 0;
  }
  if (existing !== undefined) {
    console.error(`✗ ${target} exists with another spec; a released version's spec must not change. Bump the version instead.`);
    return 1;
  }
  await writeFile(path.join(root, target), spec);
  console.log(`✓ recorded ${BUNDLED_SPEC_PATH} as ${target}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
