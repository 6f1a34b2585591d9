/**
 * One process of the client bench's CPU figure: alternating batches of `retrieve` and of bare
 * openapi-fetch, both sending through the same fake `fetch`, which answers at once from memory,
 * so that what is timed is the client's own work (the retry loop, the attempt's signal and timer,
 * reading the body under the size limit, the path check, mapping the answer) and not the
 * network's. Each batch is timed by `process.cpuUsage`, which the other processes of a shared
 * machine disturb less than the wall clock. The same is done for bare openapi-fetch given a
timeout (see `viaOpenApiFetchWithTimeout`) against bare openapi-fetch: the part of the figure
that any per-attempt timeout costs. Prints one JSON line (`CpuProcessResult`).
 *
 * The client timed is the package compiled as it is published, not its source run through tsx:
 * tsx compiles with esbuild's `keepNames`, which adds a call to every function expression the
 * client creates per request, work that the published build (plain tsc output) does not do,
 * while openapi-fetch runs from its published build. The client is bundled with esbuild
 * (openapi-fetch left out, so that both sides run the same openapi-fetch module).
 * Run alone: `npx tsx --conditions=@sip-endpoints/source bench/client-cpu.ts`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { createSipEndpointsClient } from '@sip-endpoints/client';
import { callsOf, cpuMicros, pairedBatches, serverWithEndpoint, type PairedRun } from './client-calls.ts';
import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';

const BATCHES = Number(process.env.BENCH_CLIENT_BATCHES ?? 30);

export interface CpuProcessResult {
  /** The client against bare openapi-fetch. */
  client: PairedRun;
  /** Bare openapi-fetch with a timeout against bare openapi-fetch. */
  withTimeout: PairedRun;
}

/** The client package compiled without tsx, in a folder from which `openapi-fetch` resolves. */
async function compiledClient(): Promise<typeof createSipEndpointsClient> {
  const dir = path.join(ROOT, 'node_modules/.cache/sip-endpoints');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `bench-client-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, 'packages/client/src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    conditions: ['@sip-endpoints/source'],
    external: ['openapi-fetch'],
    outfile,
    logLevel: 'silent',
  });
  try {
    return ((await import(pathToFileURL(outfile).href)) as { createSipEndpointsClient: typeof createSipEndpointsClient }).createSipEndpointsClient;
  } finally {
    rmSync(outfile, { force: true });
  }
}

// The fake fetch answers with the endpoint the mock server returned, as the server would.
const server = await serverWithEndpoint();
await server.close();
const body = JSON.stringify(server.created);
const fakeFetch = async (_request: Request) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const { viaClient, viaOpenApiFetch, viaOpenApiFetchWithTimeout } = callsOf(server.baseUrl, server.created.id, fakeFetch, await compiledClient());
const client = await pairedBatches(BATCHES, viaClient, viaOpenApiFetch, cpuMicros);
const withTimeout = await pairedBatches(BATCHES, viaOpenApiFetchWithTimeout, viaOpenApiFetch, cpuMicros);
console.log(JSON.stringify({ client, withTimeout } satisfies CpuProcessResult));
