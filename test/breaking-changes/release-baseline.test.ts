/** Picking the newest spec-releases/<version>.json, and reading changesets that announce a breaking release. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { breakingReleaseAnnounced, parseChangesetBumps } from '../../scripts/breaking/acknowledged.ts';
import { compareVersions, latestBaseline } from '../../scripts/breaking/release-baseline.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sip-baseline-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function files(dir: string, names: Record<string, string>): Promise<void> {
  await mkdir(path.join(root, dir), { recursive: true });
  for (const [name, text] of Object.entries(names)) await writeFile(path.join(root, dir, name), text);
}

describe('latestBaseline', () => {
  it('orders versions numerically, a pre-release before its release', () => {
    const sorted = ['0.10.0', '0.2.0', '1.0.0', '1.0.0-rc.2', '1.0.0-rc.10', '0.2.1'].sort(compareVersions);
    expect(sorted).toEqual(['0.2.0', '0.2.1', '0.10.0', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0']);
  });

  it('returns the newest version file and ignores other files', async () => {
    await files('spec-releases', { '0.9.0.json': '{}', '0.10.0.json': '{}', 'notes.md': '', 'latest.json': '{}' });
    expect(await latestBaseline(root)).toEqual({ version: '0.10.0', file: 'spec-releases/0.10.0.json' });
  });

  it('returns undefined when there is no baseline', async () => {
    expect(await latestBaseline(root)).toBeUndefined();
  });

  it('finds the committed 0.1.0 baseline', async () => {
    const { REPO_ROOT } = await import('../support/repo.ts');
    expect((await latestBaseline(REPO_ROOT))?.file).toMatch(/^spec-releases\/\d+\.\d+\.\d+\.json$/);
  });
});

describe('breakingReleaseAnnounced', () => {
  const changeset = (bumps: string) => `---\n${bumps}\n---\n\nWhat changed.\n`;
  const names = ['@sip-endpoints/types', '@sip-endpoints/client'];

  it('reads package → bump pairs from the front matter only', () => {
    const bumps = parseChangesetBumps(`---\n"@sip-endpoints/types": minor\n'@sip-endpoints/client': patch\n---\n\n"x": major\n`);
    expect([...bumps]).toEqual([['@sip-endpoints/types', 'minor'], ['@sip-endpoints/client', 'patch']]);
  });

  it.each([
    ['a major bump, at 1.x', '"@sip-endpoints/client": major', '1.2.0', true],
    ['a minor bump, at 1.x', '"@sip-endpoints/client": minor', '1.2.0', false],
    ['a minor bump, at 0.x', '"@sip-endpoints/types": minor', '0.1.0', true],
    ['a patch bump, at 0.x', '"@sip-endpoints/types": patch', '0.1.0', false],
    ['a major bump of another package', '"left-pad": major', '0.1.0', false],
  ])('%s announces a breaking release: %s', async (_title, bumps, version, expected) => {
    await files('.changeset', { 'brave-cats.md': changeset(bumps), 'README.md': changeset('"@sip-endpoints/types": major') });
    expect(Boolean(await breakingReleaseAnnounced(root, names, version))).toBe(expected);
  });

  it('names the changeset that announces it', async () => {
    await files('.changeset', { 'brave-cats.md': changeset('"@sip-endpoints/types": major') });
    expect(await breakingReleaseAnnounced(root, names, '0.1.0')).toEqual({ file: '.changeset/brave-cats.md', packageName: '@sip-endpoints/types', bump: 'major' });
  });
});
