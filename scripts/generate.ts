/**
 * `npm run generate`: spec/ → lint → bundle → model → every emitter → type-check → files in place.
 *
 *   npm run generate                 regenerate, unless nothing changed since the last run
 *   npm run generate -- --force      regenerate even when nothing changed
 *   npm run generate -- --check      fail, listing stale files, when the output on disk differs
 *   npm run generate -- --watch      regenerate on every save under the spec folder, until stopped
 *   npm run generate -- --quiet      print only problems (for CI)
 *   npm run generate -- --spec <file or folder> --out <folder>
 *                                    another spec (its openapi.yaml), written into another tree
 *
 * Nothing is written until every step has succeeded (see `output.ts`), so a broken spec leaves
 * the output exactly as it was. One run at a time writes a tree: a second exits at once.
 *
 * This module loads only Node built-ins until it knows there is work to do: a run with nothing
 * to do costs the start of Node and the hashing of the inputs, not the loading of the tools.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { clearStamp, inputsDigest, isUpToDate, NOT_INPUTS, takeLock, writeStamp, type RunPlace } from './generate-state.ts';
import { REPO_ROOT } from './repo-root.ts';
import { runAsCli } from './run-as-cli.ts';

/** Where the bundled spec is written, relative to the output root. */
export const BUNDLED_SPEC_PATH = 'generated/openapi.json';

export interface GenerateArgs {
  check: boolean;
  force: boolean;
  quiet: boolean;
  watch: boolean;
  place: RunPlace;
  specFile: string;
}

const FLAGS = new Set(['--check', '--force', '--quiet', '--watch']);
const VALUE_OPTIONS = new Set(['--spec', '--out']);

export function parseArgs(argv: readonly string[], root = REPO_ROOT): GenerateArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (FLAGS.has(arg)) flags.add(arg);
    else if (VALUE_OPTIONS.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value: ${arg} <${arg === '--spec' ? 'path' : 'folder'}>`);
      values.set(arg, value);
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}; expected ${[...FLAGS, '--spec <path>', '--out <folder>'].join(', ')}`);
  }
  const spec = path.resolve(values.get('--spec') ?? path.join(root, 'spec'));
  const specFile = spec.endsWith('.yaml') || spec.endsWith('.yml') || spec.endsWith('.json') ? spec : path.join(spec, 'openapi.yaml');
  return {
    check: flags.has('--check'),
    force: flags.has('--force'),
    quiet: flags.has('--quiet'),
    watch: flags.has('--watch'),
    specFile,
    place: { root, specDir: path.dirname(specFile), outRoot: path.resolve(values.get('--out') ?? root) },
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

/** One run, lock held. Returns the exit code; prints the outcome. */
async function runOnce(args: GenerateArgs, log: (line: string) => void): Promise<number> {
  const { place } = args;
  const started = performance.now();
  const inputs = inputsDigest(place);
  if (!args.check && !args.force && isUpToDate(place, inputs)) {
    log(`✓ up to date: nothing changed since the last run (${seconds(started)} s; --force regenerates)`);
    return 0;
  }
  log(args.check ? 'Checking that generated files match the spec …' : 'Generating from the spec …');
  const loading = performance.now();
  // The threads load the tools: they start before the rest of the pipeline is even imported.
  const { startThreads } = await import('./pipeline-threads.ts');
  const threads = startThreads(place.root, args.specFile);
  const [{ generate, describeFailure }, { staleFiles, writeFiles }] = await Promise.all([import('./pipeline.ts'), import('./output.ts')]);
  log(`  ✓ ${'load the pipeline'.padEnd(34)} ${seconds(loading)} s`);
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await generate({ root: place.root, specFile: args.specFile, log, threads });
  } catch (error) {
    console.error(`\n✗ generate failed; no file was changed.\n${describeFailure(error)}`);
    return 1;
  }
  if (args.check) {
    const stale = await staleFiles(place.outRoot, result);
    if (stale.length > 0) {
      console.error(`\n✗ ${stale.length} generated file(s) are stale. Run \`npm run generate\` and commit:\n${stale.map((s) => `  ${s}`).join('\n')}`);
      return 1;
    }
    log(`✓ all ${result.files.length} generated files are up to date (${seconds(started)} s)`);
    return 0;
  }
  clearStamp(place);
  const changed = await writeFiles(place.outRoot, result);
  writeStamp(place, inputs, result.files, result.ownedFolders);
  log(changed.length === 0 ? `✓ nothing changed (${seconds(started)} s)` : `✓ wrote ${changed.length} file(s) in ${seconds(started)} s:\n${changed.map((c) => `  ${c}`).join('\n')}`);
  return 0;
}

async function withLock(args: GenerateArgs, work: () => Promise<number>): Promise<number> {
  const lock = takeLock(args.place);
  if ('heldBy' in lock) {
    console.error(`✗ another generate is running on ${args.place.outRoot}${lock.heldBy ? ` (pid ${lock.heldBy})` : ''}; try again when it has finished.`);
    return 1;
  }
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Edits arrive as bursts of events (an editor writes, renames, touches): one run per burst. */
const DEBOUNCE_MS = 150;

/** Runs once, then again after every change under the spec folder, until the process is stopped. */
async function watchSpec(args: GenerateArgs, log: (line: string) => void): Promise<never> {
  const runArgs = { ...args, force: true };
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      await withLock(runArgs, () => runOnce(runArgs, log)).catch((error: unknown) => {
        console.error(`✗ generate failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      log(`… watching ${path.relative(process.cwd(), args.place.specDir) || '.'} for changes (Ctrl-C stops)`);
    } while (again);
    running = false;
  };
  watch(args.place.specDir, { recursive: true }, (_event, file) => {
    // Output written inside the spec folder (an --out there) must not trigger another run.
    if (file && String(file).split(path.sep).some((segment) => NOT_INPUTS.has(segment))) return;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  await run();
  return new Promise<never>(() => {});
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const log = args.quiet ? () => {} : (line: string) => console.log(line);
  if (args.watch) return watchSpec(args, log);
  return withLock(args, () => runOnce(args, log));
}

runAsCli(import.meta.url, 'generate', main);
