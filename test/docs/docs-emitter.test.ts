/**
 * The docs emitter starts `redocly build-docs` before the spec is ready and feeds it through a
 * named pipe (scripts/emit/docs.ts). These tests cover the parts a normal run does not reach:
 * a tool that exits without reading, and a start that is stopped because the spec was bad.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { feedNamedPipe, makeNamedPipe, startBuildDocs } from '../../scripts/emit/docs.ts';
import { REPO_ROOT } from '../support/repo.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function namedPipe(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sip-pipe-test-'));
  folders.push(folder);
  const pipe = path.join(folder, 'input.json');
  if (!makeNamedPipe(pipe)) throw new Error('mkfifo is not available on this machine');
  return pipe;
}

describe('feeding build-docs through a named pipe', () => {
  it('delivers the whole text to a reader, even past the pipe buffer', async () => {
    const pipe = namedPipe();
    const text = 'x'.repeat(300_000);
    const [received] = await Promise.all([readFile(pipe, 'utf8'), feedNamedPipe(pipe, text, new Promise(() => {}))]);
    expect(received).toBe(text);
  });

  it('does not wait forever when the tool exits without opening the pipe', async () => {
    const pipe = namedPipe();
    await expect(feedNamedPipe(pipe, 'y'.repeat(300_000), Promise.resolve())).resolves.toBeUndefined();
  });

  it('stops a started build-docs (as generate does when the spec is bad) and removes its scratch folder', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-docs-test-'));
    folders.push(scratch);
    const started = startBuildDocs(REPO_ROOT, scratch);
    expect(readdirSync(scratch)).toHaveLength(1);
    await started.stop();
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('stops a build-docs that is already waiting on the pipe (a hang would fail on the test timeout)', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-docs-test-'));
    folders.push(scratch);
    const started = startBuildDocs(REPO_ROOT, scratch);
    // Long enough for the CLI to load and block on opening the pipe.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await started.stop();
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('reports a build-docs that cannot start as a failed step, without hanging', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-docs-test-'));
    folders.push(scratch);
    // A root without node_modules/.bin/redocly: the tool cannot be spawned.
    const started = startBuildDocs(scratch, scratch);
    const emitting = started.emit({ spec: { paths: {} }, model: { operations: [], schemas: [] } as never, specHash: 'x', root: scratch });
    await expect(emitting).rejects.toThrow(/redocly build-docs failed/);
  });
});

