/**
 * Attempts that start within the same few milliseconds share one timeout signal
 * (packages/client/src/timeout-windows.ts). Each attempt must still get at least its
 * `timeoutMs` and at most 10 ms more, a finished attempt must not be disturbed when its window
 * aborts the others, and finished calls must leave no timer behind.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSipEndpointsClient, TimeoutError } from '@sip-endpoints/client';
import { isWindowTimeout, leaveWindow, TimeoutWindows } from '../../packages/client/src/timeout-windows.ts';

afterEach(() => {
  vi.useRealTimers();
});

function fakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
}

describe('TimeoutWindows', () => {
  it('shares a signal among attempts that start within the span, and opens a new window after it', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const first = windows.join(1_000);
    vi.advanceTimersByTime(9);
    const second = windows.join(1_000);
    vi.advanceTimersByTime(1);
    const third = windows.join(1_000);
    expect(second.signal).toBe(first.signal);
    expect(third.signal).not.toBe(first.signal);
  });

  it('keeps timeouts of different lengths apart', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    expect(windows.join(1_000).signal).not.toBe(windows.join(2_000).signal);
  });

  it('aborts no earlier than timeoutMs after the last attempt to join, and at most 11 ms later than the first', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const first = windows.join(1_000);
    vi.advanceTimersByTime(9.5);
    windows.join(1_000);
    vi.advanceTimersByTime(1_000);
    expect(first.signal.aborted).toBe(false); // 1,009.5 ms after the first, 1,000 after the second
    vi.advanceTimersByTime(1.5);
    expect(first.signal.aborted).toBe(true); // 1,011 ms after the first: span, timeout, 1 ms of rounding
    const reason: unknown = first.signal.reason;
    expect(reason).toBeInstanceOf(TimeoutError);
    expect(reason).toMatchObject({ timeoutMs: 1_000 });
    expect(isWindowTimeout(reason)).toBe(true);
    expect(isWindowTimeout(new TimeoutError('own', 1_000))).toBe(false);
  });

  it('scales the span down for short timeouts (a tenth of timeoutMs)', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const window = windows.join(20);
    vi.advanceTimersByTime(22.9);
    expect(window.signal.aborted).toBe(false);
    vi.advanceTimersByTime(0.1);
    expect(window.signal.aborted).toBe(true); // span 2 ms, timeout 20 ms, 1 ms of rounding
    expect(windows.join(20).signal.aborted).toBe(false);
  });

  it('stops the timer when the last attempt leaves, and arms it again for a later joiner', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const a = windows.join(1_000);
    const b = windows.join(1_000);
    leaveWindow(a);
    expect(vi.getTimerCount()).toBe(1);
    leaveWindow(b);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(a.signal.aborted).toBe(false);

    const early = windows.join(1_000); // a new window: the first one closed long ago
    vi.advanceTimersByTime(5);
    leaveWindow(early);
    const late = windows.join(1_000); // the same window, armed again for its own deadline
    expect(late.signal).toBe(early.signal);
    vi.advanceTimersByTime(1_005);
    expect(late.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(late.signal.aborted).toBe(true);
  });

  it('opens a new window after 1,000 attempts, below the listener count Node warns at', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const signals = new Set(Array.from({ length: 2_500 }, () => windows.join(30_000).signal));
    expect(signals.size).toBe(3);
  });

  it('keeps a timeout beyond what setTimeout takes from firing at once', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const window = windows.join(2 ** 31 - 1);
    vi.advanceTimersByTime(1_000);
    expect(window.signal.aborted).toBe(false);
  });

  it('keeps a bounded number of windows when every call asks for a different timeout', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    for (let timeoutMs = 1_000; timeoutMs < 1_200; timeoutMs++) {
      leaveWindow(windows.join(timeoutMs));
      vi.advanceTimersByTime(10);
    }
    expect(windows.size).toBeLessThanOrEqual(8);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never drops a window that an attempt is still in', () => {
    fakeClock();
    const windows = new TimeoutWindows();
    const running = Array.from({ length: 12 }, (_, i) => windows.join(1_000 + i));
    vi.advanceTimersByTime(20);
    windows.join(5_000);
    expect(windows.size).toBe(13);
    vi.advanceTimersByTime(2_000);
    expect(running.every((w) => w.signal.aborted)).toBe(true);
  });
});

describe('a shared window on the wire', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    server = undefined;
  });

  const FAST = '00000000-0000-4000-8000-00000000000f';
  const STALLED = '00000000-0000-4000-8000-00000000000s';

  it('times out the stalled attempt of a window, and leaves its finished neighbour and the connection pool working', async () => {
    let connections = 0;
    server = createServer((request, response) => {
      if (request.url?.endsWith(STALLED)) {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        response.write('{"id":"');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: FAST }));
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/relay/rest`;
    const client = createSipEndpointsClient({ baseUrl, projectId: 'project', apiToken: 'token', timeoutMs: 200, maxRetries: 0 });

    const started = performance.now();
    const [fast, stalled] = await Promise.allSettled([client.sipEndpoints.retrieve(FAST), client.sipEndpoints.retrieve(STALLED)]);
    const elapsed = performance.now() - started;

    expect(fast).toEqual({ status: 'fulfilled', value: { id: FAST } });
    expect(stalled.status).toBe('rejected');
    const error = (stalled as PromiseRejectedResult).reason as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe('GET /endpoints/sip/{id} got no complete answer within 200 ms');
    expect(elapsed).toBeGreaterThanOrEqual(199); // timers may fire up to a millisecond early
    // The abort reached the finished attempt too, and left its kept-alive connection open:
    // the next call goes over it (the stalled attempt's connection was closed).
    expect(connections).toBe(2);
    await expect(client.sipEndpoints.retrieve(FAST)).resolves.toEqual({ id: FAST });
    expect(connections).toBe(2);
    await expect(client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: STALLED } } })).rejects.toBeInstanceOf(TimeoutError);
    await expect(client.sipEndpoints.retrieve(FAST)).resolves.toEqual({ id: FAST });
  });
});
