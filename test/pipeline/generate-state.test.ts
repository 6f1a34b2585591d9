/**
 * What generate remembers between runs (scripts/generate-state.ts): the stamp that lets a run
 * with nothing to do stop at once, and the lock that keeps two runs off one tree.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsDigest, isUpToDate, stateDir, takeLock, writeStamp, type RunPlace } from '../../scripts/generate-state.ts';

let place: RunPlace;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'sip-generate-state-'));
  const root = path.join(folder, 'repo');
  for (const dir of ['spec', 'scripts', 'packages/types/src', 'out/generated']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'packages/types/src/index.ts'), 'export {};\n');
  writeFileSync(path.join(root, 'spec/openapi.yaml'), 'openapi: 3.1.0\n');
  writeFileSync(path.join(root, 'scripts/generate.ts'), '// the generator\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  place = { root, specDir: path.join(root, 'spec'), outRoot: path.join(root, 'out') };
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const OUTPUT = [{ path: 'generated/a.json', contents: '{"a":1}\n' }];

function recordRun(): string {
  const inputs = inputsDigest(place);
  writeFileSync(path.join(place.outRoot, OUTPUT[0]!.path), OUTPUT[0]!.contents);
  writeStamp(place, inputs, OUTPUT, ['generated']);
  return inputs;
}

describe('the stamp of the last run', () => {
  it('is missing before the first run', () => {
    expect(isUpToDate(place, inputsDigest(place))).toBe(false);
  });

  it('says up to date when inputs and outputs are as the last run left them', () => {
    recordRun();
    expect(isUpToDate(place, inputsDigest(place))).toBe(true);
  });

  it.each([
    ['a spec file', 'spec/paths/new.yaml'],
    ['a script', 'scripts/generate.ts'],
    ['the lockfile', 'package-lock.json'],
    ["a package's hand-written source", 'packages/types/src/index.ts'],
  ])('is out of date when %s changes', (_what, file) => {
    recordRun();
    mkdirSync(path.dirname(path.join(place.root, file)), { recursive: true });
    writeFileSync(path.join(place.root, file), 'changed\n');
    expect(isUpToDate(place, inputsDigest(place))).toBe(false);
  });

  it('is out of date when a generated file was edited or deleted, or a stray file appeared', () => {
    const inputs = recordRun();
    const output = path.join(place.outRoot, OUTPUT[0]!.path);
    writeFileSync(output, '{"a":2}\n');
    expect(isUpToDate(place, inputs)).toBe(false);
    rmSync(output);
    expect(isUpToDate(place, inputs)).toBe(false);
    writeFileSync(output, OUTPUT[0]!.contents);
    expect(isUpToDate(place, inputs)).toBe(true);
    writeFileSync(path.join(place.outRoot, 'generated/stray.json'), '{}');
    expect(isUpToDate(place, inputs)).toBe(false);
  });

  it('does not count generated, installed or built files as inputs', () => {
    const before = inputsDigest(place);
    for (const file of ['packages/types/src/generated/schemas.ts', 'packages/types/dist/index.js', 'packages/types/node_modules/x/index.js', 'spec/generated/openapi.json']) {
      mkdirSync(path.dirname(path.join(place.root, file)), { recursive: true });
      writeFileSync(path.join(place.root, file), 'output\n');
    }
    expect(inputsDigest(place)).toBe(before);
  });

  it('is kept per output tree', () => {
    recordRun();
    const other = { ...place, outRoot: path.join(place.root, 'elsewhere') };
    expect(stateDir(other)).not.toBe(stateDir(place));
    expect(isUpToDate(other, inputsDigest(other))).toBe(false);
  });
});

describe('the generate lock', () => {
  it('lets one run in at a time, and the next after release', () => {
    const first = takeLock(place);
    expect('release' in first).toBe(true);
    expect(takeLock(place)).toEqual({ heldBy: process.pid });
    (first as { release(): void }).release();
    const next = takeLock(place);
    expect('release' in next).toBe(true);
    (next as { release(): void }).release();
  });

  it('takes over a lock whose owner died without releasing it', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    mkdirSync(path.join(stateDir(place), 'lock'), { recursive: true });
    writeFileSync(path.join(stateDir(place), 'lock', 'pid'), String(deadPid));
    const lock = takeLock(place);
    expect('release' in lock).toBe(true);
    (lock as { release(): void }).release();
  });
});
