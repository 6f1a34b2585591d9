/**
 * `startMockServer`: an in-memory, spec-faithful SIP Endpoint API on node:http. The API is
 * served under the spec's base path (`/api/relay/rest`), like the real one.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { createRequestListener } from './app.ts';
import type { Credentials } from './auth.ts';
import { DEFAULT_API_TOKEN, DEFAULT_HOST, DEFAULT_MAX_BODY_BYTES, DEFAULT_PORT, DEFAULT_PROJECT_ID } from './defaults.ts';
import { FaultInjector } from './faults.ts';
import { basePath, routes, type OperationId } from './generated/routes.ts';
import { DEFAULT_MAX_ITEMS, MockStore } from './store.ts';

export interface MockServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** The Basic auth username the mock accepts. */
  projectId?: string;
  /** The Basic auth password the mock accepts. */
  apiToken?: string;
  /** Larger request bodies get 413. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * The success status an operation answers with, when not the first the spec lists; for
   * example `{ create_sip_endpoint: 201 }` to answer creates as the create page documents.
   */
  successStatuses?: Partial<Record<OperationId, number>>;
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

function checkSuccessStatuses(statuses: Partial<Record<OperationId, number>>): void {
  for (const [operationId, status] of Object.entries(statuses)) {
    const route = routes.find((r) => r.operationId === operationId);
    if (!route) throw new RangeError(`successStatuses: no operation ${operationId}`);
    if (!route.successStatuses.includes(status)) {
      throw new RangeError(`successStatuses: ${operationId} answers ${route.successStatuses.join(' or ')}, not ${status}`);
    }
  }
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? DEFAULT_HOST;
  const credentials = { projectId: options.projectId ?? DEFAULT_PROJECT_ID, apiToken: options.apiToken ?? DEFAULT_API_TOKEN };
  const successStatuses = options.successStatuses ?? {};
  checkSuccessStatuses(successStatuses);
  const faults = new FaultInjector();
  const closing = new AbortController();
  const server = createServer(
    createRequestListener({
      credentials,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      successStatuses,
      store: new MockStore(options.maxItems ?? DEFAULT_MAX_ITEMS),
      faults,
      wait: (ms) => delay(ms, undefined, { signal: closing.signal }),
    }),
  );
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
