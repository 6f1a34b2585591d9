/**
 * `npm pack` ships a build even when nothing was built before: each package's prepack builds
 * it. The packed tarballs are then installed in a fresh project (offline: nothing else is
 * needed) and imported, as a user would.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.ts';

const exec = promisify(execFile);
const PACKED = ['types', 'validators'];

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'sip-prepack-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe('npm pack without a prior build', () => {
  it('builds each package in its prepack, and the tarballs install and import', async () => {
    const tarballs: string[] = [];
    for (const name of PACKED) {
      const dir = path.join(REPO_ROOT, 'packages', name);
      await rm(path.join(dir, 'dist'), { recursive: true, force: true });
      const { stdout } = await exec('npm', ['pack', '--json', '--pack-destination', work], { cwd: dir, env: { ...process.env, npm_config_ignore_scripts: 'false' } });
      // The prepack's own output comes before npm's JSON report.
      const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as PackResult[];
      const files = packed!.files.map((f) => f.path);
      expect(files, name).toContain('dist/index.js');
      expect(files, name).toContain('dist/index.d.ts');
      tarballs.push(path.join(work, packed!.filename));
    }

    const app = path.join(work, 'app');
    await mkdir(app);
    await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'prepack-app', private: true, type: 'module' }));
    await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs], { cwd: app });
    const { stdout } = await exec(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('@sip-endpoints/validators'); console.log(Object.keys(m).length)"],
      { cwd: app },
    );
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  }, 240_000);
});
