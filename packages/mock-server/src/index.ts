/**
 * @sip-endpoints/mock-server: an in-memory mock of SignalWire's SIP Endpoint REST resource that
 * answers as the current API does (paths, statuses, exact error bodies, validation,
 * pagination), with fault injection for testing clients.
 */
export { startMockServer, type MockServer, type MockServerOptions } from './server.ts';
export { FaultInjector } from './faults.ts';
export type { Credentials } from './auth.ts';
export * from './defaults.ts';
export { DETAIL_HEADER } from './replies.ts';
export { DEFAULT_MAX_ITEMS } from './store.ts';
