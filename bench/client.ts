/**
 * Bench section: what the client adds to a request.
 *
 * Retrieves one endpoint from the mock server on 127.0.0.1, through `client.sipEndpoints.retrieve`
 * and through a bare `fetch` with the same Basic auth header and `res.json()`, in batches of
 * 100 that alternate. The section runs in several processes (BENCH_CLIENT_PROCESSES, 5), one
 * after another, and prints two ratios:
 *
 * - fastest against fastest: the quickest batch of each path over all processes. This is the
 *   figure the goal is checked against, as in the other sections (the validators' best of 7
 *   processes, generate's fastest of 5 runs): on this shared machine noise only ever slows a
 *   batch down, so the fastest batch is the closest to the code's own speed.
 * - the median, over the processes, of each process's median paired ratio (a client batch
 *   against the fetch batch next to it). When the machine is slowed, it drifts towards the
 *   ratio of CPU time, since the loopback latency does not slow down with it.
 *
 * Goal: ≤ 1.1× (the client's auth middleware, retry loop, timeout and error mapping are cheap
 * next to an HTTP round trip).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSipEndpointsClient } from '@sip-endpoints/client';
import { startMockServer } from '@sip-endpoints/mock-server';
import { fastest, median } from './stats.ts';
import { REPO_ROOT } from '../scripts/repo-root.ts';

const BATCH = 100;
const WARMUP_BATCHES = 10;
const PROJECT_ID = 'bench-project';
const API_TOKEN = 'bench-token';

export interface ClientBenchResult {
  clientMicros: number;
  fetchMicros: number;
  /** The median of the paired ratios (a client batch against the fetch batch next to it). */
  ratio: number;
  /** The quickest batch of each path, µs per request. */
  clientFastestMicros: number;
  fetchFastestMicros: number;
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
    return {
      clientMicros,
      fetchMicros,
      ratio: median(pairedRatios),
      clientFastestMicros: fastest(clientTimes),
      fetchFastestMicros: fastest(fetchTimes),
      requests: sink.length,
    };
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
  /** The quickest client batch over the quickest fetch batch, over all processes: the goal's figure. */
  fastestRatio: number;
  /** The median of the processes' paired ratios. */
  medianRatio: number;
}

/** The section: `PROCESSES` processes one after another (never in parallel: they would share the cores). */
export async function benchClientProcesses(): Promise<ClientBenchSummary> {
  const processes: ClientBenchResult[] = [];
  for (let i = 0; i < PROCESSES; i++) processes.push(await benchInChildProcess());
  return {
    processes,
    fastestRatio: fastest(processes.map((p) => p.clientFastestMicros)) / fastest(processes.map((p) => p.fetchFastestMicros)),
    medianRatio: median(processes.map((p) => p.ratio)),
  };
}

const GOAL = 1.1;

export function printClientBench({ processes, fastestRatio, medianRatio }: ClientBenchSummary): void {
  const requests = processes.reduce((sum, p) => sum + p.requests, 0);
  const us = (micros: number) => `${micros.toFixed(0)} µs`;
  console.log(`\n## client round trip vs raw fetch, loopback to the mock server (${processes.length} processes, ${requests} requests)`);
  console.log('  process   retrieve: fastest / median batch   fetch + res.json(): fastest / median   paired ratio (median)');
  processes.forEach((p, i) => {
    const client = `${us(p.clientFastestMicros)} / ${us(p.clientMicros)}`;
    const raw = `${us(p.fetchFastestMicros)} / ${us(p.fetchMicros)}`;
    console.log(`  ${String(i + 1).padStart(7)}   ${client.padStart(32)}   ${raw.padStart(36)}   ${`${p.ratio.toFixed(3)}×`.padStart(21)}`);
  });
  console.log(`  ratio, fastest batch vs fastest batch   ${fastestRatio.toFixed(3)}×  (goal ≤ ${GOAL.toFixed(2)}×) ${fastestRatio <= GOAL ? '✓' : '✗'}`);
  console.log(`  ratio, median of the processes' paired ratios   ${medianRatio.toFixed(3)}×`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--json')) console.log(JSON.stringify(await benchClient()));
  else printClientBench(await benchClientProcesses());
}
