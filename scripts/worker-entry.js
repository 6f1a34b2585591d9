// @ts-check
/**
 * The entry module of the pipeline's worker threads, started by `pipeline-worker.ts` (see
 * `spec-thread.ts`, `compiler-thread.ts`).
 *
 * Plain JavaScript: Node 20 does not pass tsx's loader on to worker threads, so this module
 * registers it (tsx's public API) and then imports the thread's TypeScript module, named by
 * `workerData.module`. The packages named by `workerData.preload` are imported first, before the
 * loader's hooks exist: through them, a package of hundreds of JavaScript modules (Redocly) loads
 * markedly slower. The work module's imports of those packages then find them loaded.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

/** @type {{ module: string, preload?: string[] }} */
const { module, preload = [] } = workerData;
for (const name of preload) await import(name);
register();
await import(module);
