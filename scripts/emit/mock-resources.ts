/**
 * What the mock server needs to serve each resource, read from the model and the spec: the
 * values of the hand-written `ResourceDescriptor` type (packages/mock-server/src/resource-descriptor.ts),
 * which `mock-routes.ts` writes into the generated route table.
 *
 * Beyond JSON Schema, two documented extensions steer the mock, and both may be left out:
 * - `x-unique: true` on a property of a create or update body: no two items may have the same
 *   value (a taken value answers 422, code `taken`). Without it, values may repeat.
 * - `x-mock-filter: {field, match}` on a query parameter of a list operation: the parameter keeps
 *   the items whose response field `field` matches, `contains` (case-insensitive substring) or
 *   `equals`. Without it, `filter_<field>` (or a parameter named like a response field) filters
 *   on that field, by substring for strings and by equality otherwise; any other parameter that
 *   is not a paging one is accepted and ignored.
 *
 * A resource without a create operation starts with the items of its list operation's response
 * examples, so that its other operations have something to act on.
 *
 * Paging parameters are recognised by their usual names (see `PAGING_NAMES`). A response field
 * is answered unless it is `writeOnly` in the response or in a request body of the resource; its
 * value is the item's id when it is named like the id path parameter, a constant when the schema
 * allows one value (`const`, or an enum of one), and otherwise what was sent; when nothing was
 * sent it is null if nullable, else the field's `default` or first example (response first, then
 * request), else, for a required field, a value of its type.
 */
import { ModelError, nodeAtPointer, objectSchema } from '../model/read-model.ts';
import { readResources, type ResourceModel } from '../model/resources.ts';
import type { ApiModel, FieldModel, ObjectModel, OperationModel, TypeModel } from '../model/types.ts';

/** A plain-data copy of the runtime's `ResourceDescriptor` (the emitter cannot import the runtime). */
export interface ResourceDescriptorData {
  name: string;
  operations: { operationId: string; role?: string }[];
  idParameter?: string;
  fields: { name: string; nullable: boolean; required: boolean; source: { kind: 'id' } | { kind: 'constant'; value: unknown } | { kind: 'sent'; unset?: unknown } }[];
  uniqueFields: string[];
  filters: { parameter: string; field: string; match: 'contains' | 'equals' }[];
  seed?: { id: string; fields: Record<string, unknown> }[];
  listPath?: string;
  paging?: {
    itemsProperty: string;
    linksProperty: string;
    links: string[];
    pageSizeParameter?: string;
    pageNumberParameter?: string;
    pageTokenParameter?: string;
  };
}

type Json = Record<string, any>;

/** The usual names of paging query parameters, compared without `_` and case. */
const PAGING_NAMES = {
  pageSizeParameter: ['pagesize', 'perpage', 'limit'],
  pageNumberParameter: ['pagenumber', 'page'],
  pageTokenParameter: ['pagetoken', 'cursor', 'pagecursor'],
} as const;

/** Link relations (RFC 8288) the mock writes, when the links schema declares them. */
const LINK_RELATIONS = ['self', 'first', 'next', 'prev'] as const;

const FILTER_PREFIX = 'filter_';
const MATCHES = ['contains', 'equals'] as const;

function isWriteOnly(field: FieldModel, spec: Json): boolean {
  return field.writeOnly === true || nodeAtPointer(spec, field.pointer)?.writeOnly === true;
}

/** The `default`, else the first example, of a property node. */
function documentedValue(node: Json | undefined): { value: unknown } | undefined {
  if (node === undefined) return undefined;
  if (node.default !== undefined) return { value: node.default };
  if (Array.isArray(node.examples) && node.examples.length > 0) return { value: node.examples[0] };
  if (node.example !== undefined) return { value: node.example };
  return undefined;
}

/** A value of `type` for a required field nothing set: the first known value, or a neutral one. */
function valueOfType(model: ApiModel, type: TypeModel, depth = 0): unknown {
  // Read loosely: the model may gain kinds, and every kind it has is handled by name.
  const t = type as unknown as { kind: string; value?: unknown; members?: TypeModel[]; format?: string; minimum?: number; fields?: readonly FieldModel[] };
  switch (t.kind) {
    case 'string': {
      const values = (type as { enum?: { values: readonly string[] } }).enum?.values;
      if (values && values.length > 0) return values[0];
      if (t.format === 'uuid') return '00000000-0000-0000-0000-000000000000';
      if (t.format === 'uri') return 'https://example.com/';
      if (t.format === 'date-time') return '1970-01-01T00:00:00Z';
      if (t.format === 'email') return 'user@example.com';
      return '';
    }
    case 'integer':
    case 'number':
      return t.minimum ?? 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'const':
      return t.value;
    case 'array': {
      // An array of known values gets all of them (what a setting that allows everything holds).
      const items = (type as { items: TypeModel }).items as { kind: string; enum?: { values: readonly string[] } };
      return items.kind === 'string' && items.enum ? [...items.enum.values] : [];
    }
    case 'union':
      return t.members && t.members.length > 0 ? valueOfType(model, t.members[0]!, depth) : null;
    case 'object-ref':
    case 'object': {
      const fields = t.kind === 'object' ? (t.fields ?? []) : objectSchema(model, (type as { name: string }).name).fields;
      const value: Record<string, unknown> = {};
      if (depth < 8) for (const field of fields) if (field.required) value[field.name] = field.type.nullable ? null : valueOfType(model, field.type, depth + 1);
      return value;
    }
    default:
      return null;
  }
}

/** The one value a type allows (`const`, or an enum of one), if it allows only one. */
function constantOf(type: TypeModel, node: Json | undefined): { value: unknown } | undefined {
  if (node?.const !== undefined) return { value: node.const };
  const t = type as { kind: string; value?: unknown; enum?: { values: readonly string[] } };
  if (t.kind === 'const') return { value: t.value };
  if (t.kind === 'string' && t.enum?.values.length === 1) return { value: t.enum.values[0] };
  return undefined;
}

function operationsWithRole(resource: ResourceModel, ...roles: string[]): OperationModel[] {
  return resource.operations.filter((o) => o.role !== undefined && roles.includes(o.role)).map((o) => o.operation);
}

function requestSchemas(model: ApiModel, resource: ResourceModel): ObjectModel[] {
  const names = new Set(operationsWithRole(resource, 'create', 'update').flatMap((o) => (o.requestBody ? [o.requestBody.schema] : [])));
  return [...names].map((name) => objectSchema(model, name));
}

function responseFields(model: ApiModel, spec: Json, resource: ResourceModel, requests: readonly ObjectModel[]): ResourceDescriptorData['fields'] {
  if (resource.itemSchema === undefined) return [];
  const item = objectSchema(model, resource.itemSchema);
  const requestField = (name: string): FieldModel | undefined => requests.flatMap((r) => r.fields).find((f) => f.name === name);
  const writeOnly = new Set(requests.flatMap((r) => r.fields.filter((f) => isWriteOnly(f, spec)).map((f) => f.name)));
  return item.fields
    .filter((field) => !isWriteOnly(field, spec) && !writeOnly.has(field.name))
    .map((field) => {
      const node = nodeAtPointer(spec, field.pointer);
      const base = { name: field.name, nullable: field.type.nullable, required: field.required };
      if (field.name === resource.idParameter) return { ...base, source: { kind: 'id' as const } };
      const constant = constantOf(field.type, node);
      if (constant) return { ...base, source: { kind: 'constant' as const, value: constant.value } };
      const sent = requestField(field.name);
      // A nullable field is null when unset; the others need a value from the spec.
      const documented = field.type.nullable ? undefined : (documentedValue(node) ?? (sent ? documentedValue(nodeAtPointer(spec, sent.pointer)) : undefined));
      const unset = documented ?? (field.required && !field.type.nullable ? { value: valueOfType(model, field.type) } : undefined);
      return { ...base, source: { kind: 'sent' as const, ...(unset && { unset: unset.value }) } };
    });
}

function uniqueFields(spec: Json, requests: readonly ObjectModel[]): string[] {
  const names = requests.flatMap((r) => r.fields.filter((f) => nodeAtPointer(spec, f.pointer)?.['x-unique'] === true).map((f) => f.name));
  return [...new Set(names)];
}

function pagingParameterRole(name: string): keyof typeof PAGING_NAMES | undefined {
  const plain = name.replace(/_/g, '').toLowerCase();
  return (Object.keys(PAGING_NAMES) as (keyof typeof PAGING_NAMES)[]).find((role) => (PAGING_NAMES[role] as readonly string[]).includes(plain));
}

function listFilters(spec: Json, list: OperationModel, fields: ResourceDescriptorData['fields'], item: ObjectModel | undefined): ResourceDescriptorData['filters'] {
  const filters: ResourceDescriptorData['filters'] = [];
  for (const parameter of list.parameters) {
    if (parameter.in !== 'query' || pagingParameterRole(parameter.name) !== undefined) continue;
    const declared = nodeAtPointer(spec, parameter.pointer)?.['x-mock-filter'] as Json | undefined;
    const at = `${parameter.pointer}/x-mock-filter`;
    if (declared !== undefined) {
      if (typeof declared !== 'object' || typeof declared.field !== 'string') throw new ModelError(at, 'x-mock-filter needs a "field": the response field it filters on');
      if (!fields.some((f) => f.name === declared.field)) throw new ModelError(at, `x-mock-filter names "${declared.field}", which the item schema does not answer`);
      if (declared.match !== undefined && !MATCHES.includes(declared.match)) throw new ModelError(at, `x-mock-filter's "match" is one of ${MATCHES.join(', ')}`);
    }
    const field = declared?.field ?? (parameter.name.startsWith(FILTER_PREFIX) ? parameter.name.slice(FILTER_PREFIX.length) : parameter.name);
    if (!fields.some((f) => f.name === field)) continue;
    const fieldType = item?.fields.find((f) => f.name === field)?.type;
    const match = declared?.match ?? (fieldType?.kind === 'string' ? 'contains' : 'equals');
    filters.push({ parameter: parameter.name, field, match });
  }
  return filters;
}

function pagingOf(model: ApiModel, resource: ResourceModel, list: OperationModel): ResourceDescriptorData['paging'] {
  if (!resource.paging) return undefined;
  const linksSchema = objectSchema(model, resource.paging.linksSchema);
  const paging: NonNullable<ResourceDescriptorData['paging']> = {
    itemsProperty: resource.paging.itemsProperty,
    linksProperty: resource.paging.linksProperty,
    links: LINK_RELATIONS.filter((relation) => linksSchema.fields.some((f) => f.name === relation)),
  };
  for (const parameter of list.parameters) {
    const role = parameter.in === 'query' ? pagingParameterRole(parameter.name) : undefined;
    if (role !== undefined && paging[role] === undefined) paging[role] = parameter.name;
  }
  return paging;
}

/**
 * The items of the list operation's success examples, for a resource without a create operation
 * (the mock could not hold any of its items otherwise). Only an item with a string id is kept,
 * each id once, with the fields the mock stores from what was sent.
 */
function seedOf(spec: Json, list: OperationModel, paging: NonNullable<ResourceDescriptorData['paging']>, fields: ResourceDescriptorData['fields']): ResourceDescriptorData['seed'] {
  const idField = fields.find((f) => f.source.kind === 'id')?.name;
  if (idField === undefined) return undefined;
  const resolve = (node: Json | undefined): Json | undefined => (typeof node?.$ref === 'string' ? resolve(nodeAtPointer(spec, node.$ref)) : node);
  const seed: NonNullable<ResourceDescriptorData['seed']> = [];
  for (const success of list.successes) {
    const examples = resolve(nodeAtPointer(spec, success.pointer))?.content?.['application/json']?.examples ?? {};
    for (const example of Object.values<Json>(examples)) {
      const items = resolve(example)?.value?.[paging.itemsProperty];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const id = item?.[idField];
        if (typeof id !== 'string' || seed.some((s) => s.id === id)) continue;
        const kept = Object.fromEntries(fields.filter((f) => f.source.kind === 'sent' && item[f.name] !== undefined).map((f) => [f.name, item[f.name]]));
        seed.push({ id, fields: kept });
      }
    }
  }
  return seed.length > 0 ? seed : undefined;
}

/** The descriptor of every resource of the spec, in the order their tags first appear. */
export function describeMockResources(model: ApiModel, spec: Json): ResourceDescriptorData[] {
  return readResources(model, spec).map((resource) => {
    const requests = requestSchemas(model, resource);
    const fields = responseFields(model, spec, resource, requests);
    const list = operationsWithRole(resource, 'list')[0];
    const item = resource.itemSchema === undefined ? undefined : objectSchema(model, resource.itemSchema);
    const paging = list ? pagingOf(model, resource, list) : undefined;
    const creates = resource.operations.some((o) => o.role === 'create');
    const seed = !creates && list && paging ? seedOf(spec, list, paging, fields) : undefined;
    return {
      name: resource.tag,
      operations: resource.operations.map(({ operation, role }) => ({ operationId: operation.operationId, ...(role && { role }) })),
      ...(resource.idParameter !== undefined && { idParameter: resource.idParameter }),
      fields,
      uniqueFields: uniqueFields(spec, requests),
      filters: list ? listFilters(spec, list, fields, item) : [],
      ...(seed && { seed }),
      ...(list && { listPath: `${model.basePath}${list.path}` }),
      ...(paging && { paging }),
    };
  });
}
