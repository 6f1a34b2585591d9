/**
 * Starts one of the pipeline's worker threads (see `spec-thread.ts`, `compiler-thread.ts`): the
 * shared entry module `worker-entry.js` registers the TypeScript loader and then imports the
 * thread's own module.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

export interface PipelineWorkerOptions {
  /** The thread's TypeScript module. */
  module: URL;
  /** Packages to load before the TypeScript loader exists (see `worker-entry.js`). */
  preload?: string[];
  /** The thread's own `workerData`, beside the entry's. */
  data: object;
  transferList?: TransferListItem[];
}

export function startPipelineWorker({ module, preload = [], data, transferList = [] }: PipelineWorkerOptions): Worker {
  return new Worker(ENTRY, {
    workerData: { module: module.href, preload, ...data },
    transferList,
    // None of the parent's Node flags: under tsx they include its CommonJS hooks, through which
    // every `require` of the compiler's and Redocly's megabytes of JavaScript loads markedly
    // slower. The entry registers the loader the thread needs itself.
    execArgv: [],
  });
}
