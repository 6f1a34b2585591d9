/**
 * Emits `packages/client/src/generated/operations.ts`: the table of operations the client's
 * hand-written runtime reads instead of restating the spec. For each operation it gives the
 * method and path, which statuses are success, which validator checks the request body and
 * each success body, whether the operation may be retried, and the kind of each query
 * parameter (so that a `links.next` URL can be turned back into typed query parameters).
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import type { ApiModel, OperationModel, ParameterModel } from '../model/types.ts';

export const CLIENT_OPERATIONS_PATH = 'packages/client/src/generated/operations.ts';

/**
 * Methods that RFC 9110 §9.2.2 defines as idempotent: sending the request twice has the effect
 * of sending it once, so a request whose answer was lost may be sent again.
 */
const IDEMPOTENT_METHODS: ReadonlySet<OperationModel['method']> = new Set(['get', 'put', 'delete']);

/** `assertCreateSipEndpointRequest`: the validators package exports one per schema. */
export function assertFunctionName(schema: string): string {
  return `assert${schema}`;
}

/** The parameter kinds the runtimes convert query strings to. */
export function parameterKind(parameter: ParameterModel): 'string' | 'integer' {
  if (parameter.type.kind === 'string' || parameter.type.kind === 'integer') return parameter.type.kind;
  throw new Error(`${parameter.pointer}: parameters of kind ${parameter.type.kind} are not supported by the client and mock runtimes`);
}

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
  const query = op.parameters
    .filter((p) => p.in === 'query')
    .map((p) => `{ name: ${JSON.stringify(p.name)}, kind: '${parameterKind(p)}' }`);
  const successes = op.successes.map((s) =>
    s.schema
      ? `{ status: ${Number(s.status)}, schema: '${s.schema}', assertBody: ${assertFunctionName(s.schema)} }`
      : `{ status: ${Number(s.status)} }`,
  );
  const lines = [
    `operationId: '${op.operationId}',`,
    `method: '${op.method.toUpperCase()}',`,
    `path: ${JSON.stringify(op.path)},`,
    `successes: [${successes.join(', ')}],`,
    `errorStatuses: [${op.errors.map((e) => Number(e.status)).join(', ')}],`,
    op.requestBody
      ? `requestBody: { schema: '${op.requestBody.schema}', assertBody: ${assertFunctionName(op.requestBody.schema)} },`
      : undefined,
    `retrySafe: ${IDEMPOTENT_METHODS.has(op.method)},`,
    `queryParameters: [${query.join(', ')}],`,
  ].filter((line): line is string => line !== undefined);
  return `${jsDoc(`${op.summary} (${op.pointer})`, '  ')}  ${op.operationId}: {\n${lines.map((l) => `    ${l}`).join('\n')}\n  },`;
}

export function renderClientOperations(model: ApiModel, specHash: string): string {
  const schemas = validatedSchemas(model.operations);
  return [
    generatedHeader('scripts/emit/client-operations.ts', specHash),
    `import { ${schemas.map(assertFunctionName).join(', ')} } from '@sip-endpoints/validators';`,
    '',
    '/** Throws `ValidationError` listing every problem when `body` does not match the schema. */',
    'export type BodyAssertion = (body: unknown) => void;',
    '',
    'export interface ClientOperation {',
    '  readonly operationId: string;',
    "  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';",
    '  /** Below the server URL, with `{param}` placeholders. */',
    '  readonly path: string;',
    '  /** Every 2xx status the spec lists, ascending, with the schema of its body when it has one. */',
    '  readonly successes: readonly { readonly status: number; readonly schema?: string; readonly assertBody?: BodyAssertion }[];',
    '  readonly errorStatuses: readonly number[];',
    '  readonly requestBody?: { readonly schema: string; readonly assertBody: BodyAssertion };',
    '  /** The method is idempotent (RFC 9110), so a request whose answer was lost may be sent again. */',
    '  readonly retrySafe: boolean;',
    "  readonly queryParameters: readonly { readonly name: string; readonly kind: 'string' | 'integer' }[];",
    '}',
    '',
    jsDoc('The server URL of the spec; `{space}` is the name of the SignalWire Space.') +
      `export const serverUrlTemplate = ${JSON.stringify(model.serverUrl)};`,
    '',
    jsDoc('Every operation of the spec, keyed by operationId.') + 'export const operations = {',
    ...model.operations.map(operationEntry),
    '} as const satisfies Record<string, ClientOperation>;',
    '',
    'export type OperationId = keyof typeof operations;',
    '',
  ].join('\n');
}

export const clientOperationsEmitter: Emitter = {
  name: 'client operation table',
  owns: ['packages/client/src/generated'],
  emit: ({ model, specHash }) => [{ path: CLIENT_OPERATIONS_PATH, contents: renderClientOperations(model, specHash) }],
};
