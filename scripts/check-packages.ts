/**
 * `npm run check:packages`: builds every package, then checks what `npm pack` would publish.
 *
 *   npm run check:packages                               every package
 *   npm run check:packages -- @sip-endpoints/types       that package (and what it uses)
 *
 * For each package under packages/, in build order:
 * - publint --strict: package.json fields agree with the packed files (exports, types, files);
 *   warnings count as failures.
 * - attw --pack --profile esm-only (Are the Types Wrong?): every entry point resolves to
 *   JavaScript and to types that describe it, as TypeScript sees them under node16 (ESM) and
 *   bundler resolution.
 *
 * Why the esm-only profile: the packages are ESM only (`"type": "module"`, no `require`
 * condition), like their dependency openapi-fetch, and need Node 20.19+, where `require(esm)`
 * works. The profile ignores exactly two resolution modes: `node10` (TypeScript's legacy
 * `moduleResolution: node`, which ignores `exports`) and `node16-cjs` (a CommonJS file that
 * `require`s us, reported as "ESM (dynamic import only)"). No individual rule is ignored.
 */
import path from 'node:path';
import { buildPackages } from './build-packages.ts';
import { REPO_ROOT } from './repo-root.ts';
import type { WorkspacePackage } from './packages/workspace-packages.ts';
import { runTool } from './run-tool.ts';
import { runAsCli } from './run-as-cli.ts';

export interface PackageCheck {
  tool: string;
  ok: boolean;
  output: string;
}

/** The two checks of one package; each packs it on its own, so they run side by side. */
export async function checkPackage(root: string, pkg: WorkspacePackage): Promise<PackageCheck[]> {
  const dir = path.relative(root, pkg.dir);
  const runs = [
    { tool: 'publint', args: ['--strict', dir] },
    { tool: 'attw', args: ['--pack', dir, '--profile', 'esm-only', '--format', 'ascii', '--no-color'] },
  ];
  return Promise.all(
    runs.map(async ({ tool, args }) => {
      const result = await runTool(root, tool, args);
      return { tool, ok: result.code === 0, output: `${result.stdout}${result.stderr}`.trim() };
    }),
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

async function main(names: readonly string[]): Promise<number> {
  console.log('Building packages …');
  const packages = await buildPackages(REPO_ROOT, names, (line) => console.log(line));
  // Everything was just built. The checks pack every package at once, and a package's prepack
  // build would delete a dist/ that another pack is reading, so packing runs no scripts here.
  process.env.npm_config_ignore_scripts = 'true';
  console.log('\nChecking packed packages (publint --strict, attw --profile esm-only) …');
  const failed: string[] = [];
  // Every package is packed and checked at once; the reports are printed in build order.
  const reports = await Promise.all(packages.map((pkg) => checkPackage(REPO_ROOT, pkg)));
  for (const [index, pkg] of packages.entries()) {
    for (const check of reports[index]!) {
      console.log(`  ${check.ok ? '✓' : '✗'} ${pkg.name.padEnd(30)} ${check.tool}`);
      // A passing check's report is noise in a CI log; a failing one is the diagnosis.
      if (!check.ok) {
        console.log(indent(check.output));
        failed.push(`${pkg.name}: ${check.tool}`);
      }
    }
  }
  if (failed.length > 0) {
    console.error(`\n✗ ${failed.length} package check(s) failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  console.log(`\n✓ ${packages.length} packages pass publint and attw`);
  return 0;
}

runAsCli(import.meta.url, 'check:packages', main);
