/**
 * The steps of `npm run generate`, from the spec to the files it would write: read the spec,
 * bundle it, read the model, run every emitter and compile the generated TypeScript (on a
 * scratch copy), with lint beside them. Writes nothing in the tree; `scripts/output.ts`
 * compares or moves the files into place.
 *
 * Three threads and two child processes share the work, each starting as soon as its input
 * exists: the spec thread (`spec-thread.ts`) reads and bundles the spec, then lints it; this
 * thread reads the model, starts `redocly build-docs` on the docs' copy of the spec and runs
 * the emitters that need no compiler; the compiler thread (`compiler-thread.ts`), which has
 * loaded TypeScript meanwhile, gets the bundle from the spec thread directly and runs
 * openapi-typescript on it while this thread reads the model; once every file exists, this
 * thread type-checks them all with the native compiler (`type-check-output.ts`). Lint runs
 * after the bundle instead of before it so that its cost overlaps the rest; its verdict still
 * comes first: any lint problem fails the run, and when a later step fails on a spec that lint
 * rejects, the lint problems are what is reported, with their files and lines.
 */
import path from 'node:path';
import { stampBundle } from './bundled-spec.ts';
import { isCompilerEmitter, type EmitContext, type GeneratedFile, type ModelEmitter } from './emit/emitter.ts';
import { emitters } from './emit/index.ts';
import { BUNDLED_SPEC_PATH } from './generate.ts';
import { ModelError, readModel } from './model/read-model.ts';
import { GeneratedCodeError, SpecError } from './pipeline-errors.ts';
import { startThreads, type PipelineThreads } from './pipeline-threads.ts';
import { typeCheckGenerated } from './type-check-output.ts';

export interface GenerateOptions {
  /** Where the tools and the packages' runtime sources live: the repository root. */
  root: string;
  /** The spec's root file; `spec/openapi.yaml` under `root` by default. */
  specFile?: string;
  /** Called with one line per finished step. */
  log?: (line: string) => void;
  /** The threads, when the caller has started them already (on the same root and spec); `generate` stops them. */
  threads?: PipelineThreads;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Folders whose files are all generated; anything else in them is stale. */
  ownedFolders: string[];
}

const stepLine = (label: string, seconds: number) => `  ✓ ${label.padEnd(34)} ${seconds.toFixed(2)} s`;

async function timed<T>(log: (line: string) => void, label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  log(stepLine(label, (performance.now() - started) / 1000));
  return value;
}

function refuseDuplicates(files: readonly GeneratedFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two emitters write ${file.path}`);
    seen.add(file.path);
  }
}

/** Runs every step and returns the files it would write. */
export async function generate({ root, specFile, log = () => {}, threads = startThreads(root, specFile) }: GenerateOptions): Promise<GenerateResult> {
  const { spec, compiler } = threads;
  const stopChildren = new AbortController();
  const inBackground: Promise<GeneratedFile[]>[] = [];
  try {
    // The compiler thread has the bundle too, from the spec thread, and runs its emitters meanwhile.
    const { spec: bundle, specText, specHash } = stampBundle(await timed(log, 'read spec/ and bundle (redocly)', () => spec.bundled));
    const model = await timed(log, 'read model', async () => readModel(bundle));
    const context: EmitContext = { spec: bundle, model, specHash, root, signal: stopChildren.signal };
    const ourEmitters = emitters.filter((e): e is ModelEmitter => !isCompilerEmitter(e));
    // Emitters whose work is a child process start first, so that it runs beside everything
    // else; each must have spawned its process before its first await (see ModelEmitter.childProcess).
    for (const emitter of ourEmitters.filter((e) => e.childProcess)) inBackground.push(timed(log, emitter.name, async () => emitter.emit(context)));
    // Settled here too, so that a failure of one is not reported as unhandled while the rest runs.
    for (const work of inBackground) work.catch(() => {});
    const ours = new Map<string, GeneratedFile[]>();
    for (const emitter of ourEmitters.filter((e) => !e.childProcess)) ours.set(emitter.name, await timed(log, emitter.name, async () => emitter.emit(context)));
    const checked = compiler.emitted.then(async (fromCompiler) => {
      for (const [label, seconds] of fromCompiler.steps) log(stepLine(label, seconds));
      // In the emitters' order, whichever thread ran each, so the output lists the same way every run.
      const files: GeneratedFile[] = [{ path: BUNDLED_SPEC_PATH, contents: specText }];
      const emitted = new Map([...ours, ...fromCompiler.emitted]);
      for (const emitter of emitters.filter((e) => isCompilerEmitter(e) || !e.childProcess)) files.push(...emitted.get(emitter.name)!);
      await timed(log, 'type-check generated code', () => typeCheckGenerated(root, files, stopChildren.signal));
      return files;
    });
    checked.catch(() => {});
    log(stepLine('lint spec/ (redocly)', (await spec.linted).seconds));
    const files = await checked;
    for (const work of inBackground) files.push(...(await work));
    refuseDuplicates(files);
    // A folder that holds a generated file holds nothing else: a file there that no step produced
    // is stale (an emitter may also claim a folder it has stopped writing to).
    const ownedFolders = new Set([...files.map((file) => path.posix.dirname(file.path)), ...emitters.flatMap((e) => e.owns)]);
    return { files, ownedFolders: [...ownedFolders].sort() };
  } catch (error) {
    // Nothing more is needed from the docs child or the type-check; only lint's verdict.
    stopChildren.abort();
    await compiler.stop();
    // A lint problem explains a failure of a later step better than the step can, with the file
    // and line of the mistake: it is reported instead (this throws when lint found any).
    await spec.linted;
    throw error;
  } finally {
    await Promise.all([spec.stop(), compiler.stop()]);
    await Promise.allSettled(inBackground);
  }
}

/** A message for the person at the terminal: what failed and where, never a stack trace. */
export function describeFailure(error: unknown): string {
  if (error instanceof SpecError) return `The spec has problems:\n${error.problems.map((p) => `  ${p}`).join('\n')}`;
  if (error instanceof ModelError) {
    return `The bundled spec uses a shape the generators do not support:\n  ${BUNDLED_SPEC_PATH} ${error.message}`;
  }
  if (error instanceof GeneratedCodeError) {
    return `The generated code does not compile (a generator bug, or a spec it cannot express):\n${error.problems.map((p) => `  ${p}`).join('\n')}`;
  }
  return error instanceof Error ? error.message : String(error);
}
