/**
 * One-shot worker threads for `npm run generate`: start a TypeScript module on another
 * thread early, hand it one request later, get one reply back.
 *
 * Node 20 does not pass the TypeScript loader (tsx) on to worker threads, so each worker
 * starts from a small bootstrap. It first loads the slow plain-JavaScript packages the module
 * will need (`preload`), natively: through tsx's hooks they take a third longer. Then it
 * registers tsx and imports the module, which answers through `serveOnce`. CommonJS packages
 * are preloaded with `require` (see `requireCommonJs` in emit/emitter.ts).
 */
import { parentPort, Worker } from 'node:worker_threads';

type Envelope<Reply> = { reply: Reply } | { error: string };

export interface OneShotWorker<Request, Reply> {
  /** Sends the request; resolves with the module's reply. Call once. */
  run(request: Request): Promise<Reply>;
  stop(): Promise<void>;
}

/** What a worker loads before its module: ES modules by `import`, CommonJS packages by `require`. */
export interface Preload {
  import?: readonly string[];
  require?: readonly string[];
}

export function startWorker<Request, Reply>(module: URL, preload: Preload, label: string): OneShotWorker<Request, Reply> {
  const importUrls = [...new Set(preload.import ?? [])].map((name) => import.meta.resolve(name));
  const requireNames = [...new Set(preload.require ?? [])];
  // The bootstrap is evaluated as CommonJS: `require` resolves from the working directory's
  // node_modules there, so it is made relative to this file instead.
  const bootstrap = [
    `const load = require('node:module').createRequire(${JSON.stringify(import.meta.url)});`,
    `${JSON.stringify(requireNames)}.forEach((name) => load(name));`,
    `Promise.all(${JSON.stringify(importUrls)}.map((url) => import(url)))`,
    `.then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}))`,
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`,
  ].join('');
  const worker = new Worker(bootstrap, { eval: true });
  // Until `run` is called, a failure to start is kept and reported then.
  let startupError: Error | undefined;
  const onEarlyError = (error: Error) => (startupError = error);
  worker.on('error', onEarlyError);
  return {
    run(request) {
      return new Promise((resolve, reject) => {
        if (startupError) return reject(new Error(`the ${label} failed to start: ${startupError.message}`));
        worker.off('error', onEarlyError);
        worker.once('error', (error) => reject(new Error(`the ${label} failed: ${error.message}`)));
        worker.once('message', (envelope: Envelope<Reply>) => ('error' in envelope ? reject(new Error(envelope.error)) : resolve(envelope.reply)));
        worker.postMessage(request);
      });
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** In a worker module: answers the one request with `handle`'s result, or with its error's message. */
export function serveOnce<Request, Reply>(handle: (request: Request) => Promise<Reply>): void {
  parentPort?.once('message', async (request: Request) => {
    let envelope: Envelope<Reply>;
    try {
      envelope = { reply: await handle(request) };
    } catch (error) {
      envelope = { error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(envelope);
  });
}
