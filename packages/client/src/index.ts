/**
 * @sip-endpoints/client: a typed client for the API of this repository's spec, on openapi-fetch,
 * with Basic auth, retries, timeouts, pagination, typed errors and request validation before
 * sending. The resources (`client.<resource>.list/create/retrieve/update/delete`) are generated
 * from the spec's tags (`generated/resources.ts`); everything else here is generic.
 */
import { createClient, type ApiClient, type ClientOptions } from './client.ts';

export { createClient, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type ApiClient, type ClientOptions, type ServerLocation } from './client.ts';

/** The package's name for `createClient`. */
export const createSipEndpointsClient: (options: ClientOptions) => ApiClient = createClient;
/** The package's name for `ApiClient`. */
export type SipEndpointsClient = ApiClient;
/** The package's name for `ClientOptions`. */
export type SipEndpointsClientOptions = ClientOptions;

export * from './errors.ts';
export { PaginatedList } from './pagination.ts';
export type { OperationBody, OperationPath, OperationQuery, OperationResult, RequestOptions } from './resource.ts';
export * from './generated/resources.ts';
export type { FetchFunction } from './transport.ts';
export type * from '@sip-endpoints/types';
