/**
 * A mock server on 127.0.0.1 and a client pointed at it, wired for tests: every exchange the
 * client makes is recorded (one entry per attempt, beneath the retries), and the waits between
 * retries are recorded instead of slept, so retry tests are instant and deterministic.
 */
import { createSipEndpointsClient, type FetchFunction, type SipEndpointsClient, type SipEndpointsClientOptions } from '@sip-endpoints/client';
import { startMockServer, type MockServer, type MockServerOptions } from '@sip-endpoints/mock-server';

export interface Exchange {
  method: string;
  url: string;
  requestBody: string | undefined;
  status: number;
  responseBody: string;
}

export interface Harness {
  server: MockServer;
  client: SipEndpointsClient;
  /** Every attempt the client sent, in order. */
  exchanges: Exchange[];
  /** Every wait between retries, in milliseconds. */
  sleeps: number[];
  close(): Promise<void>;
}

export type ClientOverrides = Partial<Omit<SipEndpointsClientOptions, 'space' | 'baseUrl'>>;

export const VALID_CREATE = { username: 'alice', password: 'correct-horse-battery-staple' } as const;

/** A fetch that records each exchange, reading bodies from clones so the client still can. */
export function recordingFetch(exchanges: Exchange[], inner: FetchFunction = (request, init) => fetch(request, init)): FetchFunction {
  return async (request, init) => {
    const requestBody = request.body ? await request.clone().text() : undefined;
    const response = await inner(request, init);
    exchanges.push({ method: request.method, url: request.url, requestBody, status: response.status, responseBody: await response.clone().text() });
    return response;
  };
}

export async function startHarness(overrides: ClientOverrides = {}, serverOptions: MockServerOptions = {}): Promise<Harness> {
  const server = await startMockServer({ port: 0, ...serverOptions });
  const exchanges: Exchange[] = [];
  const sleeps: number[] = [];
  const client = createSipEndpointsClient({
    baseUrl: server.apiUrl,
    ...server.credentials,
    fetch: recordingFetch(exchanges),
    ...overrides,
    retryBackoff: {
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...overrides.retryBackoff,
    },
  });
  return { server, client, exchanges, sleeps, close: () => server.close() };
}
