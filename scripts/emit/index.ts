/**
 * Every emitter `npm run generate` runs, after lint and bundle. Each is a pure function from
 * the bundled spec and its model to files; see `emitter.ts`. Add a new artefact to one of the
 * two lists below.
 */
import type { Emitter } from './emitter.ts';
import { clientOperationsEmitter } from './client-operations.ts';
import { docsEmitter } from './docs.ts';
import { mockRoutesEmitter } from './mock-routes.ts';
import { openApiTypesEmitter } from './openapi-types.ts';
import { schemaTypesEmitter } from './schema-types.ts';
import { validatorsEmitter } from './validators.ts';

/**
 * Emitters run in the emit worker (`worker.ts`), on the second core: they are CPU-bound and
 * load TypeScript compilers, which the worker starts loading while the main thread reads the spec.
 */
export const workerEmitters: readonly Emitter[] = [openApiTypesEmitter, schemaTypesEmitter, clientOperationsEmitter, mockRoutesEmitter, validatorsEmitter];

/** Emitters run on the main thread: docs does its work in a child process of its own. */
export const mainThreadEmitters: readonly Emitter[] = [docsEmitter];

export const emitters: readonly Emitter[] = [...mainThreadEmitters, ...workerEmitters];
