/**
 * Retries, a timeout per attempt, and a size limit on answers, for both ways a request is
 * made: the resource methods call openapi-fetch once per attempt (`retrying` around
 * `raw.request`), and `raw` sends through `createRetryingFetch`, beneath openapi-fetch's
 * middleware, so that its middleware sees one request and one final answer.
 *
 * The life of an attempt (`attempt` below, top to bottom):
 * 1. One AbortController, aborted by the caller's signal or the attempt's timer; either ends
 *    the attempt at once, even when a custom fetch ignores the signal.
 * 2. The request sent as `fetch(request, { signal })`: fetch links its own copy of the request
 *    to the signal, so openapi-fetch's Request is left unlinked (a second link would cost a
 *    listener, a weak reference and a finalizer per request). Redirects are never followed
 *    (`redirect: 'manual'`): the API never redirects, and a redirect followed would send the
 *    credentials and the body to whatever origin the `Location` names. A 3xx is the answer.
 * 3. A 429 or 5xx that may be retried is read to the end (so that its connection is reused)
 *    and reported with the wait the server asked for.
 * 4. Otherwise the body is read, up to `maxResponseBytes`, while the timer runs: the timeout
 *    covers the whole answer. The timer is cleared however the attempt ended.
 * An attempt that failed before its answer started is retried (when the method allows it); one
 * that failed while its body arrived is not: the server had answered.
 */
import { backoffDelay, retryAfterMs, type BackoffSettings } from './backoff.ts';
import { ConnectionError, ResponseTooLargeError, TimeoutError } from './errors.ts';
import type { Redact } from './redact.ts';

/** A custom `fetch` option: called once per attempt with the attempt's signal in `init`, as `fetch(input, init)` takes it. */
export type FetchFunction = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

export interface TransportSettings extends BackoffSettings {
  /** The caller's own fetch; without one, `globalThis.fetch` (looked up at call time). */
  fetch?: FetchFunction | undefined;
  maxRetries: number;
  timeoutMs: number;
  maxResponseBytes: number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  redact: Redact;
}

/** What one call may override; `retry` retries even a method that is not idempotent (POST), or never (false). */
export type CallSettings = { maxRetries?: number | undefined; timeoutMs?: number | undefined; retry?: boolean | undefined };

/** One request, as `retrying` sends it again on each attempt. */
export interface Exchange<Sent, Result> {
  /** Method and path, for messages (never the query, which may carry a page token). */
  what: string;
  method: string;
  callerSignal?: AbortSignal | undefined;
  /** Sends the request with the attempt's signal; settles once the answer's headers arrived. */
  send(signal: AbortSignal): Promise<Sent>;
  answer(sent: Sent): Response;
  /** Reads the rest of the answer, still within the attempt. */
  read(sent: Sent): Promise<Result>;
}

/** Idempotent methods (RFC 9110 §9.2.2): a request whose answer was lost may be sent again. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
/** setTimeout fires at once for a longer delay. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
const NEVER = new AbortController().signal;

/** 429 and 5xx: the same request may succeed later. */
const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Why a setting cannot be used, or undefined when every one can: a timeout is a number of
 * milliseconds above 0 (Infinity waits as long as a timer can, about 24 days), a retry count a
 * whole number from 0, a size limit a number of bytes above 0.
 */
export function invalidSetting(what: string, { timeoutMs, maxRetries, maxResponseBytes }: CallSettings & { maxResponseBytes?: number }): string | undefined {
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) return `${what}: \`timeoutMs\` must be a number of milliseconds above 0`;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) return `${what}: \`maxRetries\` must be a whole number from 0`;
  if (maxResponseBytes !== undefined && !(typeof maxResponseBytes === 'number' && maxResponseBytes > 0)) return `${what}: \`maxResponseBytes\` must be a number of bytes above 0`;
  return undefined;
}

/** Method, origin and path of a request, for messages. */
function describe({ method, url }: Request): string {
  const { origin, pathname } = new URL(url);
  return `${method} ${origin}${pathname}`;
}

/** A failure of fetch or of a body's read: the deepest message and first system error code of its causes, no cause attached (it may quote the request). */
function connectionError(what: string, error: unknown, redact: Redact): ConnectionError {
  let reason = error instanceof Error ? error.message : String(error);
  let code: string | undefined;
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    reason = current.message || reason;
    const candidate = (current as { code?: unknown }).code;
    if (code === undefined && typeof candidate === 'string') code = candidate;
  }
  return new ConnectionError(redact(`${what} failed: ${reason}`), code);
}

/** Sends `exchange` until an attempt gives its result, or no retry is left. */
export async function retrying<Sent, Result>(settings: TransportSettings, call: CallSettings, exchange: Exchange<Sent, Result>): Promise<Result> {
  // A call's own bad setting fails that call, before anything is sent.
  const invalid = invalidSetting('request options', call);
  if (invalid !== undefined) throw new TypeError(invalid);
  const maxRetries = call.maxRetries ?? settings.maxRetries;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
  const mayRetry = call.retry ?? IDEMPOTENT_METHODS.has(exchange.method);
  for (let retryIndex = 0; ; retryIndex++) {
    const retriesLeft = mayRetry && retryIndex < maxRetries;
    const outcome = await attempt(exchange, timeoutMs, retriesLeft, settings);
    if ('result' in outcome) return outcome.result;
    if (!outcome.retryable || !retriesLeft) throw outcome.failure;
    await settings.sleep(outcome.delay ?? backoffDelay(retryIndex, settings), exchange.callerSignal ?? NEVER);
  }
}

type Outcome<Result> = { result: Result } | { failure?: unknown; retryable: boolean; delay?: number | undefined };

async function attempt<Sent, Result>(exchange: Exchange<Sent, Result>, timeoutMs: number, retriesLeft: boolean, settings: TransportSettings): Promise<Outcome<Result>> {
  const { callerSignal } = exchange;
  if (callerSignal?.aborted) return { failure: callerSignal.reason, retryable: false };
  const controller = new AbortController();
  const { signal } = controller;
  // Aborting the attempt also settles `abandoned`, so that a fetch that never looks at the signal
  // cannot hold the call past its timeout or the caller's abort.
  let abandon!: (reason?: unknown) => void;
  const abandoned = new Promise<never>((_, reject) => {
    abandon = (reason) => {
      controller.abort(reason);
      reject(signal.reason);
    };
  });
  const onCallerAbort = (): void => abandon(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(abandon, Math.min(timeoutMs, MAX_TIMER_DELAY_MS));
  let answered = false;
  try {
    return await Promise.race([
      abandoned,
      (async (): Promise<Outcome<Result>> => {
        const sent = await exchange.send(signal);
        answered = true;
        const { status, headers } = exchange.answer(sent);
        const retryable = retriesLeft && isRetryableStatus(status);
        const askedFor = retryable ? retryAfterMs(headers) : undefined;
        if (retryable && !(askedFor !== undefined && askedFor > settings.maxRetryAfterMs)) {
          await exchange.read(sent).catch(() => undefined);
          return { retryable: true, delay: askedFor };
        }
        return { result: await exchange.read(sent) };
      })(),
    ]);
  } catch (error) {
    if (callerSignal?.aborted) return { failure: callerSignal.reason, retryable: false };
    if (error instanceof ResponseTooLargeError) return { failure: error, retryable: false };
    if (signal.aborted) return { failure: new TimeoutError(`${exchange.what} got no complete answer within ${timeoutMs} ms`, timeoutMs), retryable: !answered };
    return { failure: connectionError(exchange.what, error, settings.redact), retryable: !answered };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}

/** `raw`'s fetch: each attempt a copy of openapi-fetch's request, with the attempt's signal and the body again. */
export function createRetryingFetch(settings: TransportSettings): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.body === null ? null : await request.arrayBuffer();
    const what = describe(request);
    return retrying(settings, {}, {
      what,
      method: request.method,
      callerSignal: request.signal,
      // A copy made with an init resets the referrer and its policy (Fetch standard): given back.
      // `redirect: 'follow'` given to a raw call is not honoured either.
      send: (signal) => {
        const redirect = request.redirect === 'error' ? 'error' : 'manual';
        return (settings.fetch ?? globalThis.fetch)(new Request(request, { signal, body, redirect, referrer: request.referrer, referrerPolicy: request.referrerPolicy }), { signal });
      },
      answer: (response) => response,
      read: (response) => buffered(response, settings.maxResponseBytes, what),
    });
  };
}

/** The resource methods' fetch: a success is handed up unread (the method reads it under the limit, within its attempt); any other answer is read here, under the limit too. */
export function createGuardedFetch(settings: TransportSettings): FetchFunction {
  return async (request, init) => {
    const response = await (settings.fetch ?? globalThis.fetch)(request, init);
    return response.ok ? response : buffered(response, settings.maxResponseBytes, describe(request));
  };
}

/** The answer with its whole body read (up to `limit`), for openapi-fetch to parse. */
async function buffered(response: Response, limit: number, what: string): Promise<Response> {
  // A browser hides a redirect it did not follow behind status 0; it cannot be rebuilt.
  if (response.type === 'opaqueredirect') return response;
  const body = await readBody(response, limit, what);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * The whole body, or null when there is none. A declared length above the limit is refused
 * before anything is read; the bytes are counted as they arrive all the same (a body need not
 * declare its length), and past the limit the stream is cancelled, closing the connection.
 */
export async function readBody(response: Response, limit: number, what: string): Promise<Uint8Array<ArrayBuffer> | null> {
  if (response.body === null) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = Number(response.headers.get('content-length')) > limit ? Infinity : 0;
  while (total <= limit) {
    const read = await reader.read();
    // One chunk is what a body from memory and most small answers come in: it needs no copy.
    if (read.done) return chunks.length <= 1 ? (chunks[0] ?? null) : new Uint8Array(await new Blob(chunks).arrayBuffer());
    total += read.value.byteLength;
    chunks.push(read.value as Uint8Array<ArrayBuffer>);
  }
  await reader.cancel().catch(() => undefined);
  throw new ResponseTooLargeError(`${what} got an answer (HTTP ${response.status}) larger than maxResponseBytes (${limit} bytes)`, response.status, limit);
}
