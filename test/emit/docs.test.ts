/**
 * The docs emitter runs `redocly build-docs` on a scratch copy of the spec (scripts/emit/docs.ts).
 * These tests cover what a normal run does not reach: a tool that cannot start, the scratch
 * folder being removed whatever happens, and the tool running while the caller's next steps
 * hold the event loop.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocs } from '../../scripts/emit/docs.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('buildDocs', () => {
  it('reports a build-docs that cannot start as a failed step and removes its scratch folder', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-docs-test-'));
    folders.push(scratch);
    // A root without node_modules/.bin/redocly: the tool cannot be spawned.
    const context = { spec: { paths: {} }, model: { operations: [], schemas: [] } as never, specHash: 'x', root: scratch };
    await expect(buildDocs(scratch, context, scratch)).rejects.toThrow(/redocly build-docs failed/);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('has the tool running by the time it returns, so it works while the caller blocks the event loop', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sip-docs-test-'));
    folders.push(root);
    const marker = path.join(root, 'started');
    // A stand-in for the CLI that only records that it ran, then fails.
    mkdirSync(path.join(root, 'node_modules/.bin'), { recursive: true });
    const tool = path.join(root, 'node_modules/.bin/redocly');
    writeFileSync(tool, `#!/bin/sh\ntouch '${marker}'\nexit 3\n`);
    chmodSync(tool, 0o755);
    const scratch = path.join(root, 'scratch');
    mkdirSync(scratch);
    const context = { spec: { paths: {} }, model: { operations: [], schemas: [] } as never, specHash: 'x', root };
    const built = buildDocs(root, context, scratch);
    // Synchronous work, as the pipeline's type-check is: the event loop does not turn until the
    // tool has run (or the generous limit has passed, and the test fails).
    const limit = Date.now() + 20_000;
    while (!existsSync(marker) && Date.now() < limit) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    expect(existsSync(marker)).toBe(true);
    await expect(built).rejects.toThrow(/redocly build-docs failed/);
    expect(readdirSync(scratch)).toEqual([]);
  });
});
