/**
 * Starts the emit worker (`worker.ts`) and gives the main thread one call to use it.
 *
 * Node 20 does not pass the TypeScript loader (tsx) on to worker threads, so the worker is
 * started from a small bootstrap. It first loads the packages the worker emitters declare as
 * slow (`Emitter.preload`), natively, before registering tsx: they are plain JavaScript, and
 * loading them through tsx's hooks costs a third more. Then it registers tsx and imports the
 * worker module.
 */
import { Worker } from 'node:worker_threads';
import type { EmitContext, GeneratedFile } from './emitter.ts';
import { workerEmitters } from './index.ts';
import type { EmitWorkerReply } from './worker.ts';

export interface EmitWorker {
  /** Runs every worker emitter on `context`; call once. */
  emit(context: EmitContext, log: (line: string) => void): Promise<GeneratedFile[]>;
  stop(): Promise<void>;
}

export function startEmitWorker(): EmitWorker {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const preload = [...new Set(workerEmitters.flatMap((emitter) => emitter.preload ?? []))].map((name) => import.meta.resolve(name));
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = [
    `Promise.all(${JSON.stringify(preload)}.map((url) => import(url)))`,
    `.then(() => import(${JSON.stringify(tsx)}))`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`,
  ].join('');
  const worker = new Worker(bootstrap, { eval: true });
  // Until `emit` is called, a failure to start is kept and reported then.
  let startupError: Error | undefined;
  const onEarlyError = (error: Error) => (startupError = error);
  worker.on('error', onEarlyError);
  return {
    emit(context, log) {
      return new Promise((resolve, reject) => {
        if (startupError) return reject(new Error(`the emit worker failed to start: ${startupError.message}`));
        worker.off('error', onEarlyError);
        worker.once('error', (error) => reject(new Error(`the emit worker failed: ${error.message}`)));
        worker.once('message', (reply: EmitWorkerReply) => {
          if ('error' in reply) return reject(new Error(reply.error));
          for (const { name, seconds } of reply.timings) log(`  ✓ ${name.padEnd(34)} ${seconds.toFixed(2)} s (worker)`);
          resolve(reply.files);
        });
        worker.postMessage(context);
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}
