/**
 * Slow and idle connections cannot hold the mock: a request head or body that does not arrive
 * in time gets 408 and its connection is closed, connections beyond the cap are closed as they
 * come, and once the stalled ones are gone a normal request is answered. Small limits keep the
 * test short; the defaults work the same way, on a longer clock.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { call } from './support.ts';

const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 600;
const MAX_CONNECTIONS = 6;

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, maxConnections: MAX_CONNECTIONS });
});
afterAll(() => server.close());

interface Connection {
  /** Resolves with what the server sent, once it has closed the connection. */
  closed: Promise<string>;
  isClosed: () => boolean;
}

/** Opens a connection and resolves once it is established; `send` writes to it from then on. */
function open(send: (socket: Socket) => void = () => {}): Promise<Connection> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let isClosed = false;
    const closed = new Promise<string>((done) =>
      socket.on('close', () => {
        isClosed = true;
        done(received);
      }),
    );
    socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
    socket.on('error', () => {}); // a write racing the server's close; what was received is what counts
    socket.on('connect', () => {
      send(socket);
      resolve({ closed, isClosed: () => isClosed });
    });
  });
}

/** Sends one byte of a declared 1000-byte body every 20 ms, for as long as the connection lasts. */
function trickleBody(socket: Socket): void {
  socket.write('POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
  const timer = setInterval(() => socket.write(' '), 20);
  socket.on('close', () => clearInterval(timer));
}

describe('slow clients', () => {
  it('closes stalled connections with 408, refuses connections past the cap, then answers normally', async () => {
    const stalled = await Promise.all([
      open(), // sends nothing at all
      open(),
      open((socket) => socket.write('GET /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\n')), // a head that never ends
      open((socket) => socket.write('GET /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\n')),
      open(trickleBody), // a body that never completes, though bytes keep coming
      open(trickleBody),
    ]);

    // Past the cap: closed at once, without an answer, while the stalled ones are still open.
    const extra = await open((socket) => socket.write('GET /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(await extra.closed).toBe('');
    expect(stalled.filter((connection) => connection.isClosed())).toEqual([]);

    const answers = await Promise.all(stalled.map((connection) => connection.closed));
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408 /);

    const normal = await call(server, 'GET', '/endpoints/sip');
    expect(normal.status).toBe(200);
  });

  it('does not count the time the mock takes to answer: latency past the request timeout still gets its answer', async () => {
    server.faults.setLatency(REQUEST_TIMEOUT_MS + 200);
    try {
      expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
    } finally {
      server.faults.reset();
    }
  });

  it('refuses timeouts that node:http would reject or misread', async () => {
    await expect(startMockServer({ port: 0, headersTimeoutMs: 500, requestTimeoutMs: 100 })).rejects.toThrow('headersTimeoutMs (500) must not exceed requestTimeoutMs (100)');
    await expect(startMockServer({ port: 0, requestTimeoutMs: 0 })).rejects.toThrow('requestTimeoutMs must be a positive whole number, got 0');
    await expect(startMockServer({ port: 0, maxConnections: 1.5 })).rejects.toThrow('maxConnections must be a positive whole number, got 1.5');
  });
});
