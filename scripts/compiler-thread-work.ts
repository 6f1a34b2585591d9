/**
 * The work of the compiler thread (see `compiler-thread.ts`), in the order its inputs allow:
 * load what its emitters need, then run them on the bundle. Answers once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stampBundle } from './bundled-spec.ts';
import { isCompilerEmitter } from './emit/emitter.ts';
import { emitters } from './emit/index.ts';
import type { CompilerThreadData, EmittedFiles, FromCompilerThread, StepTimes } from './compiler-thread.ts';

const port = parentPort!;
const { root, bundleFrom } = workerData as CompilerThreadData;

const bundled = new Promise<string>((resolve) => bundleFrom.once('message', resolve));

async function work(): Promise<FromCompilerThread> {
  const steps: StepTimes = [];
  const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await step();
    steps.push([label, (performance.now() - started) / 1000]);
    return value;
  };
  const ours = emitters.filter(isCompilerEmitter);
  for (const emitter of ours) if (emitter.prepare) await timed(`load for ${emitter.name}`, () => emitter.prepare!());
  const { spec, specHash } = stampBundle(await bundled);
  bundleFrom.close();
  const emitted: EmittedFiles = [];
  for (const emitter of ours) emitted.push([emitter.name, await timed(emitter.name, () => emitter.emit({ spec, specHash, root }))]);
  return { kind: 'done', emitted, steps };
}

work().then(
  (answer) => port.postMessage(answer),
  (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromCompilerThread),
);
