/**
 * @sip-endpoints/mock-server: an in-memory mock of SignalWire's SIP Endpoint REST resource,
 * faithful to its OpenAPI spec (paths, statuses, bodies, validation, pagination), with fault
 * injection for testing clients.
 */
export { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
export { FaultInjector } from './faults.ts';
export type { Credentials } from './auth.ts';
export { DEFAULT_API_TOKEN, DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT, DEFAULT_PROJECT_ID } from './defaults.ts';
