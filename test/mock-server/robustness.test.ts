/**
 * The mock never crashes on bad input: arbitrary methods, paths, query strings and bodies all
 * get a JSON answer with a status the server documents, and the server keeps serving.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { basicAuth, call } from './support.ts';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, maxBodyBytes: 2048 });
});
afterAll(() => server.close());

const KNOWN_STATUSES = [200, 204, 400, 401, 404, 405, 413, 422];

describe('robustness', () => {
  it('answers arbitrary requests with a documented status and a JSON body', async () => {
    const segment = fc.oneof(fc.constantFrom('endpoints', 'sip', '00000000-0000-4000-8000-000000000000', '%', '..', ''), fc.string());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        fc.array(segment, { maxLength: 4 }),
        fc.string(),
        fc.oneof(fc.string({ maxLength: 3000 }), fc.json().map(String), fc.constant(undefined)),
        async (method, segments, query, text) => {
          const path = `/${segments.map(encodeURIComponent).join('/')}?${encodeURIComponent(query)}`;
          const answer = await call(server, method, path, method === 'GET' || method === 'DELETE' ? {} : { ...(text !== undefined && { text }) });
          expect(KNOWN_STATUSES).toContain(answer.status);
          if (answer.status !== 204) expect(answer.body).toBeTypeOf('object');
        },
      ),
      { numRuns: 150 },
    );
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('answers arbitrary bytes under arbitrary content types with a documented status and a JSON body', async () => {
    const contentType = fc.oneof(
      fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/problem+json', ''),
      fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,40}$/),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('POST', 'PUT'), contentType, fc.uint8Array({ maxLength: 300 }), async (method, type, bytes) => {
        const path = method === 'POST' ? '/endpoints/sip' : '/endpoints/sip/00000000-0000-4000-8000-000000000000';
        const response = await fetch(`${server.apiUrl}${path}`, {
          method,
          headers: { authorization: basicAuth(server.credentials.projectId, server.credentials.apiToken), ...(type !== '' && { 'content-type': type }) },
          body: new Blob([new Uint8Array(bytes)]),
        });
        expect([...KNOWN_STATUSES, 415]).toContain(response.status);
        expect(JSON.parse(await response.text())).toBeTypeOf('object');
      }),
      { numRuns: 150 },
    );
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('survives a malformed HTTP request and a client that hangs up mid-body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write('POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"user');
        socket.destroy();
        resolve();
      });
    });
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.resume();
    });
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('stops reading an endless oversized upload: 413 with Connection: close, then the socket closes', async () => {
    const answer = await new Promise<string>((resolve) => {
      let received = '';
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
        socket.write('POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
        const data = Buffer.alloc(64 * 1024, 'a');
        const chunk = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
        // Sends for as long as the server reads: without a cap on the drain, forever.
        const sendMore = () => {
          while (!socket.destroyed && socket.write(chunk));
        };
        socket.on('drain', sendMore);
        sendMore();
      });
      socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
      socket.on('error', () => {}); // writing to a socket the server has closed fails; the answer came first
      socket.on('close', () => resolve(received));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"error":"Payload Too Large"}');
    expect(answer).toMatch(/\r\nx-mock-detail: the body is larger than 2048 bytes\r\n/i);
    expect((await call(server, 'GET', '/endpoints/sip')).status).toBe(200);
  });

  it('still drains a body a little over the limit, answering 413 and keeping the connection', async () => {
    const answers = await new Promise<string>((resolve) => {
      let received = '';
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1', async () => {
        socket.write('POST /api/relay/rest/endpoints/sip HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n');
        socket.write('x'.repeat(2500));
        // The client is still sending when the limit is passed.
        await new Promise((wait) => setTimeout(wait, 20));
        socket.write('x'.repeat(500));
        socket.write('GET /api/relay/rest/nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      });
      socket.on('data', (data: Buffer) => (received += data.toString('latin1')));
      socket.on('close', () => resolve(received));
    });
    expect(answers).toMatch(/^HTTP\/1\.1 413 /);
    expect(answers).toContain('HTTP/1.1 404 ');
  });
});
