/**
 * Emits the client's generated code: `packages/client/src/generated/operations.ts`, the table
 * of operations the hand-written runtime reads instead of restating the spec (method and path,
 * which statuses are success, which validator checks the request body and each success body,
 * the path parameters, and the kind of each query parameter, so that a next-page link can be
 * turned back into typed query parameters), and `resources.ts` (see client-resources.ts).
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import { assertFunctionName } from './naming.ts';
import { renderClientResources, CLIENT_RESOURCES_PATH } from './client-resources.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import { readResources } from '../model/resources.ts';
import { parameterKind } from './parameter-kinds.ts';

export const CLIENT_OPERATIONS_PATH = 'packages/client/src/generated/operations.ts';

/** Schemas whose validator the operation table references, sorted for a stable import line. */
function validatedSchemas(operations: readonly OperationModel[]): string[] {
  const names = new Set<string>();
  for (const op of operations) {
    if (op.requestBody) names.add(op.requestBody.schema);
    for (const success of op.successes) if (success.schema) names.add(success.schema);
  }
  return [...names].sort();
}

function operationEntry(op: OperationModel): string {
  const text = JSON.stringify;
  const query = op.parameters.filter((p) => p.in === 'query').map((p) => `{ name: ${text(p.name)}, kind: ${text(parameterKind(p))} }`);
  const successes = op.successes.map((s) =>
    s.schema ? `{ status: ${Number(s.status)}, schema: ${text(s.schema)}, assertBody: ${assertFunctionName(s.schema)} }` : `{ status: ${Number(s.status)} }`,
  );
  const lines = [
    `operationId: ${text(op.operationId)},`,
    `method: ${text(op.method.toUpperCase())},`,
    `path: ${text(op.path)},`,
    `successes: [${successes.join(', ')}],`,
    op.requestBody ? `requestBody: { schema: ${text(op.requestBody.schema)}, assertBody: ${assertFunctionName(op.requestBody.schema)} },` : undefined,
    `pathParameters: [${op.parameters.filter((p) => p.in === 'path').map((p) => text(p.name)).join(', ')}],`,
    `queryParameters: [${query.join(', ')}],`,
  ].filter((line): line is string => line !== undefined);
  return `${jsDoc(`${op.summary} (${op.pointer})`, '  ')}  ${text(op.operationId)}: {\n${lines.map((l) => `    ${l}`).join('\n')}\n  },`;
}

export function renderClientOperations(model: ApiModel, specHash: string): string {
  const schemas = validatedSchemas(model.operations);
  return [
    generatedHeader('scripts/emit/client-operations.ts', specHash),
    "import type { ClientOperation } from '../operation.ts';",
    ...(schemas.length > 0 ? [`import { ${schemas.map(assertFunctionName).join(', ')} } from '@sip-endpoints/validators';`] : []),
    '',
    jsDoc('The server URL of the spec; a `{space}` in it is filled with the `space` option.') + `export const serverUrlTemplate = ${JSON.stringify(model.serverUrl)};`,
    '',
    jsDoc('Every operation of the spec, keyed by operationId.') + 'export const operations = {',
    ...model.operations.map(operationEntry),
    '} as const satisfies Record<string, ClientOperation>;',
    '',
  ].join('\n');
}

export const clientOperationsEmitter: Emitter = {
  name: 'client operations and resources',
  owns: ['packages/client/src/generated'],
  emit: ({ model, spec, specHash }) => [
    { path: CLIENT_OPERATIONS_PATH, contents: renderClientOperations(model, specHash) },
    { path: CLIENT_RESOURCES_PATH, contents: renderClientResources(model, readResources(model, spec), specHash) },
  ],
};
