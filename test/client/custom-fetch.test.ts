/**
 * A custom `fetch` is called as `fetch(request, { signal })`, once per attempt: the signal
 * carries the attempt's timeout and the caller's abort, for resource methods and `raw` alike.
 * A fetch that ignores the signal cannot hold a call past its timeout or the caller's abort.
 */
import { describe, expect, it } from 'vitest';
import { createSipEndpointsClient, TimeoutError, type FetchFunction } from '@sip-endpoints/client';

const ID = '00000000-0000-4000-8000-000000000000';
const endpoint = { id: ID, username: 'alice' };

function clientWith(fetch: FetchFunction, timeoutMs = 100) {
  return createSipEndpointsClient({ baseUrl: 'http://127.0.0.1:1/api/relay/rest', projectId: 'project', apiToken: 'PT-secret', timeoutMs, maxRetries: 0, fetch });
}

/** A fetch that answers only when its `init.signal` aborts (by rejecting with the reason), recording the signals it got. */
function fetchHonouringInit(signals: AbortSignal[]): FetchFunction {
  return (_request, init) => {
    signals.push(init.signal);
    return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true }));
  };
}

/** A fetch that never settles and looks at no signal. */
const fetchIgnoringSignals: FetchFunction = () => new Promise<Response>(() => {});

describe('the signal of a custom fetch', () => {
  it('comes as init.signal, live while the call runs and aborted by the timeout', async () => {
    const signals: AbortSignal[] = [];
    const client = clientWith(fetchHonouringInit(signals));
    await expect(client.sipEndpoints.retrieve(ID)).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('is aborted by the caller, with the caller’s reason', async () => {
    const signals: AbortSignal[] = [];
    const client = clientWith(fetchHonouringInit(signals), 60_000);
    const controller = new AbortController();
    const pending = client.sipEndpoints.retrieve(ID, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(pending).rejects.toThrow('user cancelled');
    expect(signals[0]!.aborted).toBe(true);
  });

  it('comes to the fetch of a raw call too', async () => {
    const signals: AbortSignal[] = [];
    const client = clientWith(fetchHonouringInit(signals));
    await expect(client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } } })).rejects.toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('is not aborted when the answer came in time', async () => {
    const signals: AbortSignal[] = [];
    const client = clientWith(async (_request, init) => {
      signals.push(init.signal);
      return Response.json(endpoint);
    });
    await expect(client.sipEndpoints.retrieve(ID)).resolves.toEqual(endpoint);
    expect(signals.map((s) => s.aborted)).toEqual([false]);
  });
});

describe('a fetch that ignores the signal', () => {
  it('still ends a resource call at its timeout', async () => {
    const client = clientWith(fetchIgnoringSignals);
    const started = performance.now();
    await expect(client.sipEndpoints.retrieve(ID)).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('still ends a raw call at its timeout', async () => {
    const client = clientWith(fetchIgnoringSignals);
    await expect(client.raw.GET('/endpoints/sip/{id}', { params: { path: { id: ID } } })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('still ends a call when the caller aborts, with the caller’s reason', async () => {
    const client = clientWith(fetchIgnoringSignals, 60_000);
    const controller = new AbortController();
    const pending = client.sipEndpoints.retrieve(ID, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(pending).rejects.toThrow('user cancelled');
  });

  it('still ends a call whose body never finishes at its timeout', async () => {
    const stalledBody = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"id":"'));
      },
    });
    const client = clientWith(async () => new Response(stalledBody, { status: 200, headers: { 'content-type': 'application/json' } }));
    await expect(client.sipEndpoints.retrieve(ID)).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 100 });
  });
});
