/**
 * Emits `packages/mock-server/src/generated/routes.ts`: what the mock server must serve, read
 * from the spec. For each operation: the method and path, its path and query parameters with
 * their limits and defaults, the success and error statuses it may answer, and the validator
 * that checks its request body. It also describes each resource (see `mock-resources.ts`), so
 * that the mock's one generic store serves every resource without restating the spec. The types
 * of these tables are hand-written in the mock's runtime (`resource-descriptor.ts`).
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import type { ApiModel, OperationModel, ParameterModel } from '../model/types.ts';
import { parameterKind } from './parameter-kinds.ts';
import { describeMockResources, type ResourceDescriptorData } from './mock-resources.ts';
import { schemaTypeName } from './naming.ts';

export const MOCK_ROUTES_PATH = 'packages/mock-server/src/generated/routes.ts';

function parameterEntry(parameter: ParameterModel): string {
  const type = parameter.type;
  const parts = [
    `name: ${JSON.stringify(parameter.name)}`,
    `required: ${parameter.required}`,
    `kind: '${parameterKind(parameter)}'`,
    type.kind === 'string' && type.format !== undefined ? `format: ${JSON.stringify(type.format)}` : undefined,
    type.kind === 'integer' && type.minimum !== undefined ? `minimum: ${type.minimum}` : undefined,
    type.kind === 'integer' && type.maximum !== undefined ? `maximum: ${type.maximum}` : undefined,
    parameter.default !== undefined ? `default: ${JSON.stringify(parameter.default)}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return `{ ${parts.join(', ')} }`;
}

function routeEntry(op: OperationModel): string {
  const inPath = op.parameters.filter((p) => p.in === 'path').map(parameterEntry);
  const inQuery = op.parameters.filter((p) => p.in === 'query').map(parameterEntry);
  const lines = [
    `operationId: ${JSON.stringify(op.operationId)},`,
    `method: ${JSON.stringify(op.method.toUpperCase())},`,
    `path: ${JSON.stringify(op.path)},`,
    `pathParameters: [${inPath.join(', ')}],`,
    inQuery.length === 0 ? 'queryParameters: [],' : `queryParameters: [\n${inQuery.map((p) => `      ${p},`).join('\n')}\n    ],`,
    `successStatuses: [${op.successes.map((s) => Number(s.status)).join(', ')}],`,
    `errorStatuses: [${op.errors.map((e) => Number(e.status)).join(', ')}],`,
    op.requestBody
      ? `requestBody: { schema: ${JSON.stringify(op.requestBody.schema)}, required: ${op.requestBody.required}, validator: ${schemaTypeName(op.requestBody.schema)} },`
      : undefined,
  ].filter((line): line is string => line !== undefined);
  return `${jsDoc(`${op.summary} (${op.pointer})`, '  ')}  {\n${lines.map((l) => `    ${l}`).join('\n')}\n  },`;
}

/**
 * A resource descriptor as TypeScript source: one line per property, and one line per element of
 * an array of objects. Every value goes through `JSON.stringify`, which is valid TypeScript and
 * escapes whatever the spec's names and values hold.
 */
function descriptorLiteral(resource: ResourceDescriptorData): string {
  const lines = Object.entries(resource).map(([key, value]) =>
    Array.isArray(value) && value.some((v) => typeof v === 'object')
      ? `    ${JSON.stringify(key)}: [\n${value.map((v) => `      ${JSON.stringify(v)},`).join('\n')}\n    ],`
      : `    ${JSON.stringify(key)}: ${JSON.stringify(value)},`,
  );
  return `  {\n${lines.join('\n')}\n  },`;
}

export function renderMockRoutes(model: ApiModel, spec: Record<string, unknown>, specHash: string): string {
  const bodySchemas = [...new Set(model.operations.flatMap((op) => (op.requestBody ? [schemaTypeName(op.requestBody.schema)] : [])))].sort();
  const resources = describeMockResources(model, spec);
  return [
    generatedHeader('scripts/emit/mock-routes.ts', specHash),
    ...(bodySchemas.length > 0 ? [`import { ${bodySchemas.join(', ')} } from '@sip-endpoints/validators';`] : []),
    "import type { BodyValidator, ResourceDescriptor, RouteDescriptor, RouteParameter } from '../resource-descriptor.ts';",
    '',
    'export type { BodyValidator, ResourceDescriptor, RouteParameter };',
    '',
    `export type OperationId = ${model.operations.map((op) => JSON.stringify(op.operationId)).join(' | ')};`,
    '',
    'export type Route = RouteDescriptor<OperationId>;',
    '',
    jsDoc(`The path of the server URL (${model.serverUrl}), under which every route is served.`) +
      `export const basePath = ${JSON.stringify(model.basePath)};`,
    '',
    jsDoc('Every operation of the spec, in spec order.') + 'export const routes: readonly Route[] = [',
    ...model.operations.map(routeEntry),
    '];',
    '',
    jsDoc('Every resource of the spec (the operations that share a tag), with what the mock needs to serve it.') +
      'export const resources: readonly ResourceDescriptor[] = [',
    ...resources.map(descriptorLiteral),
    '];',
    '',
  ].join('\n');
}

export const mockRoutesEmitter: Emitter = {
  name: 'mock server routes',
  owns: ['packages/mock-server/src/generated'],
  emit: ({ model, spec, specHash }) => [{ path: MOCK_ROUTES_PATH, contents: renderMockRoutes(model, spec, specHash) }],
};
