/**
 * Renders `packages/client/src/generated/resources.ts`: one class per resource (the operations
 * sharing a tag), exposed as `client.<camelCase of the tag>`. A method per operation, named by
 * its CRUD role (`list`, `create`, `retrieve`, `update`, `delete`) or, without one, by its
 * camelCased operationId; each typed from `@sip-endpoints/types`' `operations` and documented
 * with the operation's summary and description. The methods only name their operation: the
 * work is done by the hand-written `ResourceBase` they extend.
 */
import { generatedHeader, jsDoc } from './header.ts';
import { assertIdentifier, camelCase, operationMethodName, resourceClassName, resourcePropertyName, uniqueNames } from './naming.ts';
import type { ApiModel, OperationModel } from '../model/types.ts';
import type { ResourceModel, ResourceOperation } from '../model/resources.ts';

export const CLIENT_RESOURCES_PATH = 'packages/client/src/generated/resources.ts';

/** Members the client object has besides its resources. */
const CLIENT_MEMBERS = { raw: 'the client itself (`client.raw`)', baseUrl: 'the client itself (`client.baseUrl`)' };
/** Members a resource class inherits from the runtime's `ResourceBase`. */
const RESOURCE_BASE_MEMBERS = {
  constructor: 'the runtime (ResourceBase)',
  context: 'the runtime (ResourceBase)',
  request: 'the runtime (ResourceBase)',
  paginate: 'the runtime (ResourceBase)',
  unwrap: 'the runtime (ResourceBase)',
};

const text = JSON.stringify;

/** The operation's summary and description, for an editor's hover. */
function methodDoc(op: OperationModel): string {
  const parts = [op.summary, op.description].map((part) => part.trim()).filter((part) => part !== '');
  return jsDoc(parts.join('\n\n'), '  ');
}

/** The tag and its description, documenting a resource class and its client property. */
function resourceSummary(resource: ResourceModel): string {
  return `${resource.tag}${resource.description ? `: ${resource.description}` : ''}`;
}

/** `{ name: value, ... }` for the path parameters of a call. */
function pathObject(names: readonly { key: string; variable: string }[], spread: string | undefined): string {
  const members = names.map(({ key, variable }) => (key === variable ? key : `${text(key)}: ${variable}`));
  return `{ ${[...(spread ? [`...${spread}`] : []), ...members].join(', ')} }`;
}

function methodSource(resource: ResourceModel, { operation: op, role }: ResourceOperation, name: string, paging: string | undefined): string {
  const type = `Operations[${text(op.operationId)}]`;
  const pathParameters = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParameters = op.parameters.filter((p) => p.in === 'query');
  const params: string[] = [];
  const call: string[] = [];
  if (role === undefined) {
    // Without a role, the parts of the call come as one object, named as openapi-fetch names them.
    const members = [
      ...(pathParameters.length > 0 ? [`path: OperationPath<${type}>`] : []),
      ...(queryParameters.length > 0 ? [`query${queryParameters.some((p) => p.required) ? '' : '?'}: OperationQuery<${type}>`] : []),
      ...(op.requestBody ? [`body${op.requestBody.required ? '' : '?'}: OperationBody<${type}>`] : []),
    ];
    if (members.length > 0) {
      params.push(`call: { ${members.join('; ')} }`);
      call.push('call');
    } else call.push('{}');
  } else {
    const itemRole = role === 'retrieve' || role === 'update' || role === 'delete';
    const id = itemRole ? resource.idParameter : undefined;
    const parents = pathParameters.filter((p) => p !== id);
    const parts: string[] = [];
    if (parents.length > 0) params.push(`parent: Omit<OperationPath<${type}>, ${text(id ?? '')}>`);
    const idVariable = id === undefined ? undefined : assertIdentifier(camelCase(id), `the path parameter "${id}" of ${op.pointer}`);
    if (id !== undefined) params.push(`${idVariable}: OperationPath<${type}>[${text(id)}]`);
    if (pathParameters.length > 0) parts.push(`path: ${pathObject(id !== undefined ? [{ key: id, variable: idVariable! }] : [], parents.length > 0 ? 'parent' : undefined)}`);
    if (queryParameters.length > 0) {
      params.push(`query: OperationQuery<${type}>${queryParameters.some((p) => p.required) ? '' : ' = {}'}`);
      parts.push('query');
    }
    if (op.requestBody) {
      params.push(`body${op.requestBody.required ? '' : '?'}: OperationBody<${type}>`);
      parts.push('body');
    }
    call.push(`{ ${parts.join(', ')} }`);
  }
  params.push('options?: RequestOptions');
  const operation = `operations[${text(op.operationId)}]`;
  if (paging !== undefined) {
    return `${methodDoc(op)}  ${name}(${params.join(', ')}): PaginatedList<PageItem<OperationResult<${type}>, ${text(resource.paging!.itemsProperty)}>, OperationResult<${type}>> {
    return this.paginate(${operation}, ${paging}, ${queryParameters.length > 0 ? 'query' : '{}'}, options);
  }`;
  }
  return `${methodDoc(op)}  ${name}(${params.join(', ')}): Promise<OperationResult<${type}>> {
    return this.request(${operation}, ${call.join('')}, options) as Promise<OperationResult<${type}>>;
  }`;
}

/** The paging descriptor of a resource's list, as source. */
function pagingSource(model: ApiModel, resource: ResourceModel): string | undefined {
  const paging = resource.paging;
  if (paging === undefined) return undefined;
  const links = model.schemas.find((s) => s.name === paging.linksSchema);
  // `self`: the link relation of RFC 8288 for the page's own URL, when the links object has it.
  const self = links?.kind === 'object' && links.fields.some((f) => f.name === 'self' && f.type.kind === 'string');
  return `{ items: ${text(paging.itemsProperty)}, links: ${text(paging.linksProperty)}, next: ${text(paging.nextProperty)}${self ? `, self: ${text('self')}` : ''} }`;
}

function classSource(model: ApiModel, resource: ResourceModel, className: string): string {
  const names = uniqueNames(
    resource.operations.map(({ operation, role }) => ({
      name: role ?? operationMethodName(operation.operationId),
      source: role ? `the ${role} role of ${operation.operationId} (${operation.pointer})` : `operationId "${operation.operationId}" (${operation.pointer})`,
    })),
    RESOURCE_BASE_MEMBERS,
  );
  const paging = pagingSource(model, resource);
  const methods = resource.operations.map((entry, i) => methodSource(resource, entry, names[i]!, entry.role === 'list' ? paging : undefined));
  return `${jsDoc(resourceSummary(resource))}export class ${className} extends ResourceBase {\n${methods.join('\n\n')}\n}`;
}

export function renderClientResources(model: ApiModel, resources: readonly ResourceModel[], specHash: string): string {
  const tagSource = (r: ResourceModel) => `tag "${r.tag}"`;
  const properties = uniqueNames(resources.map((r) => ({ name: resourcePropertyName(r.tag), source: tagSource(r) })), CLIENT_MEMBERS);
  const schemaNames = Object.fromEntries(model.schemas.map((s) => [s.name, `the schema "${s.name}"`]));
  const classes = uniqueNames(resources.map((r) => ({ name: resourceClassName(r.tag), source: tagSource(r) })), schemaNames);
  return [
    generatedHeader('scripts/emit/client-resources.ts', specHash),
    "import type { operations as Operations } from '@sip-endpoints/types';",
    "import type { PaginatedList } from '../pagination.ts';",
    "import { ResourceBase, type OperationBody, type OperationPath, type OperationQuery, type OperationResult, type PageItem, type RequestOptions, type ResourceContext } from '../resource.ts';",
    "import { operations } from './operations.ts';",
    '',
    ...resources.map((resource, i) => `${classSource(model, resource, classes[i]!)}\n`),
    jsDoc("The client's resources, one per tag of the spec.") + 'export interface Resources {',
    ...resources.map((r, i) => `${jsDoc(resourceSummary(r), '  ')}  readonly ${properties[i]}: ${classes[i]};`),
    '}',
    '',
    'export function createResources(context: ResourceContext): Resources {',
    `  return { ${resources.map((_, i) => `${properties[i]}: new ${classes[i]}(context)`).join(', ')} };`,
    '}',
    '',
  ].join('\n');
}
