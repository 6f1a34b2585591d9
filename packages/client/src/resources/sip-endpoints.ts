/**
 * `client.sipEndpoints`: create, retrieve, update, delete and list, each a thin call through
 * the typed openapi-fetch client. Request bodies are checked before sending (by default), a
 * refused answer becomes an `ApiError` subclass, and `list` pages through `links.next`.
 */
import type { Client } from 'openapi-fetch';
import type { CreateSipEndpointRequest, SipEndpoint, SipEndpointListResponse, UpdateSipEndpointRequest, operations as OperationTypes, paths } from '@sip-endpoints/types';
import { ApiError } from '../errors.ts';
import { operations, type ClientOperation } from '../generated/operations.ts';
import { PaginatedList, queryFromLink } from '../pagination.ts';
import type { Redact } from '../redact.ts';
import { retryAfterMs } from '../backoff.ts';
import { createRetryingFetch, type CallSettings, type TransportSettings } from '../transport.ts';

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
}

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export class SipEndpoints {
  constructor(private readonly context: ResourceContext) {}

  /** Creates an endpoint. Accepts 201 (the create page) and 200 (the current API) alike. */
  async create(body: CreateSipEndpointRequest, options: RequestOptions = {}): Promise<SipEndpoint> {
    const op = operations.create_sip_endpoint;
    this.checkRequestBody(op, body);
    const result = await this.context.raw.POST(op.path, { body, ...this.callInit(options) });
    return this.unwrap(op, result) as SipEndpoint;
  }

  async retrieve(id: string, options: RequestOptions = {}): Promise<SipEndpoint> {
    const op = operations.retrieve_sip_endpoint;
    const result = await this.context.raw.GET(op.path, { params: { path: { id } }, ...this.callInit(options) });
    return this.unwrap(op, result) as SipEndpoint;
  }

  /** Changes only the fields sent; the others keep their values. */
  async update(id: string, body: UpdateSipEndpointRequest, options: RequestOptions = {}): Promise<SipEndpoint> {
    const op = operations.update_sip_endpoint;
    this.checkRequestBody(op, body);
    const result = await this.context.raw.PUT(op.path, { params: { path: { id } }, body, ...this.callInit(options) });
    return this.unwrap(op, result) as SipEndpoint;
  }

  async delete(id: string, options: RequestOptions = {}): Promise<void> {
    const op = operations.delete_sip_endpoint;
    const result = await this.context.raw.DELETE(op.path, { params: { path: { id } }, ...this.callInit(options) });
    this.unwrap(op, result);
  }

  /**
   * Every endpoint matching `query`, newest first, fetched a page at a time as iteration
   * proceeds: `for await (const endpoint of client.sipEndpoints.list())`. Use `.pages()` to
   * walk page by page, or `.firstPage()` for one page.
   */
  list(query: ListSipEndpointsQuery = {}, options: RequestOptions = {}): PaginatedList<SipEndpoint, ListSipEndpointsQuery, SipEndpointListResponse> {
    const op = operations.list_sip_endpoints;
    return new PaginatedList(
      query,
      async (pageQuery) => {
        const result = await this.context.raw.GET(op.path, { params: { query: pageQuery }, ...this.callInit(options) });
        return this.unwrap(op, result) as SipEndpointListResponse;
      },
      (link) => queryFromLink(link, op.queryParameters) as ListSipEndpointsQuery,
    );
  }

  private callInit(options: RequestOptions): { fetch: (request: Request) => Promise<Response>; signal?: AbortSignal } {
    const call: CallSettings = {
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
      ...(options.retry !== undefined && { retry: options.retry }),
    };
    return { fetch: createRetryingFetch(this.context.transport, call), ...(options.signal && { signal: options.signal }) };
  }

  /** Throws `ValidationError` listing every problem, before anything is sent. */
  private checkRequestBody(op: ClientOperation, body: unknown): void {
    if (this.context.validateRequests) op.requestBody?.assertBody(body);
  }

  /** The body of a documented success, or the `ApiError` for anything else. */
  private unwrap(op: ClientOperation, { data, error, response }: RawResult): unknown {
    const success = op.successes.find((s) => s.status === response.status);
    if (!success) {
      const retryAfter = retryAfterMs(response.headers);
      throw ApiError.from(response.status, this.context.redact(response.ok ? data : error), {
        operationId: op.operationId,
        ...(retryAfter !== undefined && { retryAfterMs: retryAfter }),
      });
    }
    if (this.context.validateResponses) success.assertBody?.(data);
    return data;
  }
}
