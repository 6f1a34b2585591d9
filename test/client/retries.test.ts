/**
 * Retries and timeouts, driven by the mock server's fault injection over real HTTP. Waits
 * between attempts are recorded rather than slept (see the harness), so the tests assert the
 * backoff the client chose without waiting for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, InternalServerError, RateLimitError, TimeoutError } from '@sip-endpoints/client';
import { startHarness, VALID_CREATE, type Harness } from './support/harness.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function withHarness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  harness = await startHarness(...args);
  return harness;
}

describe('retries', () => {
  it('retries a GET twice by default after 5xx, then succeeds', async () => {
    const h = await withHarness();
    const created = await h.client.sipEndpoints.create(VALID_CREATE);
    h.exchanges.length = 0;
    h.server.faults.failNext(2);
    await expect(h.client.sipEndpoints.retrieve(created.id)).resolves.toMatchObject({ id: created.id });
    expect(h.exchanges.map((e) => e.status)).toEqual([500, 500, 200]);
  });

  it('gives up after maxRetries and throws the last answer', async () => {
    const h = await withHarness({ maxRetries: 3 });
    h.server.faults.failNext(10);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID)).rejects.toBeInstanceOf(InternalServerError);
    expect(h.exchanges).toHaveLength(4);
  });

  it('backs off exponentially with jitter', async () => {
    const h = await withHarness({ maxRetries: 3, retryBackoff: { initialDelayMs: 100, maxDelayMs: 300, random: () => 0.5 } });
    h.server.faults.failNext(10);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID)).rejects.toBeInstanceOf(InternalServerError);
    // 100·2^n capped at 300, each less an eighth (random 0.5 × the quarter of jitter).
    expect(h.sleeps).toEqual([87.5, 175, 262.5]);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const h = await withHarness();
    h.server.faults.rateLimitNext(2, 3);
    await expect(h.client.sipEndpoints.list().firstPage()).resolves.toMatchObject({ data: [] });
    expect(h.sleeps).toEqual([3000, 3000]);
    expect(h.exchanges.map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it('does not wait out a Retry-After longer than maxRetryAfterMs', async () => {
    const h = await withHarness({ retryBackoff: { maxRetryAfterMs: 10_000 } });
    h.server.faults.rateLimitNext(1, 60);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID)).rejects.toMatchObject({ name: 'RateLimitError', retryAfterMs: 60_000 });
    expect(h.exchanges).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('never retries a create (POST) unless asked', async () => {
    const h = await withHarness();
    h.server.faults.rateLimitNext(1, 0);
    await expect(h.client.sipEndpoints.create(VALID_CREATE)).rejects.toBeInstanceOf(RateLimitError);
    expect(h.exchanges).toHaveLength(1);

    h.server.faults.failNext(1);
    await expect(h.client.sipEndpoints.create(VALID_CREATE, { retry: true })).resolves.toMatchObject({ username: 'alice' });
    expect(h.exchanges.map((e) => e.status)).toEqual([429, 500, 200]);
  });

  it('retries PUT and DELETE', async () => {
    const h = await withHarness();
    const created = await h.client.sipEndpoints.create(VALID_CREATE);
    h.server.faults.failNext(1);
    await h.client.sipEndpoints.update(created.id, { caller_id: 'Desk' });
    h.server.faults.failNext(1);
    await h.client.sipEndpoints.delete(created.id);
    expect(h.exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 200', 'PUT 500', 'PUT 200', 'DELETE 500', 'DELETE 204']);
  });

  it('takes maxRetries per call, and retry: false turns retries off', async () => {
    const h = await withHarness();
    h.server.faults.failNext(10);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID, { maxRetries: 4 })).rejects.toBeInstanceOf(InternalServerError);
    expect(h.exchanges).toHaveLength(5);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID, { retry: false })).rejects.toBeInstanceOf(InternalServerError);
    expect(h.exchanges).toHaveLength(6);
    h.server.faults.reset();
  });

  it('retries connection failures, then throws ConnectionError', async () => {
    let attempts = 0;
    const h = await withHarness({
      fetch: async () => {
        attempts++;
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
      },
    });
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID)).rejects.toMatchObject({ name: 'ConnectionError', code: 'ECONNREFUSED' });
    expect(attempts).toBe(3);
    await expect(h.client.sipEndpoints.create(VALID_CREATE)).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(4);
  });

  it('retries through the raw openapi-fetch client too', async () => {
    const h = await withHarness();
    h.server.faults.failNext(1);
    const { response } = await h.client.raw.GET('/endpoints/sip');
    expect(response.status).toBe(200);
    expect(h.exchanges.map((e) => e.status)).toEqual([500, 200]);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const controller = new AbortController();
    const h = await withHarness({
      retryBackoff: {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
            controller.abort(new Error('caller gave up'));
          }),
      },
    });
    h.server.faults.failNext(1);
    await expect(h.client.sipEndpoints.retrieve(UNKNOWN_ID, { signal: controller.signal })).rejects.toThrow('caller gave up');
    expect(h.exchanges).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('times out each attempt after timeoutMs, retries a GET, then throws TimeoutError', async () => {
    const h = await withHarness({ timeoutMs: 25, maxRetries: 1 });
    h.server.faults.setLatency(400);
    const error = await h.client.sipEndpoints.retrieve(UNKNOWN_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(25);
    expect(h.sleeps).toHaveLength(1);
  });

  it('takes a timeout per call', async () => {
    const h = await withHarness({ timeoutMs: 60_000, maxRetries: 0 });
    h.server.faults.setLatency(400);
    await expect(h.client.sipEndpoints.list({}, { timeoutMs: 25 }).firstPage()).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 25 });
  });

  it("honours the caller's own signal, which is not a timeout", async () => {
    const h = await withHarness({ timeoutMs: 60_000 });
    h.server.faults.setLatency(400);
    const controller = new AbortController();
    const pending = h.client.sipEndpoints.retrieve(UNKNOWN_ID, { signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(h.sleeps).toEqual([]);
  });

  it('succeeds when the answer comes within the timeout', async () => {
    const h = await withHarness({ timeoutMs: 5_000 });
    h.server.faults.setLatency(20);
    await expect(h.client.sipEndpoints.list().firstPage()).resolves.toMatchObject({ data: [] });
  });
});
