/**
 * `npm run test:consumer`: the packages as a customer gets them.
 *
 * 1. Packs every package with `npm pack` (what `npm publish` would upload; each package's
 *    prepack builds it).
 * 2. Creates a project in the system temp folder, outside the workspace (so nothing resolves
 *    to the workspace's node_modules or sources), and `npm install`s the tarballs there, plus
 *    typescript, @types/node and @standard-schema/spec from the registry.
 * 3. Compiles test/consumer/fixtures/consumer-app with `tsc --strict --module nodenext`; its
 *    `@ts-expect-error` must be needed (a create body missing its handler's field).
 * 4. Runs it: mock server, then create, retrieve, list, update, delete through the client,
 *    and validation through a generic Standard Schema consumer.
 *
 * Exits 1 at the first failing step, naming it. The temp folder is removed unless
 * KEEP_CONSUMER_DIR=1.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildOrder, listWorkspacePackages } from '../../scripts/packages/workspace-packages.ts';
import { REPO_ROOT } from '../../scripts/repo-root.ts';
import { run, step } from '../registry/process-steps.ts';

const APP_TEMPLATE = path.join(REPO_ROOT, 'test/consumer/fixtures/consumer-app');

/** Registry packages the consumer needs besides ours, at the versions the workspace uses. */
const REGISTRY_DEV_DEPENDENCIES = ['typescript', '@types/node', '@standard-schema/spec'];

async function main(): Promise<number> {
  const rootManifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const work = await mkdtemp(path.join(os.tmpdir(), 'sip-consumer-'));
  const tarballs = path.join(work, 'tarballs');
  const app = path.join(work, 'app');
  try {
    console.log(`Consumer test in ${work}`);
    const packages = buildOrder(await listWorkspacePackages(REPO_ROOT));
    await mkdir(tarballs);
    const packed = await step('npm pack each package (its prepack builds it)', async () => {
      const files: Record<string, string> = {};
      for (const pkg of packages) {
        const output = await run('npm', ['pack', '--json', '--pack-destination', tarballs], pkg.dir);
        // The prepack's own output comes before npm's JSON report.
        const [info] = JSON.parse(output.slice(output.indexOf('[\n')));
        files[pkg.name] = path.join(tarballs, info.filename);
      }
      return files;
    });

    await cp(APP_TEMPLATE, app, { recursive: true });
    const devDependencies = Object.fromEntries(REGISTRY_DEV_DEPENDENCIES.map((name) => [name, rootManifest.devDependencies[name]]));
    const manifest = {
      name: 'sip-endpoints-consumer',
      private: true,
      type: 'module',
      // Every package from its tarball; the ranges between them (^0.1.0) are met by these.
      dependencies: Object.fromEntries(Object.entries(packed).map(([name, file]) => [name, `file:${file}`])),
      devDependencies,
    };
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await step('npm install the tarballs (and typescript) in a fresh project', () =>
      run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], app),
    );
    await step('tsc --strict --module nodenext (with a @ts-expect-error)', () =>
      run(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict', '--module', 'nodenext'], app),
    );
    const output = await step('run it against the mock server', () => run(process.execPath, ['dist/main.js'], app));
    console.log(`    ${output.trim()}`);
    console.log('✓ consumer test passed');
    return 0;
  } catch (error) {
    console.error(`✗ consumer test failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (process.env.KEEP_CONSUMER_DIR === '1') console.log(`(kept ${work})`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
