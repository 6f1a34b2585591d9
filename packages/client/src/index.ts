/**
 * @sip-endpoints/client: a typed client for SignalWire's SIP Endpoint REST resource, on
 * openapi-fetch, with Basic auth, retries, timeouts, pagination, typed errors and request
 * validation before sending.
 */
export {
  createSipEndpointsClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type ServerLocation,
  type SipEndpointsClient,
  type SipEndpointsClientOptions,
} from './client.ts';
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  RateLimitError,
  SipEndpointsError,
  TimeoutError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
  type ApiErrorItem,
} from './errors.ts';
export { PaginatedList, type Page } from './pagination.ts';
export { SipEndpoints, type ListSipEndpointsQuery, type RequestOptions } from './resources/sip-endpoints.ts';
export type { FetchFunction } from './transport.ts';
export type { CreateSipEndpointRequest, SipEndpoint, SipEndpointListResponse, UpdateSipEndpointRequest } from '@sip-endpoints/types';
