/**
 * The pipeline's spec thread: reads the spec's files, then bundles and lints them with Redocly
 * (`spec-check.ts`), on a thread of its own that loads Redocly natively (see `worker-entry.js`)
 * and starts with the run. The bundle is handed over as soon as it exists, so that the model,
 * the emitters and the compiler thread start while lint goes on here.
 *
 * Lint's verdict still comes first: when bundling fails, the thread lints before it answers, and
 * reports the lint problems, with their files and lines, if there are any.
 */
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { SpecError } from './pipeline-errors.ts';
import { startPipelineWorker } from './pipeline-worker.ts';

export type FromSpecThread =
  | { kind: 'bundled'; text: string }
  | { kind: 'linted'; seconds: number }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; message: string };

export interface SpecThreadData {
  root: string;
  /** The spec's root file, relative to the root, as every spec problem is reported. */
  specRoot: string | undefined;
  /** Where the bundle's text is also posted, as soon as it exists (the compiler thread's end). */
  bundleTo: MessagePort;
}

export interface SpecThread {
  /** The bundled spec's text; rejects with a SpecError when the spec has problems. */
  bundled: Promise<string>;
  /** Settles when lint has run: rejects with a SpecError listing its problems, if any. */
  linted: Promise<{ seconds: number }>;
  /** Stops the thread, whatever it is doing. */
  stop(): Promise<void>;
}

const WORK = new URL('./spec-thread-work.ts', import.meta.url);

/**
 * Starts the thread on the spec at `specFile` (`spec/openapi.yaml` under `root` by default). The
 * bundle's text is posted to `bundleTo` too (see `pipeline-threads.ts`).
 */
export function startSpecThread(root: string, specFile: string | undefined, bundleTo: MessagePort): SpecThread {
  const data: SpecThreadData = { root, specRoot: specFile === undefined ? undefined : path.relative(root, specFile).split(path.sep).join('/'), bundleTo };
  const worker = startPipelineWorker({ module: WORK, preload: ['@redocly/openapi-core', 'yaml'], data, transferList: [bundleTo] });
  let bundledDone!: (text: string) => void;
  let lintedDone!: (result: { seconds: number }) => void;
  let bundleFailed!: (error: Error) => void;
  let lintFailed!: (error: Error) => void;
  const bundled = new Promise<string>((resolve, reject) => ((bundledDone = resolve), (bundleFailed = reject)));
  const linted = new Promise<{ seconds: number }>((resolve, reject) => ((lintedDone = resolve), (lintFailed = reject)));
  // A promise settles once: a failure after the bundle was handed over is lint's.
  const fail = (error: Error) => {
    bundleFailed(error);
    lintFailed(error);
  };
  worker.on('message', (message: FromSpecThread) => {
    if (message.kind === 'bundled') bundledDone(message.text);
    else if (message.kind === 'linted') lintedDone({ seconds: message.seconds });
    else fail(message.kind === 'refused' ? new SpecError(message.problems) : new Error(message.message));
  });
  worker.once('error', (error) => fail(new Error(`the spec thread failed: ${error.message}`)));
  worker.once('exit', (code) => fail(new Error(`the spec thread stopped (exit code ${code}) before it answered`)));
  // Awaited by the pipeline; a run that fails before it gets there must not report them as unhandled.
  bundled.catch(() => {});
  linted.catch(() => {});
  return {
    bundled,
    linted,
    async stop() {
      await worker.terminate();
    },
  };
}
