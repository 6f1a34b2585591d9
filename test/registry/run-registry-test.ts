/**
 * `npm run test:registry`: the packages published and installed as a user gets them.
 *
 * 1. Starts a throwaway Verdaccio in this process, on 127.0.0.1 and a free port, with its
 *    storage in a temp folder and no uplinks (nothing it serves comes from elsewhere), and
 *    adds a user through the registry's own API to get a token.
 * 2. Copies the repository (the files git would commit) to a temp folder and runs the release
 *    path there: `npm run version-packages` (changesets give the version), then
 *    `npm run release` (check:packages, then `changeset publish`, whose `npm publish` builds
 *    each package in its prepack) against the throwaway registry.
 * 3. In a fresh project in another temp folder, installs @sip-endpoints/client, /validators
 *    and /mock-server by semver range from that registry (`@sip-endpoints:registry`; the
 *    project's other packages come from the npm registry), compiles
 *    test/registry/fixtures/registry-app with `tsc --strict` and runs it against the mock
 *    server started through its installed `sip-endpoints-mock` bin.
 *
 * Exits 1 at the first failing step, naming it. The registry, the bin and the temp folders
 * are stopped and removed whatever happens (KEEP_REGISTRY_DIR=1 keeps the folders).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runServer } from 'verdaccio';
import { REPO_ROOT } from '../../scripts/repo-root.ts';
import { run, step } from './process-steps.ts';

const SCOPE = '@sip-endpoints';
const APP_TEMPLATE = path.join(REPO_ROOT, 'test/registry/fixtures/registry-app');
/** What a user installs; the fourth package (types) comes along as their dependency. */
const INSTALLED = [`${SCOPE}/client`, `${SCOPE}/validators`, `${SCOPE}/mock-server`];
/** Registry packages the app needs besides ours, at the versions the workspace uses. */
const APP_DEV_DEPENDENCIES = ['typescript', '@types/node'];
const MOCK_BIN = 'sip-endpoints-mock';

/** Environment for every npm run here: quiet, and never provenance (only a CI can sign). */
const NPM_ENV = { NO_UPDATE_NOTIFIER: '1', npm_config_provenance: 'false', NPM_CONFIG_PROVENANCE: 'false' };

interface Registry {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Verdaccio with temp storage and no uplinks, on 127.0.0.1 and a port the system picks. */
async function startRegistry(dir: string): Promise<Registry> {
  const server: Server = await runServer({
    self_path: dir,
    storage: path.join(dir, 'storage'),
    auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: {},
    packages: { '**': { access: '$all', publish: '$authenticated', unpublish: '$authenticated' } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'error' },
  } as any);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  try {
    // npm's `adduser` request: the registry creates the user and answers with a token.
    const response = await fetch(`${url}-/user/org.couchdb.user:release`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'release', password: `release-${Math.random().toString(36).slice(2)}` }),
    });
    const answer = (await response.json()) as { token?: string };
    if (!response.ok || !answer.token) throw new Error(`adding a user to the registry answered ${response.status}: ${JSON.stringify(answer)}`);
    return { url, token: answer.token, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A copy of the repository to release from, so that versioning never touches the real tree:
 * the files git would commit, a git repository of its own (changesets tags each release),
 * and a node_modules of links into the real one, except the workspace's own packages, which
 * link to the copy's.
 */
async function copyForRelease(target: string): Promise<void> {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT);
  for (const file of listed.split('\0').filter(Boolean)) {
    await cp(path.join(REPO_ROOT, file), path.join(target, file), { recursive: true, verbatimSymlinks: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted but not yet staged
    });
  }
  const modules = path.join(target, 'node_modules');
  await mkdir(path.join(modules, SCOPE), { recursive: true });
  for (const entry of await readdir(path.join(REPO_ROOT, 'node_modules'))) {
    if (entry === SCOPE || entry === '.package-lock.json') continue;
    await symlink(path.join(REPO_ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  for (const entry of await readdir(path.join(REPO_ROOT, 'node_modules', SCOPE))) {
    const linked = await readFile(path.join(target, 'packages', entry, 'package.json'), 'utf8').then(
      () => true,
      () => false,
    );
    if (linked) await symlink(path.join('..', '..', 'packages', entry), path.join(modules, SCOPE, entry));
  }
  const git = { GIT_AUTHOR_NAME: 'release test', GIT_AUTHOR_EMAIL: 'release@example.org', GIT_COMMITTER_NAME: 'release test', GIT_COMMITTER_EMAIL: 'release@example.org' };
  await run('git', ['init', '-q', '-b', 'main'], target);
  await run('git', ['add', '-A'], target);
  await run('git', ['commit', '-q', '--no-verify', '--no-gpg-sign', '-m', 'release test'], target, git);
}

async function readVersions(root: string, names: readonly string[]): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const dir of await readdir(path.join(root, 'packages'))) {
    const manifest = JSON.parse(await readFile(path.join(root, 'packages', dir, 'package.json'), 'utf8'));
    if (names.includes(manifest.name)) versions[manifest.name] = manifest.version;
  }
  return versions;
}

/** A package's document on the registry: its versions, their tarballs' integrity, its dist-tags. */
async function packument(url: string, name: string): Promise<Record<string, any>> {
  const response = await fetch(`${url}${name.replace('/', '%2f')}`);
  if (!response.ok) throw new Error(`${name} is not on the throwaway registry (${response.status})`);
  return (await response.json()) as Record<string, any>;
}

/** Resolves with the bin's output once it has printed where it listens; rejects if it exits first. */
function outputUntilListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (/apiToken:\s*\S+/.test(output)) resolve(output);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${MOCK_BIN} exited with ${code} before printing its URL:\n${output}`)));
    child.once('error', reject);
  });
}

function printed(output: string, label: string): string {
  const value = new RegExp(`${label}:\\s*(\\S+)`).exec(output)?.[1];
  if (!value) throw new Error(`${MOCK_BIN} did not print its ${label}:\n${output}`);
  return value;
}

async function main(): Promise<number> {
  const rootManifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const work = await mkdtemp(path.join(os.tmpdir(), 'sip-registry-'));
  const release = path.join(work, 'release');
  const app = path.join(work, 'app');
  let registry: Registry | undefined;
  let mock: ChildProcess | undefined;
  try {
    console.log(`Registry test in ${work}`);
    registry = await step('start Verdaccio on 127.0.0.1 (temp storage, no uplinks)', () => startRegistry(path.join(work, 'registry')));
    const { url, token } = registry;
    const registryHost = url.replace(/^http:/, '');

    await step('copy the repository to release from', () => copyForRelease(release));
    await step('npm run version-packages (changesets give the version)', () => run('npm', ['run', 'version-packages'], release, NPM_ENV));
    const versions = await readVersions(release, INSTALLED);

    const publishConfig = path.join(work, 'publish.npmrc');
    await writeFile(publishConfig, `registry=${url}\n${registryHost}:_authToken=${token}\n`);
    const publishEnv = { ...NPM_ENV, npm_config_userconfig: publishConfig, npm_config_registry: url };
    await step('npm run release (check:packages, changeset publish)', () => run('npm', ['run', 'release'], release, publishEnv));
    for (const [name, version] of Object.entries(versions)) {
      const latest = (await packument(url, name))['dist-tags']?.latest;
      if (latest !== version) throw new Error(`${name}: the registry's latest is ${latest ?? 'missing'}, expected ${version}`);
    }

    await cp(APP_TEMPLATE, app, { recursive: true });
    const manifest = {
      name: 'sip-endpoints-registry-app',
      private: true,
      type: 'module',
      // Caret ranges, as `npm install <name>` writes them: the registry picks the version.
      dependencies: Object.fromEntries(Object.entries(versions).map(([name, version]) => [name, `^${version}`])),
      devDependencies: Object.fromEntries(APP_DEV_DEPENDENCIES.map((name) => [name, rootManifest.devDependencies[name]])),
    };
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // Only our scope comes from the throwaway registry; a user's own settings stay in force for the rest.
    await writeFile(path.join(app, '.npmrc'), `${SCOPE}:registry=${url}\n`);
    await step('npm install by semver range in a fresh project', () => run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app, NPM_ENV));
    await step('check each installed package is the one the registry holds', async () => {
      const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8'));
      for (const name of [...INSTALLED, `${SCOPE}/types`]) {
        const installed = lock.packages[`node_modules/${name}`];
        const published = await packument(url, name);
        const integrity = published.versions?.[installed?.version]?.dist?.integrity;
        if (!installed?.integrity || installed.integrity !== integrity) {
          throw new Error(`${name}@${installed?.version} is not the tarball the throwaway registry holds (${installed?.integrity} against ${integrity})`);
        }
      }
    });

    await step('tsc --strict (with a @ts-expect-error)', () => run(path.join(app, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--strict'], app));

    const output = await step(`start the mock through its bin: ${MOCK_BIN} --port 0`, () => {
      mock = spawn(path.join(app, 'node_modules/.bin', MOCK_BIN), ['--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
      return outputUntilListening(mock);
    });
    const mockEnv = { MOCK_BASE_URL: printed(output, 'baseUrl'), MOCK_PROJECT_ID: printed(output, 'projectId'), MOCK_API_TOKEN: printed(output, 'apiToken') };
    const result = await step('run the program against it', () => run(process.execPath, ['dist/main.js'], app, mockEnv));
    console.log(`    ${result.trim()}`);

    await step(`stop ${MOCK_BIN} (SIGTERM, exits 0)`, async () => {
      const exited = once(mock!, 'exit');
      mock!.kill('SIGTERM');
      const [code] = await exited;
      if (code !== 0) throw new Error(`${MOCK_BIN} exited with ${code} on SIGTERM`);
    });
    console.log(`✓ registry test passed (${Object.entries(versions).map(([name, version]) => `${name}@${version}`).join(', ')})`);
    return 0;
  } catch (error) {
    console.error(`✗ registry test failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    if (mock && mock.exitCode === null && mock.signalCode === null) mock.kill('SIGKILL');
    await registry?.close();
    if (process.env.KEEP_REGISTRY_DIR === '1') console.log(`(kept ${work})`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
