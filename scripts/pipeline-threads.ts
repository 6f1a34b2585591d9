/**
 * The two worker threads of a run (see `pipeline.ts`), started together: the spec thread hands
 * the bundle to the compiler thread directly, over a channel of their own, so that
 * openapi-typescript starts as soon as the spec is bundled, while this thread reads the model.
 *
 * Loads only Node built-ins and the two small thread modules: `generate.ts` starts the threads
 * before it loads the rest of the pipeline.
 */
import { MessageChannel } from 'node:worker_threads';
import { startCompilerThread, type CompilerThread } from './compiler-thread.ts';
import { startSpecThread, type SpecThread } from './spec-thread.ts';

export interface PipelineThreads {
  spec: SpecThread;
  compiler: CompilerThread;
}

/** Starts both threads on the spec at `specFile` (`spec/openapi.yaml` under `root` by default). */
export function startThreads(root: string, specFile?: string): PipelineThreads {
  const bundle = new MessageChannel();
  return { spec: startSpecThread(root, specFile, bundle.port1), compiler: startCompilerThread(root, bundle.port2) };
}
