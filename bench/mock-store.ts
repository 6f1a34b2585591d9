/**
 * Bench section: the mock server's store under load.
 *
 * Two mock servers on 127.0.0.1 in this process: one empty, one holding STORED endpoints. Batches
 * of creates (and of first-page lists, 50 items) alternate between the two, over HTTP with a few
 * requests in flight, as a test suite would drive the mock. Printed: the fastest batch of each
 * (noise only ever slows a batch down) and their ratio, full store against empty.
 *
 * Goal: creates with STORED items ≥ 0.5× the empty store's (a create checks the unique index,
 * not every item). Lists are printed with the same ratio: a page is read from the ordered store
 * in O(page size), so it should not fall with the number of items either.
 *
 * Run alone: `npx tsx --conditions=@sip-endpoints/source bench/mock-store.ts`.
 */
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { fastest } from './stats.ts';
import { runAsCli } from '../scripts/run-as-cli.ts';

const STORED = Number(process.env.BENCH_MOCK_STORED ?? 20_000);
const BATCH = 400;
const BATCHES = Number(process.env.BENCH_MOCK_BATCHES ?? 10);
/** Requests in flight at once, as a client suite running in parallel would send. */
const IN_FLIGHT = 8;

export interface MockStoreBenchResult {
  stored: number;
  /** Creates per second: the fastest batch, empty store and full store. */
  emptyCreatesPerSecond: number;
  fullCreatesPerSecond: number;
  /** First-page lists per second: the fastest batch, near-empty store and full store. */
  emptyListsPerSecond: number;
  fullListsPerSecond: number;
}

function client(server: MockServer) {
  const authorization = `Basic ${Buffer.from(`${server.credentials.projectId}:${server.credentials.apiToken}`).toString('base64')}`;
  const url = `${server.apiUrl}/endpoints/sip`;
  return async (method: 'GET' | 'POST', body?: unknown): Promise<void> => {
    const response = await fetch(url, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${method} answered ${response.status}`);
  };
}

/** Runs `count` calls of `one`, IN_FLIGHT at a time; answers calls per second. */
async function throughput(count: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await one(next++);
    }),
  );
  return (count / (performance.now() - start)) * 1000;
}

export async function benchMockStore(): Promise<MockStoreBenchResult> {
  const maxItems = STORED + BATCH * BATCHES * 2 + 1_000;
  const empty = await startMockServer({ port: 0, maxItems });
  const full = await startMockServer({ port: 0, maxItems });
  try {
    const callEmpty = client(empty);
    const callFull = client(full);
    let serial = 0;
    const body = () => ({ username: `user${serial++}`, password: 'secret-pass', caller_id: 'Bench' });
    await throughput(STORED, () => callFull('POST', body()));

    const creates = { empty: [] as number[], full: [] as number[] };
    const lists = { empty: [] as number[], full: [] as number[] };
    for (let i = 0; i < BATCHES; i++) {
      // The "empty" store grows by one batch per round: a few thousand items at most, against
      // STORED and more in the full one.
      creates.empty.push(await throughput(BATCH, () => callEmpty('POST', body())));
      creates.full.push(await throughput(BATCH, () => callFull('POST', body())));
      lists.empty.push(await throughput(BATCH, () => callEmpty('GET')));
      lists.full.push(await throughput(BATCH, () => callFull('GET')));
    }
    // Throughputs: the fastest batch is the highest rate.
    const best = (rates: number[]) => 1 / fastest(rates.map((r) => 1 / r));
    return {
      stored: STORED,
      emptyCreatesPerSecond: best(creates.empty),
      fullCreatesPerSecond: best(creates.full),
      emptyListsPerSecond: best(lists.empty),
      fullListsPerSecond: best(lists.full),
    };
  } finally {
    await Promise.all([empty.close(), full.close()]);
  }
}

export function printMockStoreBench(result: MockStoreBenchResult): void {
  const line = (what: string, emptyRate: number, fullRate: number, goal?: number) => {
    const ratio = fullRate / emptyRate;
    const verdict = goal === undefined ? '' : ratio >= goal ? `  ✓ goal ≥ ${goal}×` : `  ✗ goal ≥ ${goal}×`;
    console.log(`  ${what.padEnd(26)} empty ${emptyRate.toFixed(0).padStart(6)}/s   ${result.stored} stored ${fullRate.toFixed(0).padStart(6)}/s   ${ratio.toFixed(2)}×${verdict}`);
  };
  line('create', result.emptyCreatesPerSecond, result.fullCreatesPerSecond, 0.5);
  line('list (first page of 50)', result.emptyListsPerSecond, result.fullListsPerSecond);
}

runAsCli(import.meta.url, 'bench/mock-store.ts', async () => {
  printMockStoreBench(await benchMockStore());
  return 0;
});
