/**
 * What both sides of the client bench call: `client.sipEndpoints.retrieve` and bare openapi-fetch
 * doing the same request (`GET /endpoints/sip/{id}` with the same Basic auth header, the body
 * parsed as JSON), and the paired, alternating batches that time them.
 */
import createOpenApiClient from 'openapi-fetch';
import { createSipEndpointsClient, type paths } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';
import { median } from './stats.ts';

const BATCH = 200;
const WARMUP_BATCHES = 10;
export const PROJECT_ID = 'bench-project';
export const API_TOKEN = 'bench-token';
/** The client's default timeout per attempt. */
const TIMEOUT_MS = 30_000;
const AUTHORIZATION = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`;

export interface PairedRun {
  /** µs per call, median batch. */
  clientMicros: number;
  openApiFetchMicros: number;
  /** The median of the paired ratios. */
  ratio: number;
}

/** Alternating batches of the two calls, timed by `clock` (µs), and their paired ratio. */
export async function pairedBatches(batches: number, viaClient: () => Promise<unknown>, viaOpenApiFetch: () => Promise<unknown>, clock: () => number): Promise<PairedRun> {
  const batch = async (call: () => Promise<unknown>) => {
    const started = clock();
    for (let i = 0; i < BATCH; i++) await call();
    return (clock() - started) / BATCH;
  };
  for (let w = 0; w < WARMUP_BATCHES; w++) {
    await batch(viaClient);
    await batch(viaOpenApiFetch);
  }
  const clientTimes: number[] = [];
  const openApiFetchTimes: number[] = [];
  for (let b = 0; b < batches; b++) {
    // The order alternates too, so that neither always runs right after the other.
    if (b % 2 === 0) {
      clientTimes.push(await batch(viaClient));
      openApiFetchTimes.push(await batch(viaOpenApiFetch));
    } else {
      openApiFetchTimes.push(await batch(viaOpenApiFetch));
      clientTimes.push(await batch(viaClient));
    }
  }
  return {
    clientMicros: median(clientTimes),
    openApiFetchMicros: median(openApiFetchTimes),
    ratio: median(clientTimes.map((time, b) => time / openApiFetchTimes[b]!)),
  };
}

/** CPU time of this process (all its threads), in µs. */
export const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
export const wallMicros = (): number => performance.now() * 1000;

/** Both clients on `baseUrl` with `fetch`, and a call of each that checks it got the endpoint. */
export function callsOf(baseUrl: string, id: string, fetch?: (request: Request) => Promise<Response>, createClient = createSipEndpointsClient) {
  const client = createClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN, ...(fetch && { fetch }) });
  const bare = createOpenApiClient<paths>({ baseUrl, headers: { Authorization: AUTHORIZATION }, ...(fetch && { fetch }) });
  const check = (endpoint: { id?: string } | undefined) => {
    if (endpoint?.id !== id) throw new Error('a call did not return the endpoint');
  };
  return {
    viaClient: async () => check(await client.sipEndpoints.retrieve(id)),
    viaOpenApiFetch: async () => check((await bare.GET('/endpoints/sip/{id}', { params: { path: { id } } })).data),
    /** Bare openapi-fetch with a timeout through its `signal` option: its own AbortController and a timer, cleared when the call ends. */
    viaOpenApiFetchWithTimeout: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
      try {
        check((await bare.GET('/endpoints/sip/{id}', { params: { path: { id } }, signal: controller.signal })).data);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A mock server on 127.0.0.1 holding one endpoint; `close` stops it. */
export async function serverWithEndpoint() {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', projectId: PROJECT_ID, apiToken: API_TOKEN });
  const baseUrl = `${server.url}/api/relay/rest`;
  const setup = createSipEndpointsClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN });
  const created = await setup.sipEndpoints.create({ username: 'bench', password: 'secret', call_handler: 'relay_connector' });
  return { baseUrl, created, close: () => server.close() };
}
