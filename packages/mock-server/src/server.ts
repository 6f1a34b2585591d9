/**
 * `startMockServer`: an in-memory API on node:http that answers as the current API does, served
 * under the spec's base path, like the real one. It wires the HTTP half (app.ts) to the data
 * half (the operations over a store) through one function, `answer`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createListeners, type AnswerCall } from './app.ts';
import type { Credentials } from './auth.ts';
import {
  DEFAULT_API_TOKEN,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_PROJECT_ID,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './defaults.ts';
import { FaultInjector } from './faults.ts';
import { basePath, routes, type OperationId } from './generated/routes.ts';
import { operationHandlers } from './operations.ts';
import { DEFAULT_MAX_ITEMS, MockStore } from './store.ts';

export interface MockServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** The Basic auth user (the Project ID) the mock accepts. */
  projectId?: string;
  /** The Basic auth password the mock accepts. */
  apiToken?: string;
  /** Larger request bodies get 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * The status a create (a POST operation) answers with: 200, as the current API does (the
   * default), or 201, as the API's older create page documents.
   */
  createStatus?: 200 | 201;
  /**
   * The success status of any operation, by operation id, when not the first the spec lists.
   * Wins over `createStatus`.
   */
  successStatuses?: Partial<Record<OperationId, number>>;
  /** A connection that has not sent its request head within this gets 408 and is closed. Default 10 s. */
  headersTimeoutMs?: number;
  /**
   * A connection that has not sent its whole request, body included, within this gets 408 and
   * is closed. Default 30 s; at least `headersTimeoutMs`.
   */
  requestTimeoutMs?: number;
  /** Connections beyond this many open ones are closed as soon as they are accepted. Default 1000. */
  maxConnections?: number;
  /**
   * The most items the mock keeps of each resource; a create beyond it answers 422 (code
   * `limit_reached`) until something is deleted. Default 10,000.
   */
  maxItems?: number;
}

export interface MockServer {
  /** The server root, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Where the API is served: `url` plus the spec's base path. Give it to the client as `baseUrl`. */
  apiUrl: string;
  /** The credentials the mock accepts. */
  credentials: Credentials;
  /** Latency and canned failures for tests. */
  faults: FaultInjector;
  /** Stops listening, drops open connections and cancels pending delays. */
  close(): Promise<void>;
}

/** Each operation's configured success status, checked against the statuses the spec lists. */
function successStatusesOf(options: MockServerOptions): Partial<Record<OperationId, number>> {
  const statuses: Partial<Record<OperationId, number>> = {};
  if (options.createStatus !== undefined) {
    for (const route of routes) if (route.method === 'POST') statuses[route.operationId] = options.createStatus;
  }
  Object.assign(statuses, options.successStatuses);
  for (const [operationId, status] of Object.entries(statuses)) {
    const route = routes.find((r) => r.operationId === operationId);
    const option = options.successStatuses && operationId in options.successStatuses ? 'successStatuses' : 'createStatus';
    if (!route) throw new RangeError(`${option}: no operation ${operationId}`);
    if (!route.successStatuses.includes(status)) {
      throw new RangeError(`${option}: ${operationId} answers ${route.successStatuses.join(' or ')}, not ${status}`);
    }
  }
  return statuses;
}

function positiveInteger(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 1)) throw new RangeError(`${name} must be a positive whole number, got ${value}`);
  return value;
}

/** The server's limits, checked: a bad one must fail here, not surface as a Node error later. */
function limitsOf(options: MockServerOptions) {
  const headersTimeout = positiveInteger('headersTimeoutMs', options.headersTimeoutMs);
  const requestTimeout = positiveInteger('requestTimeoutMs', options.requestTimeoutMs);
  // Given one timeout, the default of the other gives way to it rather than refusing the pair.
  const headersTimeoutMs = headersTimeout ?? Math.min(DEFAULT_HEADERS_TIMEOUT_MS, requestTimeout ?? Infinity);
  const requestTimeoutMs = requestTimeout ?? Math.max(DEFAULT_REQUEST_TIMEOUT_MS, headersTimeoutMs);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new RangeError(`headersTimeoutMs (${headersTimeoutMs}) must not exceed requestTimeoutMs (${requestTimeoutMs})`);
  }
  return {
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes) ?? DEFAULT_MAX_BODY_BYTES,
    maxConnections: positiveInteger('maxConnections', options.maxConnections) ?? DEFAULT_MAX_CONNECTIONS,
    headersTimeoutMs,
    requestTimeoutMs,
  };
}

/**
 * How often node:http looks for connections past their timeouts. Its default, 30 s, would let
 * a stalled connection live up to 30 s past a shorter timeout; a quarter of the shortest
 * timeout keeps the overshoot small, and one second at most costs nothing measurable.
 */
function checkingIntervalMs(shortestTimeoutMs: number): number {
  return Math.max(10, Math.min(1000, Math.floor(shortestTimeoutMs / 4)));
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? DEFAULT_HOST;
  const credentials = { projectId: options.projectId ?? DEFAULT_PROJECT_ID, apiToken: options.apiToken ?? DEFAULT_API_TOKEN };
  const successStatuses = successStatusesOf(options);
  const limits = limitsOf(options);
  const faults = new FaultInjector();
  const closing = new AbortController();
  const store = new MockStore(options.maxItems ?? DEFAULT_MAX_ITEMS);
  const answer: AnswerCall = ({ route, params, body, successStatus }) => operationHandlers[route.operationId]({ params, body }, { store, route, successStatus });
  const listeners = createListeners({
    credentials,
    maxBodyBytes: limits.maxBodyBytes,
    successStatuses,
    answer,
    faults,
    wait: (ms) => delay(ms, undefined, { signal: closing.signal }),
  });
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: checkingIntervalMs(limits.headersTimeoutMs),
    },
    listeners.request,
  );
  server.on('checkContinue', listeners.checkContinue);
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    apiUrl: `${url}${basePath}`,
    credentials,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
