/**
 * The entry point shared by the repository's command-line scripts: when the module is the
 * one Node was started with, run `main` with the arguments and exit with its code. Any error
 * that escapes `main` is printed as one line, never as a stack trace.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function runAsCli(
  moduleUrl: string,
  command: string,
  main: (args: string[]) => Promise<number>,
  describe: (error: unknown) => string = (error) => (error instanceof Error ? error.message : String(error)),
): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`✗ ${command} failed: ${describe(error)}`);
      process.exit(1);
    },
  );
}
