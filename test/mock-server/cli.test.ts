/** `npm run mock`'s entry point: it prints its URL and credentials, serves them, and stops on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.ts';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Resolves with stdout once it contains `marker`. */
function outputUntil(process: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) resolve(output);
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${marker}: ${output}`)));
  });
}

describe('mock cli', () => {
  it('starts on the given port, prints where and with which credentials, and stops on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=@sip-endpoints/source', path.join(REPO_ROOT, 'packages/mock-server/src/cli.ts'), '--port', '0', '--api-token', 'cli-token'],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const output = await outputUntil(child, 'Ctrl-C');
    const baseUrl = /baseUrl:\s+(\S+)/.exec(output)?.[1];
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/relay\/rest$/);
    expect(output).toContain('projectId: mock-project');
    expect(output).toContain('apiToken:  cli-token');

    const response = await fetch(`${baseUrl}/endpoints/sip`, { headers: { authorization: `Basic ${Buffer.from('mock-project:cli-token').toString('base64')}` } });
    expect(response.status).toBe(200);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
