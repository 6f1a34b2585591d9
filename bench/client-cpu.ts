/**
 * One process of the client bench's CPU figure: alternating batches of `retrieve` and of bare
 * openapi-fetch, both sending through the same fake `fetch`, which answers at once from memory,
 * so that what is timed is the client's own work (the retry loop, the attempt's signal and timer,
 * reading the body under the size limit, the path check, mapping the answer) and not the
 * network's. Each batch is timed by `process.cpuUsage`, which the other processes of a shared
 * machine disturb less than the wall clock. Prints one JSON line (see `PairedRun`).
 * Run alone: `npx tsx --conditions=@sip-endpoints/source bench/client-cpu.ts`.
 */
import { callsOf, cpuMicros, pairedBatches, serverWithEndpoint } from './client-calls.ts';

const BATCHES = Number(process.env.BENCH_CLIENT_BATCHES ?? 30);

// The fake fetch answers with the endpoint the mock server returned, as the server would.
const server = await serverWithEndpoint();
await server.close();
const body = JSON.stringify(server.created);
const fakeFetch = async (_request: Request) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const { viaClient, viaOpenApiFetch } = callsOf(server.baseUrl, server.created.id, fakeFetch);
console.log(JSON.stringify(await pairedBatches(BATCHES, viaClient, viaOpenApiFetch, cpuMicros)));
