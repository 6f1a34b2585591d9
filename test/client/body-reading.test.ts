/**
 * The answer's body is read within its attempt, so the attempt's timeout and the caller's
 * signal cover it, and a connection that breaks mid-body surfaces as a typed error. A bare
 * node:http server plays the broken server: it sends the headers and the start of the body,
 * then stalls or hangs up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, createSipEndpointsClient, TimeoutError } from '@sip-endpoints/client';

const ID = '00000000-0000-4000-8000-000000000000';
const TOKEN = 'PT-mid-body-secret';

let server: Server | undefined;
let requests = 0;
afterEach(async () => {
  vi.useRealTimers();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  requests = 0;
});

/** A server whose answers start with a 200 and part of a JSON body, then `stall` or `hang up`. */
async function startBrokenServer(then: 'stall' | 'hang up'): Promise<string> {
  server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    response.write('{"id":"');
    if (then === 'hang up') setTimeout(() => response.socket?.destroy(), 10);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/relay/rest`;
}

function clientOf(baseUrl: string, timeoutMs = 150) {
  return createSipEndpointsClient({ baseUrl, projectId: 'project', apiToken: TOKEN, timeoutMs, retryBackoff: { sleep: async () => {} } });
}

describe('reading the body', () => {
  it('times out when the server stalls mid-body, without retrying the half-read answer', async () => {
    // Long enough for the headers to arrive first on a busy machine: only the body stalls.
    const client = clientOf(await startBrokenServer('stall'), 1_000);
    const started = performance.now();
    const error = await client.sipEndpoints.retrieve(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_000, message: 'GET /endpoints/sip/{id} got no complete answer within 1000 ms' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(requests).toBe(1);
  });

  it('times out mid-body through the raw openapi-fetch client too', async () => {
    const client = clientOf(await startBrokenServer('stall'));
    await expect(client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } } })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('takes the per-call timeout for the body as well', async () => {
    const client = clientOf(await startBrokenServer('stall'), 60_000);
    await expect(client.sipEndpoints.retrieve(ID, { timeoutMs: 100 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
  });

  it("rejects with the caller's reason when the caller aborts mid-body", async () => {
    const client = clientOf(await startBrokenServer('stall'), 60_000);
    const controller = new AbortController();
    const pending = client.sipEndpoints.retrieve(ID, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(pending).rejects.toThrow('user cancelled');
  });

  it('throws ConnectionError, free of the token, when the connection breaks mid-body', async () => {
    const client = clientOf(await startBrokenServer('hang up'), 60_000);
    const error = await client.sipEndpoints.retrieve(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^GET \/endpoints\/sip\/\{id\} failed: /);
    expect((error as Error).cause).toBeUndefined();
    expect(`${(error as Error).message}${(error as Error).stack}${JSON.stringify(error)}`).not.toContain(TOKEN);
  });
});

describe('the requests openapi-fetch builds', () => {
  const endpoint = { id: ID, username: 'alice' };

  it('reach a custom fetch as real Requests, with auth and body', async () => {
    const seen: Request[] = [];
    const bodies: unknown[] = [];
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1/api/relay/rest',
      projectId: 'project',
      apiToken: TOKEN,
      fetch: async (request) => {
        seen.push(request);
        bodies.push(await request.json());
        return Response.json(endpoint);
      },
    });
    await client.sipEndpoints.update(ID, { caller_id: 'Desk' });
    expect(seen[0]).toBeInstanceOf(Request);
    expect(seen[0]?.method).toBe('PUT');
    expect(seen[0]?.headers.get('authorization')).toMatch(/^Basic /);
    expect(bodies).toEqual([{ caller_id: 'Desk' }]);
  });

  /** A client whose server answers 503 once, then `endpoint`, recording every request it gets. */
  function clientRetryingOnce() {
    const sent: Request[] = [];
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1/api/relay/rest',
      projectId: 'project',
      apiToken: TOKEN,
      maxRetries: 1,
      retryBackoff: { sleep: async () => {} },
      fetch: async (request) => {
        sent.push(request);
        return sent.length === 1 ? new Response('{}', { status: 503 }) : Response.json(endpoint);
      },
    });
    return { client, sent };
  }

  it('keep every option of a raw call, on each attempt, with the body sent again', async () => {
    const { client, sent } = clientRetryingOnce();
    const options = { cache: 'no-store', credentials: 'omit', keepalive: true, referrerPolicy: 'no-referrer', integrity: 'sha256-abc', redirect: 'error' } as const;
    const { data } = await client.raw.PUT('/endpoints/sip/{id}', { params: { path: { id: ID } }, body: { caller_id: 'Desk' }, ...options });
    expect(data).toEqual(endpoint);
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request).toMatchObject({ method: 'PUT', ...options });
      expect(request.headers.get('authorization')).toMatch(/^Basic /);
      expect(await request.json()).toEqual({ caller_id: 'Desk' });
    }
  });

  it('reach middleware added to the raw client, which may replace them: once per raw call, once per attempt of a resource call', async () => {
    const { client, sent } = clientRetryingOnce();
    const logged: unknown[] = [];
    client.raw.use({
      async onRequest({ request }) {
        logged.push([request.method, request.url, await request.clone().json(), request.redirect]);
        return new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-trace': 'abc' } });
      },
    });
    await expect(client.sipEndpoints.update(ID, { caller_id: 'Desk' })).resolves.toEqual(endpoint);
    const seen = ['PUT', `http://127.0.0.1:1/api/relay/rest/endpoints/sip/${ID}`, { caller_id: 'Desk' }, 'manual'];
    expect(logged).toEqual([seen, seen]);
    await client.raw.PUT('/endpoints/sip/{id}', { params: { path: { id: ID } }, body: { caller_id: 'Desk' } });
    expect(logged).toHaveLength(3);
    expect(sent).toHaveLength(3);
    for (const request of sent) {
      expect(request.headers.get('x-trace')).toBe('abc');
      expect(request.headers.get('authorization')).toMatch(/^Basic /);
      expect(await request.json()).toEqual({ caller_id: 'Desk' });
    }
  });
});

describe('timers', () => {
  it('leaves no timer behind once a call, resource or raw, has its answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = createSipEndpointsClient({
      baseUrl: 'http://127.0.0.1:1/api/relay/rest',
      projectId: 'project',
      apiToken: TOKEN,
      fetch: async () => Response.json({ id: ID }),
    });
    await client.sipEndpoints.retrieve(ID);
    await client.sipEndpoints.list().firstPage().catch(() => undefined);
    await client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } } });
    expect(vi.getTimerCount()).toBe(0);
  });
});
