/**
 * The `fetch` openapi-fetch sends through: retries, a timeout per attempt, a size limit on
 * answers, and no redirects. It sits beneath the middleware (openapi-fetch calls it after
 * `onRequest`), so a retry sends the request exactly as the middleware left it, authenticated
 * once, and the middleware sees one request and one final answer however many attempts it took.
 *
 * The life of an attempt (`attempt` below, top to bottom):
 * 1. One AbortController, aborted by the caller's signal or by the attempt's own timer.
 * 2. A copy of the request with that signal and `redirect: 'manual'`: the API never redirects,
 *    and a redirect followed would send the credentials and the body to whatever origin the
 *    `Location` names. A 3xx is handed up as the answer it is.
 * 3. The body read in full, up to `maxResponseBytes`, while the timer runs: the timeout covers
 *    the whole answer, and nothing is left streaming once the call has returned.
 * 4. The timer cleared and the listener removed, however the attempt ended.
 *
 * An attempt that failed before its answer started is retried (when the method allows it); one
 * that failed while its body arrived is not: the server had answered.
 */
import { backoffDelay, retryAfterMs, type BackoffSettings } from './backoff.ts';
import { ConnectionError, ResponseTooLargeError, TimeoutError } from './errors.ts';
import type { Redact } from './redact.ts';

/** The `fetch` openapi-fetch calls, and the shape of a custom `fetch` option. */
export type FetchFunction = (request: Request) => Promise<Response>;

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

/**
 * Methods RFC 9110 §9.2.2 defines as idempotent: sending the request twice has the effect of
 * sending it once, so a request whose answer was lost may be sent again.
 */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** setTimeout fires at once for a longer delay. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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

/** Method, origin and path of a request, for messages: never the query, which may carry a page token. */
const describe = ({ method, url }: Request): string => `${method} ${new URL(url).origin}${new URL(url).pathname}`;

/**
 * A failure of fetch, or of reading a body, as a `ConnectionError`: the deepest message and the
 * first system error code of its cause chain, and no cause attached (it may quote the request).
 */
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

export function createRetryingFetch(settings: TransportSettings, call: CallSettings = {}): FetchFunction {
  // A call's own bad setting fails that call (as a rejection, like any other failure of it).
  const invalid = invalidSetting('request options', call);
  if (invalid !== undefined) return () => Promise.reject(new TypeError(invalid));
  const maxRetries = call.maxRetries ?? settings.maxRetries;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;

  return async (request) => {
    // Read once: every attempt sends the same bytes again.
    const body = request.body === null ? null : await request.arrayBuffer();
    const mayRetry = call.retry ?? IDEMPOTENT_METHODS.has(request.method);
    for (let retryIndex = 0; ; retryIndex++) {
      const retriesLeft = mayRetry && retryIndex < maxRetries;
      const outcome = await attempt(request, body, timeoutMs, settings);
      let delay: number;
      if ('failure' in outcome) {
        if (!retriesLeft || !outcome.retryable) throw outcome.failure;
        delay = backoffDelay(retryIndex, settings);
      } else {
        const { response } = outcome;
        if (!retriesLeft || !isRetryableStatus(response.status)) return response;
        const askedFor = retryAfterMs(response.headers);
        if (askedFor !== undefined && askedFor > settings.maxRetryAfterMs) return response;
        delay = askedFor ?? backoffDelay(retryIndex, settings);
      }
      await settings.sleep(delay, request.signal);
    }
  };
}

type Outcome = { response: Response } | { failure: unknown; retryable: boolean };

async function attempt(request: Request, body: ArrayBuffer | null, timeoutMs: number, settings: TransportSettings): Promise<Outcome> {
  const callerSignal = request.signal;
  if (callerSignal.aborted) return { failure: callerSignal.reason, retryable: false };
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(callerSignal.reason);
  callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(), Math.min(timeoutMs, MAX_TIMER_DELAY_MS));
  let answered = false;
  try {
    // A copy made with an init resets the referrer and its policy (Fetch standard): given back.
    const sent = new Request(request, {
      signal: controller.signal,
      body,
      redirect: request.redirect === 'error' ? 'error' : 'manual',
      referrer: request.referrer,
      referrerPolicy: request.referrerPolicy,
    });
    const response = await (settings.fetch ?? globalThis.fetch)(sent);
    answered = true;
    // A browser hides a redirect it did not follow behind status 0; it cannot be rebuilt.
    if (response.type === 'opaqueredirect') return { response };
    const received = await readBody(response, settings.maxResponseBytes, request);
    return { response: new Response(received, { status: response.status, statusText: response.statusText, headers: response.headers }) };
  } catch (error) {
    if (callerSignal.aborted) return { failure: callerSignal.reason, retryable: false };
    if (error instanceof ResponseTooLargeError) return { failure: error, retryable: false };
    if (controller.signal.aborted) return { failure: new TimeoutError(`${describe(request)} got no complete answer within ${timeoutMs} ms`, timeoutMs), retryable: !answered };
    return { failure: connectionError(describe(request), error, settings.redact), retryable: !answered };
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * The whole body, or null when there is none. A declared length above the limit is refused
 * before anything is read; the bytes are counted as they arrive all the same (a body need not
 * declare its length), and past the limit the stream is cancelled, closing the connection.
 */
async function readBody(response: Response, limit: number, request: Request): Promise<Blob | null> {
  if (response.body === null) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  while (total <= limit && !(Number(response.headers.get('content-length')) > limit)) {
    const read = await reader.read();
    if (read.done) return total === 0 ? null : new Blob(chunks);
    total += read.value.byteLength;
    chunks.push(read.value as Uint8Array<ArrayBuffer>);
  }
  await reader.cancel().catch(() => undefined);
  throw new ResponseTooLargeError(`${describe(request)} got an answer (HTTP ${response.status}) larger than maxResponseBytes (${limit} bytes)`, response.status, limit);
}
