/**
 * The docs emitter runs `redocly build-docs` on a scratch copy of the spec (scripts/emit/docs.ts).
 * These tests cover what a normal run does not reach: a tool that cannot start, and the scratch
 * folder being removed whatever happens.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
});
