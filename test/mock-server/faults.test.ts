/** Fault injection: canned 429 and 500 answers for the next N calls, and latency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES, startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { call } from './support.ts';

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer({ port: 0 });
});
afterEach(() => server.close());

describe('faults', () => {
  it('answers 500 for the next N calls, then recovers', async () => {
    server.faults.failNext(2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(server, 'GET', '/endpoints/sip')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('answers the spec body with another 5xx status when asked', async () => {
    server.faults.failNext(1, 503);
    expect(await call(server, 'GET', '/endpoints/sip')).toMatchObject({ status: 503, body: { error: 'Service Unavailable' } });
    expect(() => server.faults.failNext(1, 404)).toThrow(RangeError);
  });

  it('answers 429 with Retry-After', async () => {
    server.faults.rateLimitNext(1, 4);
    const answer = await call(server, 'GET', '/endpoints/sip');
    expect(answer).toMatchObject({ status: 429, body: { error: 'Too Many Requests' } });
    expect(answer.headers.get('retry-after')).toBe('4');
  });

  it('runs queued faults in order', async () => {
    server.faults.rateLimitNext(1, 0);
    server.faults.failNext(1);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(server, 'GET', '/endpoints/sip')).status);
    expect(statuses).toEqual([429, 500, 200]);
  });

  it('does not reach the store on a faulted create', async () => {
    server.faults.failNext(1);
    expect((await call(server, 'POST', '/endpoints/sip', { json: { username: 'x', password: 'y' } })).status).toBe(500);
    expect((await call(server, 'GET', '/endpoints/sip')).body.data).toEqual([]);
  });

  it('delays answers by the latency set', async () => {
    server.faults.setLatency(30);
    expect(server.faults.latencyMs).toBe(30);
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
    server.faults.reset();
    expect(server.faults.latencyMs).toBe(0);
  });

  it('closes promptly even while a delayed answer is pending', async () => {
    server.faults.setLatency(60_000);
    const pending = call(server, 'GET', '/endpoints/sip').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
    server = await startMockServer({ port: 0 });
  });

  it('refuses a 5xx status that is not an integer, which would crash the answer', () => {
    expect(() => server.faults.failNext(1, Number.NaN)).toThrow(RangeError);
    expect(() => server.faults.failNext(1, 500.5)).toThrow(RangeError);
  });

  it('refuses a Retry-After that is not a whole number of seconds, or too large to print as one', async () => {
    for (const seconds of [0.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
      expect(() => server.faults.rateLimitNext(1, seconds)).toThrow(RangeError);
    }
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('answers 500 when a reply cannot be written, and keeps serving', async () => {
    // A reply node:http refuses to write, standing in for any bug past the checks above.
    server.faults.takeFailure = () => ({ status: Number.NaN });
    expect(await call(server, 'GET', '/endpoints/sip')).toMatchObject({ status: 500, body: { error: 'Internal Server Error' } });
    server.faults.takeFailure = () => undefined;
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('keeps a queued fault for the next call when a call is refused with 413, 404 or 405', async () => {
    server.faults.failNext(1);
    const oversized = { username: 'big', password: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) };
    expect((await call(server, 'POST', '/endpoints/sip', { json: oversized })).status).toBe(413);
    expect((await call(server, 'GET', '/nowhere')).status).toBe(404);
    expect((await call(server, 'PATCH', '/endpoints/sip')).status).toBe(405);
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(500);
  });

  it('delays refused answers (413, 404) by the latency too', async () => {
    server.faults.setLatency(50);
    for (const [method, path, json] of [
      ['POST', '/endpoints/sip', { password: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) }],
      ['GET', '/nowhere', undefined],
    ] as const) {
      const started = performance.now();
      const answer = await call(server, method, path, json ? { json } : {});
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    }
  });

  it('refuses nonsense', () => {
    expect(() => server.faults.failNext(0)).toThrow(RangeError);
    expect(() => server.faults.setLatency(-1)).toThrow(RangeError);
  });
});
