/**
 * `npm run check:breaking`: compares generated/openapi.json with the bundled spec of the last
 * release (the newest `spec-releases/<version>.json`) and lists what changed.
 *
 *   npm run check:breaking
 *   npm run check:breaking -- --baseline path/to/openapi.json    compare with another file
 *
 * Exit 1 when a change is breaking (see scripts/breaking/compare-specs.ts for the rules),
 * unless a pending changeset announces a breaking release (a major bump, or a minor one while
 * below 1.0.0): then the breaking changes are listed as intended and the exit is 0.
 * Non-breaking changes are listed for information.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { breakingReleaseAnnounced } from './breaking/acknowledged.ts';
import { compareSpecs, type SpecChange } from './breaking/compare-specs.ts';
import { latestBaseline, RELEASES_DIR } from './breaking/release-baseline.ts';
import { BUNDLED_SPEC_PATH } from './generate.ts';
import { listWorkspacePackages } from './packages/workspace-packages.ts';
import { runAsCli } from './run-as-cli.ts';
import { REPO_ROOT } from './repo-root.ts';

function formatChanges(changes: readonly SpecChange[], mark: string): string {
  return changes.map((c) => `  ${mark} ${c.subject}: ${c.message} [${c.kind}]`).join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const root = REPO_ROOT;
  const baselineArg = argv.indexOf('--baseline');
  let baselineFile: string;
  if (baselineArg >= 0) {
    if (!argv[baselineArg + 1]) throw new Error('--baseline needs a file');
    baselineFile = argv[baselineArg + 1]!;
  } else {
    const latest = await latestBaseline(root);
    if (!latest) {
      console.error(`✗ no release baseline in ${RELEASES_DIR}/: copy ${BUNDLED_SPEC_PATH} to ${RELEASES_DIR}/<released version>.json (see RELEASING.md)`);
      return 1;
    }
    baselineFile = latest.file;
  }
  const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(path.resolve(root, file), 'utf8'));
  console.log(`Comparing ${BUNDLED_SPEC_PATH} with ${baselineFile} …`);
  const changes = compareSpecs(await readJson(baselineFile), await readJson(BUNDLED_SPEC_PATH));
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const info = changes.filter((c) => c.severity === 'info');
  if (info.length > 0) console.log(`\nℹ ${info.length} non-breaking change(s):\n${formatChanges(info, '·')}`);
  if (breaking.length === 0) {
    console.log(`\n✓ no breaking changes${info.length === 0 ? ' (the spec is unchanged)' : ''}`);
    return 0;
  }
  const packages = await listWorkspacePackages(root);
  const version = packages[0]?.version ?? '0.0.0';
  const announced = await breakingReleaseAnnounced(root, packages.map((p) => p.name), version);
  if (announced) {
    console.log(`\n⚠ ${breaking.length} breaking change(s), announced by ${announced.file} (${announced.packageName}: ${announced.bump}):\n${formatChanges(breaking, '!')}`);
    return 0;
  }
  console.error(`\n✗ ${breaking.length} breaking change(s):\n${formatChanges(breaking, '✗')}`);
  console.error(
    `\nIf they are intended, add a changeset announcing a breaking release (\`npx changeset\`, ${version.startsWith('0.') ? 'minor or major while below 1.0.0' : 'major'}); otherwise change spec/ back.`,
  );
  return 1;
}

runAsCli(import.meta.url, 'check:breaking', main);
