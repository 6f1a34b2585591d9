/**
 * The pipeline's compiler thread: the emitters that need the TypeScript compiler API (see
 * `CompilerEmitter`). It starts with the run and loads what they need while the spec thread
 * reads and bundles the spec; then, as soon as the spec thread hands it the bundle, it runs
 * them, while the main thread reads the model and runs the other emitters and the spec thread
 * lints. It answers once, with its files.
 */
import type { MessagePort } from 'node:worker_threads';
import type { GeneratedFile } from './emit/emitter.ts';
import { startPipelineWorker } from './pipeline-worker.ts';

/** Seconds per step, as the thread measured them, for the step log. */
export type StepTimes = [label: string, seconds: number][];

/** The files of each emitter the thread ran, by the emitter's name. */
export type EmittedFiles = [emitter: string, files: GeneratedFile[]][];

export type FromCompilerThread = { kind: 'done'; emitted: EmittedFiles; steps: StepTimes } | { kind: 'failed'; message: string };

export interface CompilerThreadData {
  root: string;
  /** Where the spec thread posts the bundle's text (see `pipeline-threads.ts`). */
  bundleFrom: MessagePort;
}

const WORK = new URL('./compiler-thread-work.ts', import.meta.url);

export interface CompilerThread {
  /** The thread's files, once its emitters have run on the bundle. */
  emitted: Promise<{ emitted: EmittedFiles; steps: StepTimes }>;
  /** Stops the thread, whatever it is doing. */
  stop(): Promise<void>;
}

/** Starts the thread; it runs its emitters on the bundle posted to `bundleFrom`. */
export function startCompilerThread(root: string, bundleFrom: MessagePort): CompilerThread {
  const data: CompilerThreadData = { root, bundleFrom };
  const worker = startPipelineWorker({ module: WORK, data, transferList: [bundleFrom] });
  const emitted = new Promise<{ emitted: EmittedFiles; steps: StepTimes }>((resolve, reject) => {
    worker.once('message', (answer: FromCompilerThread) => {
      if (answer.kind === 'failed') reject(new Error(answer.message));
      else resolve({ emitted: answer.emitted, steps: answer.steps });
    });
    worker.once('error', (error) => reject(new Error(`the compiler thread failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`the compiler thread stopped (exit code ${code}) before it answered`)));
  });
  // Awaited by the pipeline; a run that fails before it gets there must not report it as unhandled.
  emitted.catch(() => {});
  return {
    emitted,
    async stop() {
      await worker.terminate();
    },
  };
}
