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

export function runTool(root: string, bin: string, args: readonly string[]): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', bin), args, {
      cwd: root,
      env: { ...process.env, ...QUIET_TOOL_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Removes the Redocly CLI's boxed Node.js deprecation banner from its output. */
export function withoutBanner(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/[║╔╚]/.test(line))
    .join('\n')
    .trim();
}
