/**
 * Emits `packages/mock-server/src/generated/routes.ts`: what the mock server must serve, read
 * from the spec. For each operation: the method and path, its path and query parameters with
 * their limits and defaults, the success and error statuses it may answer, and the validator
 * that checks its request body. It also lists the fields of a `SipEndpoint` response, so that
 * the mock answers every one of them (null when unset) without restating the schema.
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import { objectSchema } from '../model/read-model.ts';
import type { ApiModel, OperationModel, ParameterModel } from '../model/types.ts';
import { parameterKind } from './client-operations.ts';

export const MOCK_ROUTES_PATH = 'packages/mock-server/src/generated/routes.ts';

/** The schema every single-endpoint response uses; its fields are what the mock answers. */
const RESOURCE_SCHEMA = 'SipEndpoint';

function parameterEntry(parameter: ParameterModel): string {
  const type = parameter.type;
  const parts = [
    `name: ${JSON.stringify(parameter.name)}`,
    `required: ${parameter.required}`,
    `kind: '${parameterKind(parameter)}'`,
    type.kind === 'string' && type.format !== undefined ? `format: '${type.format}'` : undefined,
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
    `operationId: '${op.operationId}',`,
    `method: '${op.method.toUpperCase()}',`,
    `path: ${JSON.stringify(op.path)},`,
    `pathParameters: [${inPath.join(', ')}],`,
    inQuery.length === 0 ? 'queryParameters: [],' : `queryParameters: [\n${inQuery.map((p) => `      ${p},`).join('\n')}\n    ],`,
    `successStatuses: [${op.successes.map((s) => Number(s.status)).join(', ')}],`,
    `errorStatuses: [${op.errors.map((e) => Number(e.status)).join(', ')}],`,
    op.requestBody
      ? `requestBody: { schema: '${op.requestBody.schema}', required: ${op.requestBody.required}, validator: ${op.requestBody.schema} },`
      : undefined,
  ].filter((line): line is string => line !== undefined);
  return `${jsDoc(`${op.summary} (${op.pointer})`, '  ')}  {\n${lines.map((l) => `    ${l}`).join('\n')}\n  },`;
}

export function renderMockRoutes(model: ApiModel, specHash: string): string {
  const bodySchemas = [...new Set(model.operations.flatMap((op) => (op.requestBody ? [op.requestBody.schema] : [])))].sort();
  const resource = objectSchema(model, RESOURCE_SCHEMA);
  const fields = resource.fields.map((f) => `  { name: ${JSON.stringify(f.name)}, nullable: ${f.type.nullable} },`);
  return [
    generatedHeader('scripts/emit/mock-routes.ts', specHash),
    `import { ${bodySchemas.join(', ')}, type ValidationResult } from '@sip-endpoints/validators';`,
    '',
    '/** A Standard Schema validator of @sip-endpoints/validators: `validate` answers synchronously. */',
    "export interface BodyValidator {\n  readonly '~standard': { readonly validate: (value: unknown) => ValidationResult<unknown> };\n}",
    '',
    `export type OperationId = ${model.operations.map((op) => `'${op.operationId}'`).join(' | ')};`,
    '',
    'export interface RouteParameter {',
    '  readonly name: string;',
    '  readonly required: boolean;',
    "  readonly kind: 'string' | 'integer';",
    "  readonly format?: 'uri' | 'uuid';",
    '  readonly minimum?: number;',
    '  readonly maximum?: number;',
    '  readonly default?: string | number;',
    '}',
    '',
    'export interface Route {',
    '  readonly operationId: OperationId;',
    "  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';",
    '  /** Below `basePath`, with `{param}` placeholders. */',
    '  readonly path: string;',
    '  readonly pathParameters: readonly RouteParameter[];',
    '  readonly queryParameters: readonly RouteParameter[];',
    '  /** Ascending; the mock answers the first unless told otherwise. */',
    '  readonly successStatuses: readonly number[];',
    '  readonly errorStatuses: readonly number[];',
    '  readonly requestBody?: { readonly schema: string; readonly required: boolean; readonly validator: BodyValidator };',
    '}',
    '',
    jsDoc(`The path of the server URL (${model.serverUrl}), under which every route is served.`) +
      `export const basePath = ${JSON.stringify(model.basePath)};`,
    '',
    jsDoc('Every operation of the spec, in spec order.') + 'export const routes: readonly Route[] = [',
    ...model.operations.map(routeEntry),
    '];',
    '',
    jsDoc(`The fields of a \`${RESOURCE_SCHEMA}\` response (${resource.pointer}), in spec order. \`nullable\` fields are null when unset.`) +
      `export const ${RESOURCE_SCHEMA.charAt(0).toLowerCase()}${RESOURCE_SCHEMA.slice(1)}Fields = [`,
    ...fields,
    '] as const;',
    '',
  ].join('\n');
}

export const mockRoutesEmitter: Emitter = {
  name: 'mock server routes',
  owns: ['packages/mock-server/src/generated'],
  emit: ({ model, specHash }) => [{ path: MOCK_ROUTES_PATH, contents: renderMockRoutes(model, specHash) }],
};
