/**
 * What each operation of the spec does to the store, once the request has passed auth and
 * validation. Keyed by the generated operation ids, so a new operation in the spec fails the
 * type check until it has a handler here.
 */
import { basePath, type OperationId, type Route } from './generated/routes.ts';
import type { Reply } from './http-io.ts';
import { link, pageToken, readPageToken } from './pagination.ts';
import type { ParameterValues } from './parameters.ts';
import { errorReply, unprocessable, type Problem } from './replies.ts';
import { representation } from './representation.ts';
import type { EndpointFields, EndpointStore } from './store.ts';

export interface OperationInput {
  /** Path and query parameters, read and defaulted. */
  params: ParameterValues;
  /** The request body, already validated against the operation's schema. */
  body: EndpointFields;
}

export interface OperationContext {
  store: EndpointStore;
  route: Route;
  /** The success status to answer with (the first the spec lists, unless configured). */
  successStatus: number;
}

type Operation = (input: OperationInput, context: OperationContext) => Reply;

function usernameTaken(username: unknown): Problem {
  return { detail: `username '${String(username)}' has already been taken`, code: 'taken' };
}

function notFound(id: unknown): Reply {
  return errorReply(404, `no SIP endpoint has the id ${String(id)}`);
}

function optionalText(value: string | number | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : String(value);
}

const listSipEndpoints: Operation = ({ params }, { store, route, successStatus }) => {
  const pageNumber = Number(params.page_number);
  const pageSize = Number(params.page_size);
  const token = optionalText(params.page_token);
  if (pageNumber > 0 && token === undefined) {
    return unprocessable([{ detail: 'page_token is required when page_number is above 0', code: 'required', title: 'Invalid Parameter' }]);
  }
  let createdUpTo = store.latestSequence;
  if (token !== undefined) {
    const pinned = readPageToken(token);
    if ('problem' in pinned) return unprocessable([pinned.problem]);
    createdUpTo = pinned.createdUpTo;
  }
  const matching = store.list({ username: optionalText(params.filter_username), callerId: optionalText(params.filter_caller_id), createdUpTo });
  const data = matching.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize).map(representation);
  const names = route.queryParameters.map((p) => p.name);
  const pageLink = (number: number): string =>
    link(`${basePath}${route.path}`, names, { ...params, page_number: number, page_token: number === 0 ? undefined : pageToken(createdUpTo) });
  const hasNext = (pageNumber + 1) * pageSize < matching.length;
  return {
    status: successStatus,
    body: {
      links: {
        self: pageLink(pageNumber),
        first: pageLink(0),
        ...(hasNext && { next: pageLink(pageNumber + 1) }),
        ...(pageNumber > 0 && { prev: pageLink(pageNumber - 1) }),
      },
      data,
    },
  };
};

const createSipEndpoint: Operation = ({ body }, { store, successStatus }) => {
  if (store.usernameTaken(String(body.username))) return unprocessable([usernameTaken(body.username)]);
  return { status: successStatus, body: representation(store.create(body)) };
};

const retrieveSipEndpoint: Operation = ({ params }, { store, successStatus }) => {
  const record = store.get(String(params.id));
  return record ? { status: successStatus, body: representation(record) } : notFound(params.id);
};

const updateSipEndpoint: Operation = ({ params, body }, { store, successStatus }) => {
  const record = store.get(String(params.id));
  if (!record) return notFound(params.id);
  if (body.username !== undefined && store.usernameTaken(String(body.username), record.id)) return unprocessable([usernameTaken(body.username)]);
  return { status: successStatus, body: representation(store.update(record, body)) };
};

const deleteSipEndpoint: Operation = ({ params }, { store, successStatus }) =>
  store.delete(String(params.id)) ? { status: successStatus } : notFound(params.id);

export const operationHandlers: Record<OperationId, Operation> = {
  list_sip_endpoints: listSipEndpoints,
  create_sip_endpoint: createSipEndpoint,
  retrieve_sip_endpoint: retrieveSipEndpoint,
  update_sip_endpoint: updateSipEndpoint,
  delete_sip_endpoint: deleteSipEndpoint,
};
