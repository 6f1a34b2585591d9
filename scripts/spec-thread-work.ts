/**
 * The work of the spec thread (see `spec-thread.ts`): read and bundle the spec, hand the bundle
 * over (to the compiler thread, then the main thread), then lint. Spec problems go back as data,
 * to be reported like any other.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SpecError } from './pipeline-errors.ts';
import { openSpec } from './spec-check.ts';
import type { FromSpecThread, SpecThreadData } from './spec-thread.ts';

const port = parentPort!;
const { root, specRoot, bundleTo } = workerData as SpecThreadData;
const send = (message: FromSpecThread) => port.postMessage(message);

async function work(): Promise<void> {
  const spec = await openSpec(root, specRoot);
  let text: string;
  try {
    text = await spec.bundle();
  } catch (error) {
    // A spec that lint rejects is reported by lint, which names the file and line of each mistake.
    await spec.lint();
    throw error;
  }
  bundleTo.postMessage(text);
  send({ kind: 'bundled', text });
  const started = performance.now();
  await spec.lint();
  send({ kind: 'linted', seconds: (performance.now() - started) / 1000 });
}

work().catch((error: unknown) => {
  send(error instanceof SpecError ? { kind: 'refused', problems: [...error.problems] } : { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
});
