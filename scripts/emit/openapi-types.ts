/**
 * Emits `packages/types/src/generated/openapi.ts` with openapi-typescript: the `paths`,
 * `components` and `operations` types that openapi-fetch consumes.
 *
 * Each named schema is replaced by the type of the same name from `schemas.ts` (emitted from
 * the model), so that the raw openapi-fetch client sees the handler rules too; openapi-typescript
 * alone would drop them.
 */
import { createRequire } from 'node:module';
import { generatedHeader } from './header.ts';
import type { CompilerEmitter } from './emitter.ts';
import { schemaTypeName } from './naming.ts';
import { schemaNameAt } from '../model/read-model.ts';

export const OPENAPI_TYPES_PATH = 'packages/types/src/generated/openapi.ts';

/**
 * openapi-typescript and the compiler, loaded on first use: importing the emitters (the main
 * thread of the pipeline does) must not load the compiler, which only the thread that runs
 * this emitter needs. Both are loaded through their CommonJS entry points: by `import`, Node
 * would also scan all of the compiler's megabytes of CommonJS for export names before running
 * it, which costs as much again.
 */
function loadTools(): { openapiTS: typeof import('openapi-typescript').default; astToString: typeof import('openapi-typescript').astToString; ts: typeof import('typescript') } {
  const require = createRequire(import.meta.url);
  const { default: openapiTS, astToString }: typeof import('openapi-typescript') = require('openapi-typescript');
  return { openapiTS, astToString, ts: require('typescript') };
}

export async function renderOpenApiTypes(spec: Record<string, unknown>, specHash: string): Promise<string> {
  const { openapiTS, astToString, ts } = loadTools();
  const usedSchemas = new Set<string>();
  const ast = await openapiTS(structuredClone(spec) as never, {
    defaultNonNullable: false,
    silent: true,
    postTransform(_type, options) {
      const name = options.path && schemaNameAt(options.path);
      if (!name) return undefined;
      usedSchemas.add(name);
      return ts.factory.createTypeReferenceNode(`Schemas.${schemaTypeName(name)}`);
    },
  });
  const body = astToString(ast);
  const importLine = usedSchemas.size > 0 ? "import type * as Schemas from './schemas.ts';\n\n" : '';
  return `${generatedHeader('scripts/emit/openapi-types.ts, openapi-typescript', specHash)}${importLine}${body}`;
}

export const openApiTypesEmitter: CompilerEmitter = {
  name: 'openapi-typescript types',
  owns: [],
  needsCompiler: true,
  prepare: loadTools,
  emit: async ({ spec, specHash }) => [{ path: OPENAPI_TYPES_PATH, contents: await renderOpenApiTypes(spec, specHash) }],
};
