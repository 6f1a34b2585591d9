/**
 * Every emitter `npm run generate` runs, after lint and bundle. Each is a pure function from
 * the bundled spec and its model to files; see `emitter.ts`. Add a new artefact to the list
 * below.
 */
import type { Emitter } from './emitter.ts';
import { clientOperationsEmitter } from './client-operations.ts';
import { docsEmitter } from './docs.ts';
import { codeSamplesEmitter } from './docs-code-samples.ts';
import { mockRoutesEmitter } from './mock-routes.ts';
import { openApiTypesEmitter } from './openapi-types.ts';
import { schemaTypesEmitter } from './schema-types.ts';
import { validatorsEmitter } from './validators.ts';

export const emitters: readonly Emitter[] = [docsEmitter, openApiTypesEmitter, schemaTypesEmitter, clientOperationsEmitter, mockRoutesEmitter, validatorsEmitter, codeSamplesEmitter];
