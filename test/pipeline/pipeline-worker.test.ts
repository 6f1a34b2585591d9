/**
 * The pipeline's worker threads (scripts/pipeline-worker.ts): each runs a TypeScript module,
 * gets its own data, and starts without the parent's Node flags (under tsx those would add its
 * CommonJS hooks to every `require` of the thread).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.ts';

const run = promisify(execFile);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sip-pipeline-worker-'));
  // ES modules, as the repository's scripts are.
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startPipelineWorker', () => {
  it('runs a TypeScript module with its data, and none of the parent’s Node flags', async () => {
    const module = path.join(dir, 'report.ts');
    await writeFile(
      module,
      [
        "import { parentPort, workerData } from 'node:worker_threads';",
        'const greeting: string = (workerData as { greeting: string }).greeting;',
        'parentPort!.postMessage({ greeting, execArgv: process.execArgv });',
      ].join('\n'),
    );
    // Started from a process run as `npm run generate` runs: with tsx's flags.
    const driver = path.join(dir, 'driver.ts');
    await writeFile(
      driver,
      [
        `import { startPipelineWorker } from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'scripts/pipeline-worker.ts')).href)};`,
        `const worker = startPipelineWorker({ module: new URL(${JSON.stringify(pathToFileURL(module).href)}), data: { greeting: 'hello' } });`,
        "worker.once('message', async (answer) => { console.log(JSON.stringify({ parent: process.execArgv, ...answer })); await worker.terminate(); });",
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['--import', 'tsx', driver], { cwd: REPO_ROOT });
    const answer = JSON.parse(stdout) as { parent: string[]; greeting: string; execArgv: string[] };
    expect(answer.parent).toContain('--import');
    expect(answer).toMatchObject({ greeting: 'hello', execArgv: [] });
  }, 30_000);
});
