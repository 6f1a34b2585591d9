// @ts-check
/**
 * The entry module of the pipeline's compiler thread (see `compiler-thread.ts`).
 *
 * Plain JavaScript: Node 20 does not pass tsx's loader on to worker threads, so this module
 * registers it (tsx's public API) before it imports the TypeScript module that does the work.
 */
import { register } from 'tsx/esm/api';

register();
await import('./compiler-thread-work.ts');
