/**
 * What each operation does to the store, once the request has passed auth and validation. One
 * behaviour per CRUD role, for any resource: the generated resource descriptors say which
 * operation has which role, and what the items look like. An operation with no role (one that is
 * not list, create, retrieve, update or delete of a collection) has no behaviour in the mock and
 * answers 500.
 */
import { resources, type OperationId, type Route } from './generated/routes.ts';
import type { Reply } from './http-io.ts';
import { link, pageToken, readPageToken, type PageCursor } from './pagination.ts';
import type { ParameterValues } from './parameters.ts';
import { errorReply, unprocessable, type Problem } from './replies.ts';
import { fieldValue, representation, storedFields } from './representation.ts';
import type { CrudRole, ListFilter, ResourceDescriptor, ResponseField } from './resource-descriptor.ts';
import type { ItemFields, MockStore, ResourceStore, StoredItem, WriteResult } from './store.ts';

export interface OperationInput {
  /** Path and query parameters, read and defaulted. */
  params: ParameterValues;
  /** The request body, already validated against the operation's schema. */
  body: ItemFields;
}

export interface OperationContext {
  store: MockStore;
  route: Route;
  /** The success status to answer with (the first the spec lists, unless configured). */
  successStatus: number;
}

/** One call of a resource's operation, with everything the behaviour of its role needs. */
export interface ResourceCall {
  resource: ResourceDescriptor;
  role: CrudRole | undefined;
  store: ResourceStore;
  /** The names of the operation's query parameters, in spec order (for page links). */
  queryParameters: readonly string[];
  successStatus: number;
}

type Operation = (input: OperationInput, context: OperationContext) => Reply;

function notFound(resource: ResourceDescriptor, id: unknown): Reply {
  return errorReply(404, `no ${resource.name} item has the id ${String(id)}`);
}

function optionalText(value: string | number | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : String(value);
}

/** The 422 for a write the store refused. */
function refusedWrite(resource: ResourceDescriptor, result: Exclude<WriteResult, { kind: 'written' }>): Reply {
  const problem: Problem =
    result.kind === 'conflict'
      ? { detail: `${result.field} '${String(result.value)}' has already been taken`, code: 'taken' }
      : {
          detail: `the mock server keeps at most ${result.maxItems} ${resource.name} items; delete some, or start it with a larger maxItems`,
          code: 'limit_reached',
          title: 'Limit Reached',
        };
  return unprocessable([problem]);
}

function written(call: ResourceCall, result: WriteResult): Reply {
  return result.kind === 'written' ? { status: call.successStatus, body: representation(call.resource, result.item) } : refusedWrite(call.resource, result);
}

/** Whether an item passes one filter with the text asked for, on the value the item answers with. */
function passes(filter: ListFilter, field: ResponseField | undefined, item: StoredItem, wanted: string): boolean {
  const value = field ? fieldValue(field, item) : item.fields[filter.field];
  if (filter.match === 'equals') return value !== null && value !== undefined && String(value) === wanted;
  return typeof value === 'string' && value.toLowerCase().includes(wanted.toLowerCase());
}

/** The filters the query asks for, as one predicate; undefined when none is asked for. */
function filterOf(resource: ResourceDescriptor, params: ParameterValues): ((item: StoredItem) => boolean) | undefined {
  const active = resource.filters.flatMap((filter) => {
    const wanted = optionalText(params[filter.parameter]);
    if (wanted === undefined) return [];
    const field = resource.fields.find((f) => f.name === filter.field);
    return [(item: StoredItem) => passes(filter, field, item, wanted)];
  });
  return active.length === 0 ? undefined : (item) => active.every((accepts) => accepts(item));
}

function list(call: ResourceCall, { params }: OperationInput): Reply {
  const { resource, store } = call;
  const paging = resource.paging;
  if (!paging || resource.listPath === undefined) return errorReply(500, `the mock cannot page ${resource.name}: its list answer has no links object with next`);
  const pageNumber = paging.pageNumberParameter ? Number(params[paging.pageNumberParameter] ?? 0) : 0;
  const pageSize = paging.pageSizeParameter ? Number(params[paging.pageSizeParameter]) : Number.MAX_SAFE_INTEGER;
  const tokenName = paging.pageTokenParameter;
  const token = tokenName ? optionalText(params[tokenName]) : undefined;
  if (pageNumber > 0 && tokenName && token === undefined) {
    return unprocessable([{ detail: `${tokenName} is required when ${paging.pageNumberParameter} is above 0`, code: 'required', title: 'Invalid Parameter' }]);
  }
  let cursor: PageCursor | undefined;
  if (token !== undefined && tokenName) {
    const read = readPageToken(token, tokenName);
    if ('problem' in read) return unprocessable([read.problem]);
    cursor = read;
  }
  const matches = filterOf(resource, params);
  const page = store.page({
    size: pageSize,
    ...(matches && { matches }),
    ...(cursor?.direction === 'older' && { olderThan: cursor.sequence }),
    ...(cursor?.direction === 'newer' && { newerThan: cursor.sequence }),
  });
  const first = page.items[0];
  const last = page.items.at(-1);
  // Read newest first, `more` says whether older items follow; read as a link back, check.
  const hasNext =
    cursor?.direction === 'newer'
      ? last !== undefined && store.page({ size: 1, olderThan: last.sequence, ...(matches && { matches }) }).items.length > 0
      : page.more;
  const nextCursor: PageCursor | undefined = last && { direction: 'older', sequence: last.sequence };
  const prevCursor: PageCursor | undefined = first
    ? { direction: 'newer', sequence: first.sequence }
    : cursor?.direction === 'older'
      ? { direction: 'newer', sequence: cursor.sequence - 1 }
      : cursor;

  const pageLink = (number: number, at: PageCursor | undefined): string => {
    const query: Record<string, string | number | undefined> = { ...params };
    if (paging.pageNumberParameter) query[paging.pageNumberParameter] = number;
    if (tokenName) query[tokenName] = number === 0 || at === undefined ? undefined : pageToken(at);
    return link(resource.listPath!, call.queryParameters, query);
  };
  const links: Record<string, string> = {};
  for (const relation of paging.links) {
    if (relation === 'self') links.self = link(resource.listPath, call.queryParameters, params);
    else if (relation === 'first') links.first = pageLink(0, undefined);
    // A page number past what a number holds exactly could not be sent back: the walk ends there.
    else if (relation === 'next' && hasNext && Number.isSafeInteger(pageNumber + 1)) links.next = pageLink(pageNumber + 1, nextCursor);
    else if (relation === 'prev' && pageNumber > 0) links.prev = pageLink(pageNumber - 1, prevCursor);
  }
  return {
    status: call.successStatus,
    body: { [paging.linksProperty]: links, [paging.itemsProperty]: page.items.map((item) => representation(resource, item)) },
  };
}

function idOf(call: ResourceCall, params: ParameterValues): unknown {
  return call.resource.idParameter === undefined ? undefined : params[call.resource.idParameter];
}

function itemOf(call: ResourceCall, params: ParameterValues): StoredItem | undefined {
  const id = idOf(call, params);
  return id === undefined ? undefined : call.store.get(String(id));
}

/** The behaviour of `call.role` on `call.resource`. */
export function performOperation(call: ResourceCall, input: OperationInput): Reply {
  const { resource, store } = call;
  switch (call.role) {
    case 'list':
      return list(call, input);
    case 'create':
      return written(call, store.create(storedFields(resource, input.body)));
    case 'retrieve': {
      const item = itemOf(call, input.params);
      return item ? { status: call.successStatus, body: representation(resource, item) } : notFound(resource, idOf(call, input.params));
    }
    case 'update': {
      const item = itemOf(call, input.params);
      return item ? written(call, store.update(item, storedFields(resource, input.body))) : notFound(resource, idOf(call, input.params));
    }
    case 'delete': {
      const item = itemOf(call, input.params);
      return item && store.delete(item.id) ? { status: call.successStatus } : notFound(resource, idOf(call, input.params));
    }
    case undefined:
      return errorReply(500, `the mock has no behaviour for an operation of ${resource.name} that is not list, create, retrieve, update or delete`);
  }
}

function handlerFor(resource: ResourceDescriptor, role: CrudRole | undefined): Operation {
  return (input, { store, route, successStatus }) =>
    performOperation({ resource, role, store: store.of(resource), queryParameters: route.queryParameters.map((p) => p.name), successStatus }, input);
}

/** The behaviour of every operation of the spec, by operation id. */
export const operationHandlers = Object.fromEntries(
  resources.flatMap((resource) => resource.operations.map(({ operationId, role }) => [operationId, handlerFor(resource, role)])),
) as Record<OperationId, Operation>;
