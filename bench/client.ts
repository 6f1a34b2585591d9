/**
 * Bench section: what the client adds to a call, against bare openapi-fetch doing the same call
 * (`GET /endpoints/sip/{id}` with the same Basic auth header, the body parsed as JSON).
 *
 * - CPU per call (the goal): both send through the same fake `fetch`, which answers at once
 *   from memory, so the figure is the client's own work (the retry loop, the attempt's signal
 *   and timer, reading the body under the size limit, the path check, mapping the answer) and
 *   not the network's. Batches of the two alternate, each timed by `process.cpuUsage`, which the
 *   other processes on a shared machine disturb less than the wall clock; the figure is the
 *   median of the paired ratios (a client batch against the openapi-fetch batch next to it).
 * - Loopback (information): the same two against the mock server on 127.0.0.1, where the round
 *   trip dominates and the ratio shows what a caller would notice.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createOpenApiClient from 'openapi-fetch';
import { createSipEndpointsClient, type paths } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';
import { median } from './stats.ts';

const GOAL = 1.3;
const BATCH = 200;
const WARMUP_BATCHES = 10;
const PROJECT_ID = 'bench-project';
const API_TOKEN = 'bench-token';
const AUTHORIZATION = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`;

interface PairedRun {
  /** µs per call, median batch. */
  clientMicros: number;
  openApiFetchMicros: number;
  /** The median of the paired ratios. */
  ratio: number;
}

/** Alternating batches of the two calls, timed by `clock` (µs), and their paired ratio. */
async function pairedBatches(batches: number, viaClient: () => Promise<unknown>, viaOpenApiFetch: () => Promise<unknown>, clock: () => number): Promise<PairedRun> {
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

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const wallMicros = (): number => performance.now() * 1000;

/** Both clients on `baseUrl` with `fetch`, and a call of each that checks it got the endpoint. */
function callsOf(baseUrl: string, id: string, fetch?: (request: Request) => Promise<Response>) {
  const client = createSipEndpointsClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN, ...(fetch && { fetch }) });
  const bare = createOpenApiClient<paths>({ baseUrl, headers: { Authorization: AUTHORIZATION }, ...(fetch && { fetch }) });
  const check = (endpoint: { id?: string } | undefined) => {
    if (endpoint?.id !== id) throw new Error('a call did not return the endpoint');
  };
  return {
    viaClient: async () => check(await client.sipEndpoints.retrieve(id)),
    viaOpenApiFetch: async () => check((await bare.GET('/endpoints/sip/{id}', { params: { path: { id } } })).data),
  };
}

export interface ClientBenchResult {
  cpu: PairedRun;
  loopback: PairedRun;
}

export async function benchClient(batches = Number(process.env.BENCH_CLIENT_BATCHES ?? 30)): Promise<ClientBenchResult> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', projectId: PROJECT_ID, apiToken: API_TOKEN });
  try {
    const baseUrl = `${server.url}/api/relay/rest`;
    const setup = createSipEndpointsClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN });
    const created = await setup.sipEndpoints.create({ username: 'bench', password: 'secret', call_handler: 'relay_connector' });
    // The fake fetch answers with the endpoint the mock server returned, as the server would.
    const body = JSON.stringify(created);
    const fakeFetch = async (_request: Request) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    const inMemory = callsOf(baseUrl, created.id, fakeFetch);
    const cpu = await pairedBatches(batches, inMemory.viaClient, inMemory.viaOpenApiFetch, cpuMicros);
    const overLoopback = callsOf(baseUrl, created.id);
    const loopback = await pairedBatches(Math.ceil(batches / 3), overLoopback.viaClient, overLoopback.viaOpenApiFetch, wallMicros);
    return { cpu, loopback };
  } finally {
    await server.close();
  }
}

export function printClientBench({ cpu, loopback }: ClientBenchResult): void {
  const us = (micros: number) => `${micros.toFixed(1)} µs`;
  console.log('\n## client.sipEndpoints.retrieve vs bare openapi-fetch, same request');
  console.log('                                   retrieve      openapi-fetch   paired ratio (median)');
  console.log(`  CPU per call, in-memory fetch  ${us(cpu.clientMicros).padStart(10)}   ${us(cpu.openApiFetchMicros).padStart(12)}   ${cpu.ratio.toFixed(3)}×  (goal ≤ ${GOAL.toFixed(1)}×) ${cpu.ratio <= GOAL ? '✓' : '✗'}`);
  console.log(`  wall per call, loopback        ${us(loopback.clientMicros).padStart(10)}   ${us(loopback.openApiFetchMicros).padStart(12)}   ${loopback.ratio.toFixed(3)}×  (information)`);
}

export async function runClientBench(): Promise<void> {
  printClientBench(await benchClient());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runClientBench();
