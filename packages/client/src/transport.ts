/**
 * The retrying, timing-out `fetch` the openapi-fetch client sends through. It sits beneath the
 * middleware (openapi-fetch calls it after `onRequest`), so a retry re-sends the request exactly
 * as the middleware left it, authenticated once, and the middleware sees one request and one
 * final response however many attempts it took.
 *
 * Each attempt has its own timeout, which covers the whole exchange: the body is read here,
 * inside the timeout, so a server that stalls mid-body times out too. A caller's own
 * `AbortSignal` (on the request) stops everything at once, including a wait between attempts,
 * and rejects with the signal's reason.
 */
import { backoffDelay, retryAfterMs, type BackoffSettings } from './backoff.ts';
import { ConnectionError, TimeoutError } from './errors.ts';
import type { Redact } from './redact.ts';

/** The `fetch` openapi-fetch calls, and the shape of a custom `fetch` option. */
export type FetchFunction = (request: Request) => Promise<Response>;

export interface TransportSettings extends BackoffSettings {
  /** The caller's own fetch; without one, `globalThis.fetch` (looked up at call time). */
  fetch?: FetchFunction | undefined;
  maxRetries: number;
  timeoutMs: number;
  /** Waits between attempts; injectable so that tests need not wait. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Whether a request may be sent again when the caller did not say (by method). */
  isRetrySafe: (request: Request) => boolean;
  redact: Redact;
}

/** What one call may override. */
export interface CallSettings {
  maxRetries?: number;
  timeoutMs?: number;
  /** Retry even a method that is not retry-safe (POST), or never retry (false). */
  retry?: boolean;
}

/** 429 and 5xx: the same request may succeed later. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Statuses whose response must not have a body (Fetch spec "null body status"). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type Attempt = { response: Response } | { failure: ConnectionError | TimeoutError };

/** The deepest message and the first system error code of a fetch failure's cause chain. */
function describeFailure(error: unknown): { reason: string; code: string | undefined } {
  let reason = error instanceof Error ? error.message : String(error);
  let code: string | undefined;
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    reason = current.message || reason;
    const candidate = (current as { code?: unknown }).code;
    if (code === undefined && typeof candidate === 'string') code = candidate;
  }
  return { reason, code };
}

export function createRetryingFetch(settings: TransportSettings, call: CallSettings = {}): FetchFunction {
  const maxRetries = call.maxRetries ?? settings.maxRetries;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;

  async function attemptOnce(request: Request, body: ArrayBuffer | undefined): Promise<Attempt> {
    // One controller per attempt, aborted by the timeout or by the caller's signal. (Linking
    // by hand: AbortSignal.any costs more than the rest of the attempt's bookkeeping.)
    const attempt = new AbortController();
    const timer = setTimeout(() => attempt.abort(), timeoutMs);
    const callerSignal = request.signal;
    const onCallerAbort = () => attempt.abort(callerSignal.reason);
    if (callerSignal.aborted) attempt.abort(callerSignal.reason);
    else callerSignal.addEventListener('abort', onCallerAbort, { once: true });
    const { origin, pathname } = new URL(request.url);
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, body: body ?? null, signal: attempt.signal, redirect: request.redirect };
      // Without a custom fetch, the URL and init go straight to fetch: a Request built here
      // would only be taken apart and built again inside it.
      const response = await (settings.fetch ? settings.fetch(new Request(request.url, init)) : globalThis.fetch(request.url, init));
      const buffered = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      const { status, statusText, headers } = response;
      return { response: new Response(buffered, { status, statusText, headers }) };
    } catch (error) {
      if (callerSignal.aborted) throw callerSignal.reason;
      if (attempt.signal.aborted) {
        return { failure: new TimeoutError(`${request.method} ${pathname} got no complete answer within ${timeoutMs} ms`, timeoutMs) };
      }
      const { reason, code } = describeFailure(error);
      return { failure: new ConnectionError(settings.redact(`${request.method} ${origin}${pathname} failed: ${reason}`), code) };
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', onCallerAbort);
    }
  }

  return async (request) => {
    // Read the body once: every attempt sends a fresh Request with the same bytes.
    const body = request.body ? await request.arrayBuffer() : undefined;
    const mayRetry = call.retry ?? settings.isRetrySafe(request);
    for (let retryIndex = 0; ; retryIndex++) {
      const attempt = await attemptOnce(request, body);
      const retriesLeft = mayRetry && retryIndex < maxRetries;
      let delay: number;
      if ('response' in attempt) {
        if (!retriesLeft || !isRetryableStatus(attempt.response.status)) return attempt.response;
        const askedFor = retryAfterMs(attempt.response.headers);
        if (askedFor !== undefined && askedFor > settings.maxRetryAfterMs) return attempt.response;
        delay = askedFor ?? backoffDelay(retryIndex, settings);
      } else {
        if (!retriesLeft) throw attempt.failure;
        delay = backoffDelay(retryIndex, settings);
      }
      await settings.sleep(delay, request.signal);
    }
  };
}
