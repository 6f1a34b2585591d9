/** The two helpers of the scripted end-to-end tests: run a command, time a named step. */
import { spawn } from 'node:child_process';

/** Runs a command to completion; resolves with its output, rejects with it (and the exit code). */
export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_UPDATE_NOTIFIER: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`\`${command} ${args.join(' ')}\` exited ${code} in ${cwd}:\n${output.trim()}`)),
    );
  });
}

/** Runs one step and prints it with its duration; a failing step's error passes through. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  console.log(`  ✓ ${label.padEnd(58)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return value;
}
