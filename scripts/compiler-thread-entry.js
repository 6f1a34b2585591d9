// @ts-check
/**
 * The entry module of the pipeline's compiler thread (see `compiler-thread.ts`).
 *
 * Plain JavaScript: Node 20 does not pass tsx's loader on to worker threads, so this module
 * registers it (tsx's public API) before it imports the TypeScript module that does the work.
 * The compiler and openapi-typescript, most of what the thread loads, are imported first, without
 * the loader's hooks, which only slow the loading of plain JavaScript packages; the work module's
 * imports of them then find them loaded.
 */
await Promise.all([import('typescript'), import('openapi-typescript')]);
const { register } = await import('tsx/esm/api');
register();
await import('./compiler-thread-work.ts');
