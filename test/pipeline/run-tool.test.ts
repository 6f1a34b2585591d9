/**
 * Running a CLI from node_modules/.bin or a program by its path (scripts/run-tool.ts), as
 * generate runs `redocly build-docs` and the type-check: the output is collected, and a run
 * that has failed elsewhere stops it.
 */
import { realpathSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runProgram, runTool } from '../../scripts/run-tool.ts';
import { REPO_ROOT } from '../support/repo.ts';

describe('runTool', () => {
  it('collects the output and exit code of a tool', async () => {
    const result = await runTool(REPO_ROOT, 'tsx', ['-e', 'console.log("out"); console.error("err"); process.exit(3)']);
    expect(result).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('stops the tool when the signal aborts, instead of waiting for it to finish', async () => {
    const stop = new AbortController();
    // Would wait far longer than the test may take.
    const running = runTool(REPO_ROOT, 'tsx', ['-e', 'setTimeout(() => {}, 600_000)'], stop.signal);
    setTimeout(() => stop.abort(), 500);
    const result = await running;
    expect(result.code).not.toBe(0);
  });

  it('stops the tool at once when the signal has aborted before it started', async () => {
    const stop = new AbortController();
    stop.abort();
    const result = await runTool(REPO_ROOT, 'tsx', ['-e', 'setTimeout(() => {}, 600_000)'], stop.signal);
    expect(result.code).not.toBe(0);
  });

  it('runs any program by its path, in the folder it is given', async () => {
    const result = await runProgram(process.execPath, ['-e', 'console.log(process.cwd())'], { cwd: os.tmpdir() });
    expect(result).toEqual({ code: 0, stdout: `${realpathSync(os.tmpdir())}\n`, stderr: '' });
  });

  it('runs a background tool at a lower priority than this process', async () => {
    const printPriority = ['-e', 'console.log(require("node:os").getPriority())'];
    const lower = Math.max(os.getPriority(), os.constants.priority.PRIORITY_BELOW_NORMAL);
    const background = await runTool(REPO_ROOT, 'tsx', printPriority, undefined, { background: true });
    expect(Number(background.stdout)).toBe(lower);
    const normal = await runTool(REPO_ROOT, 'tsx', printPriority);
    expect(Number(normal.stdout)).toBe(os.getPriority());
  });
});
