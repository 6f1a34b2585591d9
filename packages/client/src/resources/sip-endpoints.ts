/**
 * `client.sipEndpoints`: create, retrieve, update, delete and list, each a thin call through
 * the typed openapi-fetch client. Request bodies are checked before sending (by default), a
 * refused answer becomes an `ApiError` subclass, and `list` pages through `links.next`.
 */
import type { Client } from 'openapi-fetch';
import type { CreateSipEndpointRequest, SipEndpoint, SipEndpointListResponse, UpdateSipEndpointRequest, operations as OperationTypes, paths } from '@sip-endpoints/types';
import { ApiError, TimeoutError, UnexpectedResponseError } from '../errors.ts';
import { operations, type ClientOperation } from '../generated/operations.ts';
import { PaginatedList, queryFromLink } from '../pagination.ts';
import type { Redact } from '../redact.ts';
import { retryAfterMs } from '../backoff.ts';
import { LazyRequest } from '../lazy-request.ts';
import { isWindowTimeout } from '../timeout-windows.ts';
import { connectionError, createRetryingFetch, releaseAnswer, type FetchFunction, type TransportSettings } from '../transport.ts';

/** Options of one call. */
export interface RequestOptions {
  /** Aborts the call; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
  /**
   * `true` retries even a create (POST), which is not retry-safe: if the answer to the first
   * attempt was lost, the endpoint may be created twice (the second attempt then gets a 422
   * for the taken username). `false` never retries.
   */
  retry?: boolean;
}

export type ListSipEndpointsQuery = NonNullable<OperationTypes['list_sip_endpoints']['parameters']['query']>;

/** What the resource needs from the client. */
export interface ResourceContext {
  raw: Client<paths>;
  transport: TransportSettings;
  validateRequests: boolean;
  validateResponses: boolean;
  redact: Redact;
  /** Whether calls may build their requests with LazyRequest: true while no caller's middleware is on `raw`. */
  lightRequests: () => boolean;
}

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * openapi-fetch's options every resource call adds. Bodies come as text and are parsed in
 * `unwrap` (the same work as `response.json()`), so that a success whose body is not JSON
 * becomes an `UnexpectedResponseError` instead of a bare `SyntaxError` quoting the body.
 */
const TEXT_BODIES = { parseAs: 'text' } as const;
/** The same, plus the light request class (see lazy-request.ts). */
const LIGHT_REQUESTS = { ...TEXT_BODIES, Request: LazyRequest as unknown as typeof Request } as const;

/**
 * The rejection for an `id` that cannot name one endpoint, or undefined when it can. Encoded,
 * any other string stays one path segment of `/endpoints/sip/{id}`; an empty one, `.` and `..`
 * would send the request to another resource (the list, or the path above it), and a
 * non-string would be sent as its text.
 */
function refuseId(op: ClientOperation, id: unknown): Promise<never> | undefined {
  if (typeof id === 'string' && id !== '' && id !== '.' && id !== '..') return undefined;
  return Promise.reject(new TypeError(`${op.operationId}: \`id\` must be the ID of a SIP endpoint (a non-empty string other than "." and "..")`));
}

const NOT_JSON = Symbol('not JSON');

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

// retrieve, delete and the list's pages return `send`'s promise as is, one async layer fewer per
// call; create and update stay async so that a body rejected before sending is a rejection.
export class SipEndpoints {
  constructor(private readonly context: ResourceContext) {}

  /** Creates an endpoint. Accepts 201 (the create page) and 200 (the current API) alike. */
  async create(body: CreateSipEndpointRequest, options?: RequestOptions): Promise<SipEndpoint> {
    const op = operations.create_sip_endpoint;
    this.checkRequestBody(op, body);
    return this.send(op, options, this.context.raw.POST(op.path, this.withOptions({ body }, options))) as Promise<SipEndpoint>;
  }

  retrieve(id: string, options?: RequestOptions): Promise<SipEndpoint> {
    const op = operations.retrieve_sip_endpoint;
    const refused = refuseId(op, id);
    if (refused) return refused;
    return this.send(op, options, this.context.raw.GET(op.path, this.withOptions({ params: { path: { id } } }, options))) as Promise<SipEndpoint>;
  }

  /** Changes only the fields sent; the others keep their values. */
  async update(id: string, body: UpdateSipEndpointRequest, options?: RequestOptions): Promise<SipEndpoint> {
    const op = operations.update_sip_endpoint;
    const refused = refuseId(op, id);
    if (refused) return refused;
    this.checkRequestBody(op, body);
    return this.send(op, options, this.context.raw.PUT(op.path, this.withOptions({ params: { path: { id } }, body }, options))) as Promise<SipEndpoint>;
  }

  delete(id: string, options?: RequestOptions): Promise<void> {
    const op = operations.delete_sip_endpoint;
    const refused = refuseId(op, id);
    if (refused) return refused;
    return this.send(op, options, this.context.raw.DELETE(op.path, this.withOptions({ params: { path: { id } } }, options))) as Promise<void>;
  }

  /**
   * Every endpoint matching `query`, newest first, fetched a page at a time as iteration
   * proceeds: `for await (const endpoint of client.sipEndpoints.list())`. Use `.pages()` to
   * walk page by page, or `.firstPage()` for one page.
   */
  list(query: ListSipEndpointsQuery = {}, options?: RequestOptions): PaginatedList<SipEndpoint, ListSipEndpointsQuery, SipEndpointListResponse> {
    const op = operations.list_sip_endpoints;
    return new PaginatedList(
      query,
      (pageQuery) => this.send(op, options, this.context.raw.GET(op.path, this.withOptions({ params: { query: pageQuery } }, options))) as Promise<SipEndpointListResponse>,
      (link) => queryFromLink(link, op.queryParameters) as ListSipEndpointsQuery,
    );
  }

  /**
   * openapi-fetch's options for a call: `init` (a fresh object), plus text bodies, the caller's
   * signal, the light request class when allowed, and, only when the call overrides a setting,
   * a retrying fetch of its own (otherwise the client's is used).
   */
  private withOptions<Init extends object>(
    init: Init,
    options: RequestOptions | undefined,
  ): Init & { fetch?: FetchFunction; signal?: AbortSignal; Request?: typeof Request; parseAs: 'text' } {
    const added = this.context.lightRequests() ? LIGHT_REQUESTS : TEXT_BODIES;
    if (!options) return Object.assign(init, added);
    const { signal, timeoutMs, maxRetries, retry } = options;
    const overrides = timeoutMs !== undefined || maxRetries !== undefined || retry !== undefined;
    return {
      ...init,
      ...added,
      ...(overrides && { fetch: createRetryingFetch(this.context.transport, { timeoutMs, maxRetries, retry }) }),
      ...(signal && { signal }),
    };
  }

  /**
   * Awaits openapi-fetch, which reads the body after the retrying fetch returned: a broken
   * connection then surfaces here, and becomes a `ConnectionError`. (A timeout or the caller's
   * abort already fails the read with the `TimeoutError` or the caller's reason.)
   */
  private async send(op: ClientOperation, options: RequestOptions | undefined, pending: Promise<RawResult>): Promise<unknown> {
    let result: RawResult;
    try {
      result = await pending;
    } catch (error) {
      // The retrying fetch's own failures are typed already. A body cut off mid-way is fetch's
      // TypeError with the socket's error as its cause ("terminated" in Node).
      if (error instanceof TypeError && error.cause !== undefined && !options?.signal?.aborted) {
        throw connectionError(`${op.method} ${op.path}`, error, this.context.redact);
      }
      // A stall mid-body fails the read with its timeout window's reason, which names no request.
      if (isWindowTimeout(error)) throw TimeoutError.forRequest(`${op.method} ${op.path}`, error.timeoutMs);
      throw error;
    }
    releaseAnswer(result.response);
    return this.unwrap(op, result);
  }

  /** Throws `ValidationError` listing every problem, before anything is sent. */
  private checkRequestBody(op: ClientOperation, body: unknown): void {
    if (this.context.validateRequests) op.requestBody?.assertBody(body);
  }

  /** The parsed body of a documented success, or the `ApiError` for anything else. */
  private unwrap(op: ClientOperation, { data, error, response }: RawResult): unknown {
    const { status } = response;
    const success = op.successes.find((s) => s.status === status);
    if (!success) {
      const retryAfter = retryAfterMs(response.headers);
      // A 2xx the operation does not list comes as text; an error body openapi-fetch has parsed.
      const body = response.ok ? parseJsonOr(data, data) : error;
      throw ApiError.from(status, this.context.redact(body), {
        operationId: op.operationId,
        ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
      });
    }
    const body = parseJsonOr(data, NOT_JSON);
    // An empty answer where the operation returns a body is no more usable than a non-JSON one.
    if (body === NOT_JSON || (body === undefined && success.schema !== undefined)) {
      throw new UnexpectedResponseError(status, this.context.redact(typeof data === 'string' ? data : ''), { operationId: op.operationId });
    }
    if (this.context.validateResponses) success.assertBody?.(body);
    return body;
  }
}
