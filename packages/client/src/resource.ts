/**
 * What every generated resource class extends: one call of an operation through the typed
 * openapi-fetch client (path parameters checked, request body validated, the answer turned
 * into its parsed body or an `ApiError`), and lists that page. The generated classes
 * (`generated/resources.ts`) only name their operations and types.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '@sip-endpoints/types';
import { retryAfterMs } from './backoff.ts';
import { ApiError, UnexpectedResponseError } from './errors.ts';
import type { ClientOperation, PagingDescriptor } from './operation.ts';
import { PaginatedList, type Query } from './pagination.ts';
import type { Redact } from './redact.ts';
import { readBody, retrying, type FetchFunction, type TransportSettings } from './transport.ts';

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /** `true` retries even a create (POST): if an answer was lost, the item may be created twice. `false` never retries. */
  retry?: boolean;
}

/** What a resource needs from the client. */
export interface ResourceContext {
  raw: Client<paths>;
  transport: TransportSettings;
  /** The fetch of each attempt (see `createGuardedFetch`). */
  guardedFetch: FetchFunction;
  validateRequests: boolean;
  validateResponses: boolean;
  redact: Redact;
}

/** The parts of one call: path parameters, query and body, as the operation takes them. */
export type CallArguments = { path?: object; query?: object; body?: unknown };

// The types generated methods are written with, read from openapi-typescript's `operations`.
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : void;

/** The JSON request body of an operation. */
export type OperationBody<Op> = Op extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : never;
/** The query parameters of an operation. */
export type OperationQuery<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The path parameters of an operation. */
export type OperationPath<Op> = Op extends { parameters: { path?: infer P } } ? NonNullable<P> : never;
/** What a call resolves to: the body of a success (void for a success without one). */
export type OperationResult<Op> = Op extends { responses: infer R } ? { [S in keyof R & SuccessStatus]: JsonContent<R[S]> }[keyof R & SuccessStatus] : never;
/** The item type of a paged list answer. */
export type PageItem<Page, Items extends string> = NonNullable<Page[Items & keyof Page]> extends readonly (infer Item)[] ? Item : never;

/** openapi-fetch's `request`, as the runtime calls it for any operation. */
type AnyRequest = (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const NOT_JSON = Symbol('not JSON');
const decoder = new TextDecoder();

/** A text body parsed as JSON (undefined when empty), or `fallback` when it is not JSON. */
function parseJsonOr<Fallback>(text: unknown, fallback: Fallback): unknown {
  if (typeof text !== 'string') return text;
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/**
 * Why a path parameter cannot be sent, or undefined when it can. Encoded, any other string stays
 * one path segment; an empty one, `.` and `..` would send the request to another resource (the
 * list, or the path above it), and a non-string would be sent as its text.
 */
function refusedParameter(op: ClientOperation, path: Readonly<Record<string, unknown>> | undefined): string | undefined {
  for (const name of op.pathParameters) {
    const value = path?.[name];
    if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
      return `${op.operationId}: \`${name}\` must be a non-empty string other than "." and ".." (it names one item)`;
    }
  }
  return undefined;
}

export class ResourceBase {
  constructor(protected readonly context: ResourceContext) {}

  /** Calls `op` and resolves to the parsed body of its success. */
  protected async request(op: ClientOperation, args: CallArguments, options?: RequestOptions): Promise<unknown> {
    const refused = refusedParameter(op, args.path as Record<string, unknown> | undefined);
    if (refused !== undefined) throw new TypeError(refused);
    if (this.context.validateRequests) op.requestBody?.assertBody(args.body);
    const { raw, transport, guardedFetch } = this.context;
    const what = `${op.method} ${op.path}`;
    const params = { path: args.path, query: args.query };
    const { data, error, response } = await retrying(transport, options ?? {}, {
      what,
      method: op.method,
      callerSignal: options?.signal,
      // The signal goes to fetch, not into openapi-fetch's Request (see transport.ts).
      send: (signal) => (raw.request as unknown as AnyRequest)(op.method, op.path, { params, body: args.body, fetch: (request: Request) => guardedFetch(request, { signal }), parseAs: 'stream' }),
      answer: (result) => result.response,
      // A success's body is read here, under the limit (openapi-fetch has read any other), as
      // text parsed in `unwrap`: a success whose body is not JSON becomes an
      // `UnexpectedResponseError` instead of a bare `SyntaxError` quoting the body.
      read: async ({ data, error, response }) => ({ data: response.ok ? decoder.decode((await readBody(response, transport.maxResponseBytes, what)) ?? undefined) : data, error, response }),
    });
    return this.unwrap(op, args, data, error, response);
  }

  /** The pages of a list operation, fetched as iteration reaches them. */
  protected paginate<Item, Page>(op: ClientOperation, paging: PagingDescriptor, query: object, options?: RequestOptions): PaginatedList<Item, Page> {
    return new PaginatedList<Item, Page>(op, paging, query as Query, (pageQuery) => this.request(op, { query: pageQuery }, options) as Promise<Page>);
  }

  /** The parsed body of a documented success, or the `ApiError` for anything else. */
  private unwrap(op: ClientOperation, args: CallArguments, data: unknown, error: unknown, response: Response): unknown {
    const { status } = response;
    const { redact } = this.context;
    const success = op.successes.find((s) => s.status === status);
    const body = success ? parseJsonOr(data, NOT_JSON) : undefined;
    // An empty answer where the operation returns a body is no more usable than a non-JSON one.
    if (success && body !== NOT_JSON && (body !== undefined || success.schema === undefined)) {
      if (this.context.validateResponses) success.assertBody?.(body);
      return body;
    }
    const context = { operationId: op.operationId, ...(args.path && { pathParameters: redact(args.path as Record<string, string>) }) };
    if (success) throw new UnexpectedResponseError(status, redact(typeof data === 'string' ? data : ''), context);
    const retryAfter = retryAfterMs(response.headers);
    // A 2xx the operation does not list comes as text; an error body openapi-fetch has parsed.
    throw ApiError.from(status, redact(response.ok ? parseJsonOr(data, data) : error), { ...context, ...(retryAfter !== undefined && { retryAfterMs: retryAfter }) });
  }
}
