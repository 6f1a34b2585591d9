/**
 * Bench section: what the client adds to a call, against bare openapi-fetch doing the same call
 * (see client-calls.ts).
 *
 * - CPU per call (the goal): `BENCH_CLIENT_PROCESSES` processes (default 5) of client-cpu.ts,
 *   one after another, each giving the median of its paired batch ratios. The figure is the
 *   median of the processes, printed with the lowest and highest: on a shared machine a whole
 *   process can run slower, and the spread shows how far one process can be trusted.
 * - Loopback (information): the same two against the mock server on 127.0.0.1, where the round
 *   trip dominates and the ratio shows what a caller would notice.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { callsOf, pairedBatches, serverWithEndpoint, wallMicros, type PairedRun } from './client-calls.ts';
import { median } from './stats.ts';
import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';

const GOAL = 1.3;
const PROCESSES = Number(process.env.BENCH_CLIENT_PROCESSES ?? 5);
const LOOPBACK_BATCHES = 10;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

async function cpuProcess(): Promise<PairedRun> {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await run(process.execPath, [tsx, '--conditions=@sip-endpoints/source', path.join(HERE, 'client-cpu.ts')], { cwd: ROOT, env: process.env });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PairedRun;
}

export interface ClientBenchResult {
  /** One run per process. */
  cpu: PairedRun[];
  loopback: PairedRun;
}

export async function benchClient(): Promise<ClientBenchResult> {
  const cpu: PairedRun[] = [];
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
  const ratios = cpu.map((run) => run.ratio);
  const ratio = median(ratios);
  console.log('\n## client.sipEndpoints.retrieve vs bare openapi-fetch, same request');
  console.log('                                   retrieve      openapi-fetch   paired ratio');
  console.log(
    `  CPU per call, in-memory fetch  ${us(median(cpu.map((run) => run.clientMicros))).padStart(10)}   ${us(median(cpu.map((run) => run.openApiFetchMicros))).padStart(12)}   ${ratio.toFixed(3)}×  (goal ≤ ${GOAL.toFixed(1)}×) ${ratio <= GOAL ? '✓' : '✗'}`,
  );
  console.log(`    median of ${cpu.length} processes; lowest ${Math.min(...ratios).toFixed(3)}×, highest ${Math.max(...ratios).toFixed(3)}×; each: ${ratios.map((r) => r.toFixed(3)).join(' ')}`);
  console.log(`  wall per call, loopback        ${us(loopback.clientMicros).padStart(10)}   ${us(loopback.openApiFetchMicros).padStart(12)}   ${loopback.ratio.toFixed(3)}×  (information)`);
}

export async function runClientBench(): Promise<void> {
  printClientBench(await benchClient());
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runClientBench();
