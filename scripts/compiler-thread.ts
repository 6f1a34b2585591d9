/**
 * The pipeline's compiler thread: everything that needs the TypeScript compiler. It starts with
 * the run and loads the compiler and the packages' hand-written sources while the spec thread
 * reads and bundles the spec; then it runs the emitters that need the compiler (see
 * `Emitter.needsCompiler`) and type-checks all generated code, while the main thread runs the
 * other emitters and the spec thread lints. It answers once, when the main thread awaits `check`.
 */
import { Worker } from 'node:worker_threads';
import type { EmitContext, GeneratedFile } from './emit/emitter.ts';
import { GeneratedCodeError } from './pipeline-errors.ts';

/** Seconds per step, as the thread measured them, for the step log. */
export type StepTimes = [label: string, seconds: number][];

/** The files of each emitter the thread ran, by the emitter's name. */
export type EmittedFiles = [emitter: string, files: GeneratedFile[]][];

export type ToCompilerThread = { kind: 'context'; context: Omit<EmitContext, 'signal'> } | { kind: 'files'; files: GeneratedFile[] };

export type FromCompilerThread =
  | { kind: 'done'; emitted: EmittedFiles; steps: StepTimes }
  | { kind: 'does-not-compile'; problems: string[]; steps: StepTimes }
  | { kind: 'failed'; message: string };

export interface CompilerThreadData {
  root: string;
}

const ENTRY = new URL('./worker-entry.js', import.meta.url);
const WORK = new URL('./compiler-thread-work.ts', import.meta.url);

export interface CompilerThread {
  /** Hands over the bundle and its model: the thread runs the emitters that need the compiler. */
  emit(context: Omit<EmitContext, 'signal'>): void;
  /**
   * Hands over the files of every other emitter. Resolves with the thread's own files once all
   * generated code compiles; rejects with a GeneratedCodeError when it does not.
   */
  check(files: readonly GeneratedFile[]): Promise<{ emitted: EmittedFiles; steps: StepTimes }>;
  /** Stops the thread, whatever it is doing. */
  stop(): Promise<void>;
}

export function startCompilerThread(root: string): CompilerThread {
  const data: CompilerThreadData = { root };
  const worker = new Worker(ENTRY, { workerData: { module: WORK.href, ...data } });
  const reply = new Promise<FromCompilerThread>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', (error) => reject(new Error(`the compiler thread failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`the compiler thread stopped (exit code ${code}) before it answered`)));
  });
  // Awaited in `check`; a run that fails before it gets there must not report it as unhandled.
  reply.catch(() => {});
  const send = (message: ToCompilerThread) => worker.postMessage(message);
  return {
    emit: (context) => send({ kind: 'context', context }),
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
