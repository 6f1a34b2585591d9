/**
 * Servers that try to misuse the client, on 127.0.0.1: one that redirects requests to another
 * origin (which must receive nothing: not the credentials, not the body), and one that sends
 * an answer larger than the client will read.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createSipEndpointsClient, DEFAULT_MAX_RESPONSE_BYTES, ResponseTooLargeError, SipEndpointsError } from '@sip-endpoints/client';

const ID = '00000000-0000-4000-8000-000000000000';
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function clientOf(origin: string, options: { maxResponseBytes?: number } = {}) {
  return createSipEndpointsClient({ baseUrl: `${origin}/api/relay/rest`, projectId: 'project', apiToken: 'PT-redirect-secret', maxRetries: 0, ...options });
}

describe('redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows no %i to another origin, which receives nothing, and throws ApiError with the status', async (status) => {
    const received: string[] = [];
    const elsewhere = await serve((request, response) => {
      received.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"foreign","username":"mallory"}');
    });
    const api = await serve((request, response) => {
      request.resume();
      response.writeHead(status, { location: `${elsewhere}${request.url}` }).end();
    });
    const client = clientOf(api);
    const create = await client.sipEndpoints.create({ username: 'alice', password: 'correct-horse-battery-staple' }).catch((e: unknown) => e);
    expect(create).toBeInstanceOf(ApiError);
    expect(create).toMatchObject({ status, operationId: 'create_sip_endpoint' });
    await expect(client.sipEndpoints.update(ID, { caller_id: 'Desk' })).rejects.toMatchObject({ name: 'ApiError', status });
    await expect(client.sipEndpoints.retrieve(ID)).rejects.toMatchObject({ status });
    const { response } = await client.raw.POST('/endpoints/sip', { body: { username: 'alice', password: 'correct-horse-battery-staple' } });
    expect(response.status).toBe(status);
    const following = await client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } }, redirect: 'follow' });
    expect(following.response.status).toBe(status);
    expect(received).toEqual([]);
  });
});

describe('maxResponseBytes', () => {
  const LIMIT = 64 * 1024;

  /** A server that answers 200 with `size` bytes of JSON, declaring the length or not, counting what it managed to send. */
  async function bigAnswer(size: number, declareLength: boolean) {
    const progress = { sent: 0 };
    const origin = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', ...(declareLength && { 'content-length': String(size) }) });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const write = (): void => {
        while (progress.sent < size) {
          progress.sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', write);
            return;
          }
        }
        response.end();
      };
      write();
    });
    return { origin, progress };
  }

  it.each([
    ['with a Content-Length', true],
    ['streamed without one', false],
  ])('stops reading an answer larger than the limit, %s, with ResponseTooLargeError', async (_name, declareLength) => {
    const size = 64 * 1024 * 1024;
    const { origin, progress } = await bigAnswer(size, declareLength);
    const client = clientOf(origin, { maxResponseBytes: LIMIT });
    const error = await client.sipEndpoints.retrieve(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(SipEndpointsError);
    expect(error).toMatchObject({ status: 200, maxResponseBytes: LIMIT });
    expect((error as Error).message).toMatch(/larger than maxResponseBytes \(65536 bytes\)/);
    // The connection was closed long before the server could send it all.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(progress.sent).toBeLessThan(size / 2);
    await expect(client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } } })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it('reads an answer up to the limit', async () => {
    const { origin } = await bigAnswer(32 * 1024, false);
    const error = await clientOf(origin, { maxResponseBytes: LIMIT }).sipEndpoints.retrieve(ID).catch((e: unknown) => e);
    // Spaces are not JSON: the whole body was read, and judged.
    expect(error).toMatchObject({ name: 'UnexpectedResponseError', status: 200 });
  });

  it('defaults to 10 MiB, and refuses a limit that is not a number of bytes', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
    expect(() => clientOf('http://127.0.0.1:1', { maxResponseBytes: 0 })).toThrow('createClient: `maxResponseBytes` must be a number of bytes above 0');
  });
});

describe('credentials', () => {
  it('accepts a 1 MB API token, and sends it', async () => {
    const apiToken = 'x'.repeat(1024 * 1024);
    const seen: string[] = [];
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1/api/relay/rest',
      projectId: 'project',
      apiToken,
      fetch: async (request) => {
        seen.push(request.headers.get('authorization') ?? '');
        return Response.json({ id: ID }, { status: 404 });
      },
    });
    const error = await client.sipEndpoints.retrieve(ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NotFoundError' });
    expect(seen).toEqual([`Basic ${Buffer.from(`project:${apiToken}`).toString('base64')}`]);
  });
});
