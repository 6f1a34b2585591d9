/**
 * Runs a command-line program and collects its output: a CLI from node_modules/.bin (the
 * Redocly CLI, which has no programmatic API in its 2.x package), or any program by its path
 * (the TypeScript 7 compiler, whose `tsc` is not linked there).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment for Redocly: no telemetry, no update notices. */
export const QUIET_TOOL_ENV = {
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  NO_UPDATE_NOTIFIER: '1',
} as const;

export interface ToolOptions {
  /**
   * Runs the tool at a lower scheduling priority than this process. For a tool that runs beside
   * work that the result waits on longer: when the cores are all busy, that work goes first, and
   * the tool uses what is left.
   */
  background?: boolean;
}

export interface ProgramOptions extends ToolOptions {
  /** The folder it runs in. */
  cwd: string;
}

/** Runs a tool of node_modules/.bin under `root`, from `root` (see `runProgram`). */
export function runTool(root: string, bin: string, args: readonly string[], signal?: AbortSignal, options: ToolOptions = {}): Promise<ToolResult> {
  return runProgram(path.join(root, 'node_modules', '.bin', bin), args, { ...options, cwd: root }, signal);
}

/** Runs a program to its end, or until `signal` aborts (or has aborted already), which stops it. */
export function runProgram(file: string, args: readonly string[], options: ProgramOptions, signal?: AbortSignal): Promise<ToolResult> {
  const program = startProgram(file, args, options);
  if (signal?.aborted) program.stop();
  else signal?.addEventListener('abort', program.stop, { once: true });
  return program.result.finally(() => signal?.removeEventListener('abort', program.stop));
}

/** A program that is running: its result once it exits, and a way to stop it early. */
interface RunningProgram {
  result: Promise<ToolResult>;
  stop(): void;
}

function startProgram(file: string, args: readonly string[], { cwd, background = false }: ProgramOptions): RunningProgram {
  const child = spawn(file, args, {
    cwd,
    env: { ...process.env, ...QUIET_TOOL_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (background && child.pid !== undefined) lowerPriority(child.pid);
  const result = new Promise<ToolResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A program that cannot be started (missing, not executable) is a failed run, not a crash:
    // its result says why, and whoever awaits it reports that.
    child.on('error', (error) => resolve({ code: 127, stdout, stderr: `${stderr}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
  return {
    result,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

/**
 * Lowers a process's scheduling priority, right after it was spawned: the processes it starts
 * inherit it. Lowering one's own child's priority needs no privilege; where the system refuses
 * anyway, the tool runs at the normal priority, which only costs time.
 */
function lowerPriority(pid: number): void {
  try {
    // Never higher than it already is (a process run at a low priority passes it on).
    const current = os.getPriority(pid);
    const lower = os.constants.priority.PRIORITY_BELOW_NORMAL;
    if (current < lower) os.setPriority(pid, lower);
  } catch {
    // Not fatal: see above.
  }
}

/** Removes the Redocly CLI's boxed Node.js deprecation banner from its output. */
export function withoutBanner(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
}
