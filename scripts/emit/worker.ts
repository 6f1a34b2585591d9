/**
 * The emit worker: runs the CPU-bound emitters on a second thread. Its bootstrap (see
 * `startEmitWorker`) has already loaded their heavy dependencies while the main thread linted
 * and bundled the spec; this module receives the emit context once, runs every worker emitter
 * and posts the files back.
 */
import { parentPort } from 'node:worker_threads';
import type { EmitContext, GeneratedFile } from './emitter.ts';
import { workerEmitters } from './index.ts';

export type EmitWorkerReply =
  | { files: GeneratedFile[]; timings: { name: string; seconds: number }[] }
  | { error: string };

parentPort?.once('message', async (context: EmitContext) => {
  let reply: EmitWorkerReply;
  try {
    const files: GeneratedFile[] = [];
    const timings: { name: string; seconds: number }[] = [];
    for (const emitter of workerEmitters) {
      const started = performance.now();
      files.push(...(await emitter.emit(context)));
      timings.push({ name: emitter.name, seconds: (performance.now() - started) / 1000 });
    }
    reply = { files, timings };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
