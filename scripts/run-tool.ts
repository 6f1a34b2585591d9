/**
 * Runs a CLI from node_modules/.bin and collects its output. Used for the Redocly CLI, which
 * has no programmatic API in its 2.x package.
 */
import { spawn } from 'node:child_process';
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

/** Runs a tool to its end, or until `signal` aborts, which stops it. */
export function runTool(root: string, bin: string, args: readonly string[], signal?: AbortSignal): Promise<ToolResult> {
  const tool = startTool(root, bin, args);
  signal?.addEventListener('abort', tool.stop, { once: true });
  return tool.result.finally(() => signal?.removeEventListener('abort', tool.stop));
}

/** A tool that is running: its result once it exits, and a way to stop it early. */
export interface RunningTool {
  result: Promise<ToolResult>;
  stop(): void;
}

/** Starts a tool without waiting for it, so that a slow one can load while other work goes on. */
export function startTool(root: string, bin: string, args: readonly string[]): RunningTool {
  const child = spawn(path.join(root, 'node_modules', '.bin', bin), args, {
    cwd: root,
    env: { ...process.env, ...QUIET_TOOL_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = new Promise<ToolResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A tool that cannot be started (missing, not executable) is a failed run, not a crash: its
    // result says why, and whoever awaits it reports that.
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

/** Removes the Redocly CLI's boxed Node.js deprecation banner from its output. */
export function withoutBanner(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
}
