/**
 * Emits `packages/types/src/generated/openapi.ts` with openapi-typescript: the `paths`,
 * `components` and `operations` types that openapi-fetch consumes.
 *
 * Each named schema is replaced by the type of the same name from `schemas.ts` (emitted from
 * the model), so that the raw openapi-fetch client sees the handler rules too; openapi-typescript
 * alone would drop them.
 *
 * The spec given here is Redocly's bundle, which the pipeline has linted with rules that include
 * everything openapi-typescript's `openapiTS` checks (its "minimal" rules and unique
 * operationIds). So the types are made with the steps `openapiTS` runs after its own lint and
 * bundle, which are exported with it (`transformSchema`, with the `GlobalContext` it builds from
 * the options): linting and bundling the same document again would cost a walk of the whole
 * spec each, a large part of the step on a big spec. A test checks that both give the same text.
 */
import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import { generatedHeader } from './header.ts';
import type { CompilerEmitter } from './emitter.ts';
import { schemaTypeName } from './naming.ts';
import { schemaNameAt } from '../model/read-model.ts';

export const OPENAPI_TYPES_PATH = 'packages/types/src/generated/openapi.ts';

// Loaded on first use: importing the emitters (the main thread of the pipeline does) must not
// load the compiler, which only the thread that runs this emitter needs. Both are loaded
// through their CommonJS entry points: by `import`, Node would also scan all of the compiler's
// megabytes of CommonJS for export names before running it, which costs as much again.
const require = createRequire(import.meta.url);
const openapiTypescript = (): typeof import('openapi-typescript') => require('openapi-typescript');

/** The Redocly library openapi-typescript itself uses (its version may differ from the pipeline's). */
const itsRedocly = (): { createConfig(config: object): Promise<GlobalContext['redoc']> } => createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core');

/** openapi-typescript's options for this file; `usedSchemas` collects the named schemas it refers to. */
export function openApiTypesOptions(usedSchemas: Set<string>): OpenAPITSOptions {
  const ts: typeof import('typescript') = require('typescript');
  return {
    defaultNonNullable: false,
    silent: true,
    postTransform(_type, options) {
      const name = options.path && schemaNameAt(options.path);
      if (!name) return undefined;
      usedSchemas.add(name);
      return ts.factory.createTypeReferenceNode(`Schemas.${schemaTypeName(name)}`);
    },
  };
}

/**
 * What `openapiTS(spec, options)` returns for a spec that is bundled and linted already: its
 * context, made from the options with the defaults it documents, and its transform.
 */
export async function transformBundledSpec(spec: Record<string, unknown>, options: OpenAPITSOptions): Promise<ReturnType<(typeof import('openapi-typescript'))['transformSchema']>> {
  const { transformSchema, scanDiscriminators, resolveRef } = openapiTypescript();
  const schema = structuredClone(spec) as unknown as OpenAPI3;
  const silent = options.silent ?? false;
  const ctx: GlobalContext = {
    additionalProperties: options.additionalProperties ?? false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: options.arrayLength ?? false,
    defaultNonNullable: options.defaultNonNullable ?? true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: options.emptyObjectsUnknown ?? false,
    enum: options.enum ?? false,
    enumValues: options.enumValues ?? false,
    conditionalEnums: options.conditionalEnums ?? false,
    dedupeEnums: options.dedupeEnums ?? false,
    excludeDeprecated: options.excludeDeprecated ?? false,
    exportType: options.exportType ?? false,
    immutable: options.immutable ?? false,
    rootTypes: options.rootTypes ?? false,
    rootTypesNoSchemaPrefix: options.rootTypesNoSchemaPrefix ?? false,
    rootTypesKeepCasing: options.rootTypesKeepCasing ?? false,
    injectFooter: [],
    pathParamsAsTypes: options.pathParamsAsTypes ?? false,
    postTransform: options.postTransform,
    propertiesRequiredByDefault: options.propertiesRequiredByDefault ?? false,
    redoc: options.redocly ?? (await itsRedocly().createConfig({})),
    silent,
    inject: options.inject,
    transform: options.transform,
    transformProperty: options.transformProperty,
    makePathsEnum: options.makePathsEnum ?? false,
    generatePathParams: options.generatePathParams ?? false,
    readWriteMarkers: options.readWriteMarkers ?? false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent }),
  };
  return transformSchema(schema, ctx);
}

export async function renderOpenApiTypes(spec: Record<string, unknown>, specHash: string): Promise<string> {
  const usedSchemas = new Set<string>();
  const body = openapiTypescript().astToString(await transformBundledSpec(spec, openApiTypesOptions(usedSchemas)));
  const importLine = usedSchemas.size > 0 ? "import type * as Schemas from './schemas.ts';\n\n" : '';
  return `${generatedHeader('scripts/emit/openapi-types.ts, openapi-typescript', specHash)}${importLine}${body}`;
}

export const openApiTypesEmitter: CompilerEmitter = {
  name: 'openapi-typescript types',
  owns: [],
  needsCompiler: true,
  emit: async ({ spec, specHash }) => [{ path: OPENAPI_TYPES_PATH, contents: await renderOpenApiTypes(spec, specHash) }],
};
