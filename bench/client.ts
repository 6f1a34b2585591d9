/**
 * Bench section: what the client adds to a request.
 *
 * Retrieves one endpoint from the mock server on 127.0.0.1, through `client.sipEndpoints.retrieve`
 * and through a bare `fetch` with the same Basic auth header and `res.json()`. Batches of the
 * two alternate, and each client batch is compared with the fetch batch next to it: the
 * machine's speed drifts over seconds, so the median of these paired ratios is steadier than a
 * ratio of two medians. On this machine a whole process also runs faster or slower at random,
 * so the section runs in several processes (BENCH_CLIENT_PROCESSES, 5) and reports the median
 * of their ratios.
 * Goal: ≤ 1.1× (the client's auth middleware, retry loop, timeout and error mapping are cheap
 * next to an HTTP round trip).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSipEndpointsClient } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';
import { median } from './stats.ts';
import { REPO_ROOT } from '../scripts/repo-root.ts';

const BATCH = 100;
const WARMUP_BATCHES = 10;
const PROJECT_ID = 'bench-project';
const API_TOKEN = 'bench-token';


export interface ClientBenchResult {
  clientMicros: number;
  fetchMicros: number;
  ratio: number;
  ratioOfMedians: number;
  requests: number;
}

export async function benchClient(batches = Number(process.env.BENCH_CLIENT_BATCHES ?? 40)): Promise<ClientBenchResult> {
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
    const pairedRatios = clientTimes.map((client, b) => client / fetchTimes[b]!);
    return { clientMicros, fetchMicros, ratio: median(pairedRatios), ratioOfMedians: clientMicros / fetchMicros, requests: sink.length };
  } finally {
    await server.close();
  }
}

const PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 5);

/** One process's measurement, printed by this module when it runs as a script with `--json`. */
async function benchInChildProcess(): Promise<ClientBenchResult> {
  const tsx = path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, '--conditions=@sip-endpoints/source', fileURLToPath(import.meta.url), '--json'], {
    cwd: REPO_ROOT,
    env: process.env,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ClientBenchResult;
}

export interface ClientBenchSummary {
  processes: ClientBenchResult[];
  /** The median of the processes' paired ratios: the figure the goal is checked against. */
  ratio: number;
}

/** The section: `PROCESSES` processes one after another (never in parallel: they would share the cores). */
export async function benchClientProcesses(): Promise<ClientBenchSummary> {
  const processes: ClientBenchResult[] = [];
  for (let i = 0; i < PROCESSES; i++) processes.push(await benchInChildProcess());
  return { processes, ratio: median(processes.map((p) => p.ratio)) };
}

export function printClientBench({ processes, ratio }: ClientBenchSummary): void {
  const requests = processes.reduce((sum, p) => sum + p.requests, 0);
  console.log(`\n## client round trip vs raw fetch, loopback to the mock server (${processes.length} processes, ${requests} requests)`);
  console.log('  process   client.sipEndpoints.retrieve   fetch + res.json()   paired ratio');
  processes.forEach((p, i) => {
    console.log(`  ${String(i + 1).padStart(7)}   ${`${p.clientMicros.toFixed(0)} µs`.padStart(28)}   ${`${p.fetchMicros.toFixed(0)} µs`.padStart(18)}   ${`${p.ratio.toFixed(3)}×`.padStart(12)}`);
  });
  console.log(`  ratio, median of the processes     ${ratio.toFixed(3)}×  (goal ≤ 1.10×) ${ratio <= 1.1 ? '✓' : '✗'}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--json')) console.log(JSON.stringify(await benchClient()));
  else printClientBench(await benchClientProcesses());
}
