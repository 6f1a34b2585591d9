/**
 * Moving generated files into place (scripts/output.ts): stray files in generated folders are
 * stale, a run leaves no staging file behind, and a failed write changes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleFiles, writeFiles, type GeneratedOutput } from '../../scripts/output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sip-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const output: GeneratedOutput = {
  files: [
    { path: 'generated/openapi.json', contents: '{}\n' },
    { path: 'packages/types/src/generated/schemas.ts', contents: 'export type A = 1;\n' },
  ],
  ownedFolders: ['generated', 'packages/types/src/generated'],
};

function put(file: string, contents: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), contents);
}

describe('staleFiles', () => {
  it('lists missing and edited files, and stray files in every owned folder', async () => {
    expect(await staleFiles(root, output)).toEqual(['generated/openapi.json', 'packages/types/src/generated/schemas.ts']);
    await writeFiles(root, output);
    expect(await staleFiles(root, output)).toEqual([]);
    put('generated/stray.json', '{}');
    put('packages/types/src/generated/old.ts', '');
    put('packages/types/src/generated/schemas.ts.staging', '');
    put('packages/types/src/index.ts', '// hand-written, not in an owned folder');
    expect(await staleFiles(root, output)).toEqual([
      'generated/stray.json (no longer generated)',
      'packages/types/src/generated/old.ts (no longer generated)',
      'packages/types/src/generated/schemas.ts.staging (no longer generated)',
    ]);
  });
});

describe('writeFiles', () => {
  it('writes what changed, removes stray and leftover staging files, and leaves no staging file', async () => {
    put('generated/openapi.json', '{}\n');
    put('generated/docs/old.html', '');
    put('packages/types/src/generated/openapi.ts.4242.staging', 'from a killed run');
    const changed = await writeFiles(root, output);
    expect(changed.sort()).toEqual([
      'generated/docs/old.html (removed)',
      'packages/types/src/generated/openapi.ts.4242.staging (removed)',
      'packages/types/src/generated/schemas.ts',
    ]);
    expect(readFileSync(path.join(root, 'packages/types/src/generated/schemas.ts'), 'utf8')).toBe('export type A = 1;\n');
    expect(readdirSync(path.join(root, 'packages/types/src/generated'))).toEqual(['schemas.ts']);
    expect(await staleFiles(root, output)).toEqual([]);
  });

  it('changes nothing when one file cannot be written', async () => {
    put('generated/openapi.json', 'old\n');
    // A file where a folder should be: the second file cannot be staged.
    put('packages/types/src/generated', 'not a folder');
    await expect(writeFiles(root, output)).rejects.toThrow();
    expect(readFileSync(path.join(root, 'generated/openapi.json'), 'utf8')).toBe('old\n');
    expect(existsSync(path.join(root, 'generated/openapi.json.staging'))).toBe(false);
  });
});
