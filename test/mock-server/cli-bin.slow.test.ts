/**
 * The mock server's bin as a package ships it: built to `dist/` and run by plain Node, without
 * tsx or the source condition, as `npx` runs it from an installed package.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackages } from '../../scripts/build-packages.ts';
import { REPO_ROOT } from '../support/repo.ts';

const BUILT_CLI = path.join(REPO_ROOT, 'packages/mock-server/dist/cli.js');

describe('mock server bin, built', () => {
  it('starts with a shebang, runs on plain Node, prints its URL and credentials', async () => {
    await buildPackages(REPO_ROOT, ['@sip-endpoints/mock-server']);
    expect((await readFile(BUILT_CLI, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');

    const child = spawn(process.execPath, [BUILT_CLI, '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ctrl-C')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const baseUrl = /baseUrl:\s+(\S+)/.exec(output)![1]!;
      const response = await fetch(`${baseUrl}/endpoints/sip`, { headers: { authorization: `Basic ${Buffer.from('mock-project:mock-api-token').toString('base64')}` } });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 120_000);
});
