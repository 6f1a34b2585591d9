/**
 * Bench section: what the client adds to a request.
 *
 * Retrieves one endpoint from the mock server on 127.0.0.1, through `client.sipEndpoints.retrieve`
 * and through a bare `fetch` with the same Basic auth header and `res.json()`. Batches of the
 * two alternate so noise hits both alike; the ratio of median batch times is reported.
 * Goal: ≤ 1.1× (the client's auth middleware, retry loop, timeout and error mapping are cheap
 * next to an HTTP round trip).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSipEndpointsClient } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';
import { median } from './stats.ts';

const BATCH = 100;
const WARMUP_BATCHES = 10;
const PROJECT_ID = 'bench-project';
const API_TOKEN = 'bench-token';


export interface ClientBenchResult {
  clientMicros: number;
  fetchMicros: number;
  ratio: number;
  requests: number;
}

export async function benchClient(batches = Number(process.env.BENCH_CLIENT_BATCHES ?? 30)): Promise<ClientBenchResult> {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', projectId: PROJECT_ID, apiToken: API_TOKEN });
  try {
    const baseUrl = `${server.url}/api/relay/rest`;
    const client = createSipEndpointsClient({ baseUrl, projectId: PROJECT_ID, apiToken: API_TOKEN });
    const created = await client.sipEndpoints.create({ username: 'bench', password: 'secret', call_handler: 'relay_connector' });
    const url = `${baseUrl}/endpoints/sip/${created.id}`;
    const authorization = `Basic ${Buffer.from(`${PROJECT_ID}:${API_TOKEN}`).toString('base64')}`;
    const sink: unknown[] = [];

    const viaClient = async () => {
      for (let i = 0; i < BATCH; i++) sink.push(await client.sipEndpoints.retrieve(created.id));
    };
    const viaFetch = async () => {
      for (let i = 0; i < BATCH; i++) {
        const response = await fetch(url, { headers: { authorization, accept: 'application/json' } });
        if (!response.ok) throw new Error(`fetch answered ${response.status}`);
        sink.push(await response.json());
      }
    };
    const time = async (work: () => Promise<void>) => {
      const started = performance.now();
      await work();
      return ((performance.now() - started) * 1000) / BATCH;
    };

    // Warm up both paths (JIT tiers, keep-alive sockets) before timing anything.
    for (let w = 0; w < WARMUP_BATCHES; w++) {
      await viaClient();
      await viaFetch();
    }
    const clientTimes: number[] = [];
    const fetchTimes: number[] = [];
    for (let b = 0; b < batches; b++) {
      if (b % 2 === 0) {
        clientTimes.push(await time(viaClient));
        fetchTimes.push(await time(viaFetch));
      } else {
        fetchTimes.push(await time(viaFetch));
        clientTimes.push(await time(viaClient));
      }
    }
    if (sink.length !== (batches + WARMUP_BATCHES) * 2 * BATCH) throw new Error('a request went missing');
    const clientMicros = median(clientTimes);
    const fetchMicros = median(fetchTimes);
    return { clientMicros, fetchMicros, ratio: clientMicros / fetchMicros, requests: sink.length };
  } finally {
    await server.close();
  }
}

export function printClientBench(result: ClientBenchResult): void {
  console.log(`\n## client round trip vs raw fetch, loopback to the mock server (${result.requests} requests)`);
  console.log(`  client.sipEndpoints.retrieve(id)   ${result.clientMicros.toFixed(0)} µs per request (median batch)`);
  console.log(`  fetch + res.json()                 ${result.fetchMicros.toFixed(0)} µs per request (median batch)`);
  console.log(`  ratio                              ${result.ratio.toFixed(2)}×  (goal ≤ 1.10×)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printClientBench(await benchClient());
}
