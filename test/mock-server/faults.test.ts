/** Fault injection: canned 429 and 500 answers for the next N calls, and latency. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
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

  it('refuses nonsense', () => {
    expect(() => server.faults.failNext(0)).toThrow(RangeError);
    expect(() => server.faults.setLatency(-1)).toThrow(RangeError);
  });
});
