/**
 * The work of the compiler thread (see `compiler-thread.ts`), in the order its inputs allow:
 * prepare the type-check, run the emitters that need the compiler on the bundle, then
 * type-check their files with everyone else's. Answers once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stampBundle } from './bundled-spec.ts';
import { isCompilerEmitter } from './emit/emitter.ts';
import { emitters } from './emit/index.ts';
import type { CompilerThreadData, EmittedFiles, FromCompilerThread, StepTimes, ToCompilerThread } from './compiler-thread.ts';
import { createGeneratedCodeChecker, GeneratedCodeError } from './type-check-output.ts';

const port = parentPort!;
const { root, bundleFrom } = workerData as CompilerThreadData;

const bundled = new Promise<string>((resolve) => bundleFrom.once('message', resolve));

const inbox: ToCompilerThread[] = [];
let deliver: ((message: ToCompilerThread) => void) | undefined;
port.on('message', (message: ToCompilerThread) => {
  if (deliver) deliver(message);
  else inbox.push(message);
});

async function receive<K extends ToCompilerThread['kind']>(kind: K): Promise<Extract<ToCompilerThread, { kind: K }>> {
  const message = inbox.shift() ?? (await new Promise<ToCompilerThread>((resolve) => (deliver = resolve)));
  deliver = undefined;
  if (message.kind !== kind) throw new Error(`the compiler thread expected ${kind}, got ${message.kind}`);
  return message as Extract<ToCompilerThread, { kind: K }>;
}

async function work(): Promise<FromCompilerThread> {
  const steps: StepTimes = [];
  const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await step();
    steps.push([label, (performance.now() - started) / 1000]);
    return value;
  };
  const checker = createGeneratedCodeChecker(root);
  await timed('prepare the type-check', () => checker.prepare());
  const { spec, specHash } = stampBundle(await bundled);
  bundleFrom.close();
  const emitted: EmittedFiles = [];
  for (const emitter of emitters.filter(isCompilerEmitter)) emitted.push([emitter.name, await timed(emitter.name, () => emitter.emit({ spec, specHash, root }))]);
  const others = await receive('files');
  try {
    await timed('type-check generated code', () => checker.check([...others.files, ...emitted.flatMap(([, files]) => files)]));
  } catch (error) {
    if (error instanceof GeneratedCodeError) return { kind: 'does-not-compile', problems: [...error.problems], steps };
    throw error;
  }
  return { kind: 'done', emitted, steps };
}

work().then(
  (answer) => port.postMessage(answer),
  (error: unknown) => port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromCompilerThread),
);
