/**
 * Bench section: the mock server's store under load.
 *
 * Over HTTP: two mock servers on 127.0.0.1 in this process, one empty, one holding STORED
 * endpoints. Batches of creates (and of first-page lists, 50 items) alternate between the two,
 * which goes first changing every round, with a few requests in flight, as a test suite would
 * drive the mock. In process: the same creates straight into the store's create operation, so
 * that the store's own cost is seen without the HTTP stack around it. Printed: the fastest batch
 * of each (noise only ever slows a batch down) and their ratio, full store against empty.
 *
 * Goal: creates with STORED items ≥ 0.5× the empty store's (a create checks the unique index,
 * not every item). Lists are printed with the same ratio: a page is read from the ordered store
 * in O(page size), so it should not fall with the number of items either.
 *
 * Run alone: `npx tsx --conditions=@sip-endpoints/source bench/mock-store.ts`.
 */
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { resources } from '../packages/mock-server/src/generated/routes.ts';
import { performOperation } from '../packages/mock-server/src/operations.ts';
import { MockStore } from '../packages/mock-server/src/store.ts';
import { fastest } from './stats.ts';
import { runAsCli } from '../scripts/run-as-cli.ts';

const STORED = Number(process.env.BENCH_MOCK_STORED ?? 20_000);
const BATCH = 300;
const BATCHES = Number(process.env.BENCH_MOCK_BATCHES ?? 8);
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
  /** Creates per second straight into the store's create operation, no HTTP. */
  emptyStoreCreatesPerSecond: number;
  fullStoreCreatesPerSecond: number;
}

/** Creates per second into `store`'s first resource, in process: the fastest of BATCHES batches. */
function storeCreates(store: MockStore, body: () => Record<string, unknown>, batches: number, batch: number): number[] {
  const resource = resources[0]!;
  const role = resource.operations.find((o) => o.role === 'create')?.role;
  const rates: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      const reply = performOperation({ resource, role, store: store.of(resource), queryParameters: [], successStatus: 200 }, { params: {}, body: body() });
      if (reply.status !== 200) throw new Error(`create answered ${reply.status}`);
    }
    rates.push((batch / (performance.now() - start)) * 1000);
  }
  return rates;
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
      const order = i % 2 === 0 ? (['empty', 'full'] as const) : (['full', 'empty'] as const);
      for (const which of order) creates[which].push(await throughput(BATCH, () => (which === 'empty' ? callEmpty : callFull)('POST', body())));
      for (const which of order) lists[which].push(await throughput(BATCH, () => (which === 'empty' ? callEmpty : callFull)('GET')));
    }

    const inProcessMax = STORED + BATCH * 5 * BATCHES * 2;
    const inProcess = { empty: new MockStore(inProcessMax), full: new MockStore(inProcessMax) };
    storeCreates(inProcess.full, body, 1, STORED);
    const storeRates = { empty: [] as number[], full: [] as number[] };
    for (let i = 0; i < BATCHES; i++) {
      storeRates.empty.push(...storeCreates(inProcess.empty, body, 1, BATCH * 5));
      storeRates.full.push(...storeCreates(inProcess.full, body, 1, BATCH * 5));
    }
    // Throughputs: the fastest batch is the highest rate.
    const best = (rates: number[]) => 1 / fastest(rates.map((r) => 1 / r));
    return {
      emptyStoreCreatesPerSecond: best(storeRates.empty),
      fullStoreCreatesPerSecond: best(storeRates.full),
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
    console.log(`  ${what.padEnd(30)} empty ${emptyRate.toFixed(0).padStart(6)}/s   ${result.stored} stored ${fullRate.toFixed(0).padStart(6)}/s   ${ratio.toFixed(2)}×${verdict}`);
  };
  line('create (HTTP)', result.emptyCreatesPerSecond, result.fullCreatesPerSecond, 0.5);
  line('list, first page of 50 (HTTP)', result.emptyListsPerSecond, result.fullListsPerSecond);
  line('create (store, no HTTP)', result.emptyStoreCreatesPerSecond, result.fullStoreCreatesPerSecond, 0.5);
}

runAsCli(import.meta.url, 'bench/mock-store.ts', async () => {
  printMockStoreBench(await benchMockStore());
  return 0;
});
