/**
 * The pipeline's compiler thread: everything that needs the TypeScript compiler. It starts with
 * the run and loads the compiler and the packages' hand-written sources while the spec thread
 * reads and bundles the spec; then, as soon as the spec thread hands it the bundle, it runs the
 * emitters that need the compiler (see `CompilerEmitter`), while the main thread reads the model
 * and runs the other emitters and the spec thread lints; then it type-checks all generated code.
 * It answers once, when the main thread awaits `check`.
 */
import type { MessagePort } from 'node:worker_threads';
import type { GeneratedFile } from './emit/emitter.ts';
import { GeneratedCodeError } from './pipeline-errors.ts';
import { startPipelineWorker } from './pipeline-worker.ts';

/** Seconds per step, as the thread measured them, for the step log. */
export type StepTimes = [label: string, seconds: number][];

/** The files of each emitter the thread ran, by the emitter's name. */
export type EmittedFiles = [emitter: string, files: GeneratedFile[]][];

/** From the main thread; the bundle's text comes from the spec thread, on `bundleFrom`. */
export type ToCompilerThread = { kind: 'files'; files: GeneratedFile[] };

export type FromCompilerThread =
  | { kind: 'done'; emitted: EmittedFiles; steps: StepTimes }
  | { kind: 'does-not-compile'; problems: string[]; steps: StepTimes }
  | { kind: 'failed'; message: string };

export interface CompilerThreadData {
  root: string;
  /** Where the spec thread posts the bundle's text (see `pipeline-threads.ts`). */
  bundleFrom: MessagePort;
}

const WORK = new URL('./compiler-thread-work.ts', import.meta.url);

export interface CompilerThread {
  /**
   * Hands over the files of every other emitter. Resolves with the thread's own files once all
   * generated code compiles; rejects with a GeneratedCodeError when it does not.
   */
  check(files: readonly GeneratedFile[]): Promise<{ emitted: EmittedFiles; steps: StepTimes }>;
  /** Stops the thread, whatever it is doing. */
  stop(): Promise<void>;
}

/** Starts the thread; it runs its emitters on the bundle posted to `bundleFrom`. */
export function startCompilerThread(root: string, bundleFrom: MessagePort): CompilerThread {
  const data: CompilerThreadData = { root, bundleFrom };
  const worker = startPipelineWorker({ module: WORK, data, transferList: [bundleFrom] });
  const reply = new Promise<FromCompilerThread>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new Error(`the compiler thread failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`the compiler thread stopped (exit code ${code}) before it answered`)));
  });
  // Awaited in `check`; a run that fails before it gets there must not report it as unhandled.
  reply.catch(() => {});
  const send = (message: ToCompilerThread) => worker.postMessage(message);
  return {
    async check(files) {
      send({ kind: 'files', files: [...files] });
      const answer = await reply;
      if (answer.kind === 'failed') throw new Error(answer.message);
      if (answer.kind === 'does-not-compile') throw new GeneratedCodeError(answer.problems);
      return { emitted: answer.emitted, steps: answer.steps };
    },
    async stop() {
      await worker.terminate();
    },
  };
}
