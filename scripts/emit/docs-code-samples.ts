/**
 * Code samples for the docs (`x-codeSamples`): per operation, a TypeScript program that uses
 * the client package and a curl command, made from the model and the spec's examples.
 *
 * The TypeScript samples are also emitted as files under generated/docs/samples/, which the
 * generator's type-check and `npm run typecheck` compile against the client: a sample that no
 * longer matches the client stops the pipeline instead of drifting.
 *
 * Redoc shows a sample only when its label is one of the languages it is configured with
 * (by default a fixed list without TypeScript), so build-docs gets SAMPLE_LANGUAGES as its
 * `codeSamples.languages`.
 */
import { nodeAtPointer } from '../model/read-model.ts';
import { readResources, type CrudRole } from '../model/resources.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import { operationMethodName, resourcePropertyName } from './naming.ts';
import type { GeneratedFile, ModelEmitter } from './emitter.ts';
import { generatedHeader } from './header.ts';

export const CLIENT_PACKAGE = '@sip-endpoints/client';
export const SAMPLES_DIR = 'generated/docs/samples';
export const TYPESCRIPT_SAMPLE = { lang: 'JavaScript', label: `TypeScript (${CLIENT_PACKAGE})` } as const;
export const CURL_SAMPLE = { lang: 'curl', label: 'curl' } as const;
/** Redoc's `codeSamples.languages`: the samples it shows, in its menu's order. */
export const SAMPLE_LANGUAGES = [CURL_SAMPLE, TYPESCRIPT_SAMPLE];

/** The client's factory: the same for every spec, since resources hang off the client it makes. */
export const CLIENT_FACTORY = 'createClient';

/** Everything a sample needs to know about one operation. */
export interface SampleOperation {
  operation: OperationModel;
  /** How the client calls it: `sipEndpoints.create` (the resource's property, then the method). */
  clientCall: string;
  /** The CRUD role the method has, if any: a list is iterated, a delete returns nothing. */
  role?: CrudRole;
  /** The first example of the request body, when it has one. */
  bodyExample?: unknown;
}

function pathParameters(operation: OperationModel): string[] {
  return operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
}

/** A value as a TypeScript literal: JSON, with keys unquoted where they are plain names. */
function literal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^(\s*)"([A-Za-z_$][\w$]*)":/gm, '$1$2:');
}

/** A complete TypeScript program calling the operation through the client package. */
export function typescriptSample({ operation, clientCall, role, bodyExample }: SampleOperation, baseUrl: string): string {
  const factory = CLIENT_FACTORY;
  const call = `client.${clientCall}`;
  const ids = pathParameters(operation);
  const args = [...ids, ...(bodyExample === undefined ? [] : [literal(bodyExample)])].join(', ');
  const lines = [
    `import { ${factory} } from '${CLIENT_PACKAGE}';`,
    '',
    `const client = ${factory}({`,
    `  baseUrl: '${baseUrl}',`,
    `  projectId: 'your-project-id',`,
    `  apiToken: 'your-api-token',`,
    '});',
    '',
    ...ids.map((id) => `const ${id} = 'the-${id}';`),
  ];
  switch (role) {
    case 'list':
      lines.push(`// Every item of every page: the client follows the next links.`, `for await (const item of ${call}()) {`, `  // use item`, `}`);
      break;
    case 'delete':
      lines.push(`await ${call}(${args});`);
      break;
    default:
      lines.push(`const result = await ${call}(${args});`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same request with curl, Basic auth from environment variables. */
export function curlSample({ operation, bodyExample }: SampleOperation, baseUrl: string): string {
  const url = `${baseUrl}${operation.path.replace(/\{([^}]+)\}/g, (_m, name: string) => `the-${name}`)}`;
  const lines = [`curl -X ${operation.method.toUpperCase()} '${url}' \\`, `  -u "$PROJECT_ID:$API_TOKEN"`];
  if (bodyExample !== undefined) {
    lines[1] += ' \\';
    lines.push(`  -H 'Content-Type: application/json' \\`, `  -d '${JSON.stringify(bodyExample).replace(/'/g, `'\\''`)}'`);
  }
  return `${lines.join('\n')}\n`;
}

/** The server URL with each variable at its default, as the samples use it. */
export function sampleBaseUrl(spec: Record<string, any>): string {
  const server = spec.servers?.[0] ?? { url: '' };
  return String(server.url).replace(/\{([^}]+)\}/g, (_m, name: string) => String(server.variables?.[name]?.default ?? name));
}

function resolveRef(spec: Record<string, any>, value: any): any {
  if (!value || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  return nodeAtPointer(spec, value.$ref);
}

/** The operations with the client call that makes them and their body example. */
export function sampleOperations(spec: Record<string, any>, model: ApiModel): SampleOperation[] {
  return readResources(model, spec).flatMap((resource) =>
    resource.operations.map(({ operation, role }) => {
      const source = spec.paths[operation.path][operation.method];
      const examples = source.requestBody?.content?.['application/json']?.examples ?? {};
      const first = Object.values(examples)[0];
      const bodyExample = first === undefined ? undefined : resolveRef(spec, first)?.value;
      const method = role ?? operationMethodName(operation.operationId);
      return {
        operation,
        clientCall: `${resourcePropertyName(resource.tag)}.${method}`,
        ...(role && { role }),
        ...(bodyExample !== undefined && { bodyExample }),
      };
    }),
  );
}

/** Adds `x-codeSamples` to every operation of `docsSpec` (a copy). */
export function addCodeSamples(docsSpec: Record<string, any>, spec: Record<string, any>, model: ApiModel): void {
  const baseUrl = sampleBaseUrl(spec);
  for (const sample of sampleOperations(spec, model)) {
    docsSpec.paths[sample.operation.path][sample.operation.method]['x-codeSamples'] = [
      { ...TYPESCRIPT_SAMPLE, source: typescriptSample(sample, baseUrl) },
      { ...CURL_SAMPLE, source: curlSample(sample, baseUrl) },
    ];
  }
}

/** The TypeScript samples as files, so that they are compiled with the rest of the code. */
export function codeSampleFiles(spec: Record<string, any>, model: ApiModel, specHash: string): GeneratedFile[] {
  const baseUrl = sampleBaseUrl(spec);
  return sampleOperations(spec, model).map((sample) => ({
    path: `${SAMPLES_DIR}/${sample.operation.operationId}.ts`,
    contents: `${generatedHeader('scripts/emit/docs-code-samples.ts', specHash)}${typescriptSample(sample, baseUrl)}`,
  }));
}

/**
 * The samples' files come from an ordinary emitter, not from the docs' child process, so that
 * they are type-checked with the rest of the generated code, in one pass.
 */
export const codeSamplesEmitter: ModelEmitter = {
  name: 'docs code samples',
  owns: [SAMPLES_DIR],
  emit: ({ spec, model, specHash }) => codeSampleFiles(spec, model, specHash),
};
