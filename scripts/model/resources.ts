/**
 * Resources: the operations that share a tag, each given its CRUD role.
 *
 * A role is inferred from the method and the shape of the path, the way REST APIs are
 * usually laid out: a collection path (`/things`) and an item path below it that ends in one
 * parameter (`/things/{id}`). An operation that fits no role keeps `role: undefined`; the
 * emitters expose it under its operationId instead.
 *
 * Paging is read from the list operation's success body: an object with one array of the
 * item schema (the page's items) and a links object with a `next` link (the "next" link
 * relation of RFC 8288), which the client follows and the mock server writes.
 */
import type { ApiModel, ObjectModel, OperationModel, SchemaModel } from './types.ts';
import { ModelError } from './read-model.ts';

export type CrudRole = 'list' | 'create' | 'retrieve' | 'update' | 'delete';

export interface ResourceOperation {
  operation: OperationModel;
  /** Undefined for an operation that fits no CRUD role. */
  role?: CrudRole;
}

/** How a list operation's answer pages: where the items are and where the next link is. */
export interface PagingModel {
  /** The property of the list body that holds the page's items (an array of the item schema). */
  itemsProperty: string;
  /** The property of the list body that holds the links object. */
  linksProperty: string;
  /** The property of the links object with the next page's URL. */
  nextProperty: string;
  /** The schema of the links object. */
  linksSchema: string;
}

export interface ResourceModel {
  /** The tag, as written in the spec: "SIP Endpoints". */
  tag: string;
  /** The tag's description in the spec's `tags`, if any. */
  description: string;
  /** The collection path (`/endpoints/sip`), when the resource has collection operations. */
  collectionPath?: string;
  /** The item path (`/endpoints/sip/{id}`), when the resource has item operations. */
  itemPath?: string;
  /** The path parameter that names an item (`id`). */
  idParameter?: string;
  /** The schema an item is returned as (the body of retrieve, create or update). */
  itemSchema?: string;
  /** The schema of a list page. */
  listSchema?: string;
  /** Set when the list answer pages by links. */
  paging?: PagingModel;
  /** In spec order. */
  operations: readonly ResourceOperation[];
}

const PARAMETER_SEGMENT = /^\{[^{}]+\}$/;

/** `/a/{id}` → `id` when the last segment is exactly one parameter. */
function trailingParameter(path: string): string | undefined {
  const last = path.split('/').pop() ?? '';
  return PARAMETER_SEGMENT.test(last) ? last.slice(1, -1) : undefined;
}

function parentPath(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function schemaNamed(model: ApiModel, name: string | undefined): SchemaModel | undefined {
  return name === undefined ? undefined : model.schemas.find((s) => s.name === name);
}

function firstSuccessSchema(operation: OperationModel): string | undefined {
  return operation.successes.find((s) => s.schema !== undefined)?.schema;
}

/**
 * The role of an operation on a collection path and the item path below it. Collection: GET
 * lists, POST creates. Item: GET retrieves, PUT or PATCH updates, DELETE deletes.
 */
function roleOf(operation: OperationModel, collectionPath: string | undefined, itemPath: string | undefined): CrudRole | undefined {
  if (operation.path === collectionPath) {
    if (operation.method === 'get') return 'list';
    if (operation.method === 'post') return 'create';
  }
  if (operation.path === itemPath) {
    if (operation.method === 'get') return 'retrieve';
    if (operation.method === 'put' || operation.method === 'patch') return 'update';
    if (operation.method === 'delete') return 'delete';
  }
  return undefined;
}

/** The paging shape of a list body, if it has one (see the file comment). */
function pagingOf(model: ApiModel, listBody: ObjectModel, itemSchema: string | undefined): PagingModel | undefined {
  const items = listBody.fields.filter(
    (f) => f.type.kind === 'array' && f.type.items.kind === 'object-ref' && (itemSchema === undefined || f.type.items.name === itemSchema),
  );
  if (items.length !== 1) return undefined;
  for (const field of listBody.fields) {
    if (field.type.kind !== 'object-ref') continue;
    const links = schemaNamed(model, field.type.name);
    if (links?.kind !== 'object') continue;
    const next = links.fields.find((f) => f.name === 'next' && f.type.kind === 'string');
    if (next) return { itemsProperty: items[0]!.name, linksProperty: field.name, nextProperty: next.name, linksSchema: links.name };
  }
  return undefined;
}

/**
 * Groups the operations by their first tag, in the order the tags first appear. An operation
 * without a tag is refused: every operation must belong to a resource.
 */
export function readResources(model: ApiModel, spec: Record<string, unknown> = {}): ResourceModel[] {
  const tags: readonly { name?: unknown; description?: unknown }[] = Array.isArray(spec.tags) ? spec.tags : [];
  const byTag = new Map<string, OperationModel[]>();
  for (const operation of model.operations) {
    const tag = operation.tags[0];
    if (tag === undefined) throw new ModelError(operation.pointer, 'an operation needs a tag: the tag names its resource');
    const list = byTag.get(tag) ?? [];
    list.push(operation);
    byTag.set(tag, list);
  }
  return [...byTag].map(([tag, operations]) => {
    const itemPaths = [...new Set(operations.map((o) => o.path).filter((p) => trailingParameter(p) !== undefined))];
    const collectionPaths = [...new Set(operations.map((o) => o.path).filter((p) => trailingParameter(p) === undefined))];
    // The item path is the one directly below a collection path of the same tag, or the only one.
    const itemPath = itemPaths.find((p) => collectionPaths.includes(parentPath(p))) ?? (itemPaths.length === 1 ? itemPaths[0] : undefined);
    const collectionPath = itemPath !== undefined && collectionPaths.includes(parentPath(itemPath)) ? parentPath(itemPath) : collectionPaths.length === 1 ? collectionPaths[0] : undefined;
    const roles = operations.map((operation) => ({ operation, role: roleOf(operation, collectionPath, itemPath) }));
    for (const role of ['list', 'create', 'retrieve', 'update', 'delete'] as const) {
      const holders = roles.filter((r) => r.role === role);
      // Two operations in one role (PUT and PATCH both updating): the later one keeps its operationId.
      holders.slice(1).forEach((r) => delete r.role);
    }
    const withRole = (role: CrudRole) => roles.find((r) => r.role === role)?.operation;
    const itemSchema = (['retrieve', 'create', 'update'] as const)
      .map((role) => withRole(role))
      .map((operation) => (operation ? firstSuccessSchema(operation) : undefined))
      .find((schema) => schema !== undefined);
    const list = withRole('list');
    const listSchema = list ? firstSuccessSchema(list) : undefined;
    const listBody = schemaNamed(model, listSchema);
    const paging = listBody?.kind === 'object' ? pagingOf(model, listBody, itemSchema) : undefined;
    const declared = tags.find((t) => t?.name === tag);
    return {
      tag,
      description: typeof declared?.description === 'string' ? declared.description : '',
      ...(collectionPath !== undefined && { collectionPath }),
      ...(itemPath !== undefined && { itemPath, idParameter: trailingParameter(itemPath)! }),
      ...(itemSchema !== undefined && { itemSchema }),
      ...(listSchema !== undefined && { listSchema }),
      ...(paging && { paging }),
      operations: roles,
    };
  });
}
