/**
 * Bench section: what the client adds to a call, against bare openapi-fetch doing the same call
 * (see client-calls.ts).
 *
 * - CPU per call (the goal): `BENCH_CLIENT_PROCESSES` processes (default 7) of client-cpu.ts,
 *   one after another, each giving the median of its paired batch ratios. The figure is the
 *   median of the processes, printed with the lowest and highest: on a shared machine a whole
 *   process can run slower, and the spread shows how far one process can be trusted.
 *   Each process also times bare openapi-fetch given a timeout per call through its `signal`
 *   option (its own AbortController and timer) against bare openapi-fetch: what the obvious way
 *   of adding a timeout costs, a Request linked to the signal (see transport.ts for how the
 *   client avoids the second link).
 * - Loopback (information): the same two against the mock server on 127.0.0.1, where the round
 *   trip dominates and the ratio shows what a caller would notice.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { callsOf, pairedBatches, serverWithEndpoint, wallMicros, type PairedRun } from './client-calls.ts';
import type { CpuProcessResult } from './client-cpu.ts';
import { median } from './stats.ts';
import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';

const GOAL = 1.3;
const PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 7);
const LOOPBACK_BATCHES = 10;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

async function cpuProcess(): Promise<CpuProcessResult> {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await run(process.execPath, [tsx, '--conditions=@sip-endpoints/source', path.join(HERE, 'client-cpu.ts')], { cwd: ROOT, env: process.env });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CpuProcessResult;
}

export interface ClientBenchResult {
  /** One result per process. */
  cpu: CpuProcessResult[];
  loopback: PairedRun;
}

export async function benchClient(): Promise<ClientBenchResult> {
  const cpu: CpuProcessResult[] = [];
  for (let p = 0; p < PROCESSES; p++) cpu.push(await cpuProcess());
  const server = await serverWithEndpoint();
  try {
    const overLoopback = callsOf(server.baseUrl, server.created.id);
    return { cpu, loopback: await pairedBatches(LOOPBACK_BATCHES, overLoopback.viaClient, overLoopback.viaOpenApiFetch, wallMicros) };
  } finally {
    await server.close();
  }
}

export function printClientBench({ cpu, loopback }: ClientBenchResult): void {
  const us = (micros: number) => `${micros.toFixed(1)} µs`;
  const row = (label: string, runs: PairedRun[], goal: string) => {
    const ratios = runs.map((run) => run.ratio);
    const ratio = median(ratios);
    console.log(`  ${label.padEnd(36)} ${us(median(runs.map((run) => run.clientMicros))).padStart(10)}   ${us(median(runs.map((run) => run.openApiFetchMicros))).padStart(12)}   ${ratio.toFixed(3)}×  ${goal}`);
    console.log(`    ${runs.length} processes: lowest ${Math.min(...ratios).toFixed(3)}×, highest ${Math.max(...ratios).toFixed(3)}× (${ratios.map((r) => r.toFixed(3)).join(' ')})`);
    return ratio;
  };
  console.log('\n## client.sipEndpoints.retrieve vs bare openapi-fetch, same request (median of processes)');
  console.log('                                         measured   openapi-fetch   paired ratio');
  const ratio = median(cpu.map((run) => run.client.ratio));
  row('CPU per call, retrieve', cpu.map((run) => run.client), `(goal ≤ ${GOAL.toFixed(1)}×) ${ratio <= GOAL ? '✓' : '✗'}`);
  row('CPU per call, openapi-fetch + timeout', cpu.map((run) => run.withTimeout), '(information: a timeout through openapi-fetch\'s `signal` option)');
  console.log(`  ${'wall per call, loopback, retrieve'.padEnd(36)} ${us(loopback.clientMicros).padStart(10)}   ${us(loopback.openApiFetchMicros).padStart(12)}   ${loopback.ratio.toFixed(3)}×  (information)`);
}

export async function runClientBench(): Promise<void> {
  printClientBench(await benchClient());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runClientBench();
