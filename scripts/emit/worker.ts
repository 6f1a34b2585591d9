/**
 * The emit worker: runs the CPU-bound emitters on a second thread (see `scripts/worker-thread.ts`).
 * Its bootstrap has already loaded their heavy dependencies (`Emitter.preload`) while the spec
 * was being linted; it receives the emit context once, runs every worker emitter and replies
 * with the files.
 */
import { serveOnce } from '../worker-thread.ts';
import type { EmitContext, GeneratedFile } from './emitter.ts';
import { workerEmitters } from './index.ts';

export interface EmitReply {
  files: GeneratedFile[];
  timings: { name: string; seconds: number }[];
}

serveOnce<EmitContext, EmitReply>(async (context) => {
  const files: GeneratedFile[] = [];
  const timings: { name: string; seconds: number }[] = [];
  for (const emitter of workerEmitters) {
    const started = performance.now();
    files.push(...(await emitter.emit(context)));
    timings.push({ name: emitter.name, seconds: (performance.now() - started) / 1000 });
  }
  return { files, timings };
});
