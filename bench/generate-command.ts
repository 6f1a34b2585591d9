/**
 * The command behind `npm run generate`, read from package.json, so that the bench times what a
 * user runs (without npm's own start-up, which is the same for every script).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';

/** The program and arguments of `npm run generate -- <extra>`; a program other than node is one of node_modules/.bin. */
export function generateCommand(extra: readonly string[]): { file: string; args: string[] } {
  const script: unknown = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts?.generate;
  if (typeof script !== 'string' || /["'$&|;<>`]/.test(script)) throw new Error(`package.json's generate script is not a plain command: ${String(script)}`);
  const [program, ...args] = script.trim().split(/\s+/);
  const file = program === 'node' ? process.execPath : path.join(ROOT, 'node_modules/.bin', program!);
  return { file, args: [...args, ...extra] };
}
