/**
 * The retrying, timing-out `fetch` the openapi-fetch client sends through. It sits beneath the
 * middleware (openapi-fetch calls it after `onRequest`), so a retry re-sends the request exactly
 * as the middleware left it, authenticated once, and the middleware sees one request and one
 * final response however many attempts it took.
 *
 * Each attempt has its own timeout, which covers the whole exchange; its signal comes from a
 * window shared with the attempts that started in the same few milliseconds (see
 * timeout-windows.ts). The answer is handed up unread, still in its window: openapi-fetch reads
 * the body after this fetch returns, and a server that stalls mid-body makes that read fail
 * with the `TimeoutError`. (Buffering the body here and wrapping it in a new Response cost more
 * than the round trip's own parsing.) A failure while the body is read is therefore not
 * retried. `releaseAnswer` takes the attempt out of its window once the body has been read.
 * A caller's own `AbortSignal` stops everything at once, including a wait between attempts and
 * a body being read, and rejects with the signal's reason.
 */
import { backoffDelay, retryAfterMs, type BackoffSettings } from './backoff.ts';
import { ConnectionError, TimeoutError } from './errors.ts';
import { LazyRequest } from './lazy-request.ts';
import type { Redact } from './redact.ts';
import { leaveWindow, type TimeoutWindow, type TimeoutWindows } from './timeout-windows.ts';

/** The `fetch` openapi-fetch calls, and the shape of a custom `fetch` option. */
export type FetchFunction = (request: Request) => Promise<Response>;

export interface TransportSettings extends BackoffSettings {
  /** The caller's own fetch; without one, `globalThis.fetch` (looked up at call time). */
  fetch?: FetchFunction | undefined;
  maxRetries: number;
  timeoutMs: number;
  /** The client's shared timeout signals (see timeout-windows.ts). */
  timeouts: TimeoutWindows;
  /** Waits between attempts; injectable so that tests need not wait. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Whether a request may be sent again when the caller did not say (by method). */
  isRetrySafe: (request: Request) => boolean;
  redact: Redact;
}

/** What one call may override. */
export interface CallSettings {
  maxRetries?: number | undefined;
  timeoutMs?: number | undefined;
  /** Retry even a method that is not retry-safe (POST), or never retry (false). */
  retry?: boolean | undefined;
}

/** 429 and 5xx: the same request may succeed later. */
function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Where an answer handed up before its body was read keeps its attempt's timeout window: a
 * property under a private symbol, cheaper than a WeakMap entry per request (which the garbage
 * collector has to trace specially).
 */
const BODY_WINDOW = Symbol('sip-endpoints.bodyWindow');
type WindowedResponse = Response & { [BODY_WINDOW]?: TimeoutWindow };

/** The body of this answer has been read: its attempt leaves its timeout window. */
export function releaseAnswer(response: Response): void {
  const window = (response as WindowedResponse)[BODY_WINDOW];
  if (window === undefined) return;
  (response as WindowedResponse)[BODY_WINDOW] = undefined;
  leaveWindow(window);
}

/** Origin and path of a URL, for messages: never the query, which may carry a page token. */
function urlParts(url: string): { origin: string; pathname: string } {
  try {
    return new URL(url);
  } catch {
    return { origin: '', pathname: url.split('?')[0] ?? '' };
  }
}

/**
 * A failure of fetch, or of reading a body, as a `ConnectionError`: the deepest message and the
 * first system error code of its cause chain, and no cause attached (it may quote the request).
 */
export function connectionError(what: string, error: unknown, redact: Redact): ConnectionError {
  let reason = error instanceof Error ? error.message : String(error);
  let code: string | undefined;
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    reason = current.message || reason;
    const candidate = (current as { code?: unknown }).code;
    if (code === undefined && typeof candidate === 'string') code = candidate;
  }
  return new ConnectionError(redact(`${what} failed: ${reason}`), code);
}

/**
 * Why `timeoutMs` or `maxRetries` cannot be used, or undefined when both can: a timeout is a
 * number of milliseconds above 0 (Infinity waits as long as a timer can, about 24 days), a
 * retry count a whole number from 0.
 */
export function invalidSetting(what: string, { timeoutMs, maxRetries }: CallSettings): string | undefined {
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    return `${what}: \`timeoutMs\` must be a number of milliseconds above 0`;
  }
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    return `${what}: \`maxRetries\` must be a whole number from 0`;
  }
  return undefined;
}

export function createRetryingFetch(settings: TransportSettings, call: CallSettings = {}): FetchFunction {
  // A call's own bad setting fails that call (as a rejection, like any other failure of it).
  const invalid = invalidSetting('request options', call);
  if (invalid !== undefined) return () => Promise.reject(new TypeError(invalid));
  const maxRetries = call.maxRetries ?? settings.maxRetries;
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;

  // The attempts run inline in this one async function: every async layer a call passes through
  // costs about as much as an attempt's own timer and controller.
  return async (request) => {
    const { url, method } = request;
    // From openapi-fetch, a LazyRequest: its body is still the string openapi-fetch serialized.
    // A real Request (through `raw`, or from a middleware of the caller's) has a stream, read
    // once here, and is kept as the template of each attempt, so that every option of its
    // (cache, credentials, keepalive, referrer policy, …) is sent as given.
    const lightInit = LazyRequest.initOf(request);
    const template = lightInit ? undefined : request;
    const base: RequestInit = lightInit ?? { signal: request.signal, body: request.body ? await request.arrayBuffer() : null };
    const callerSignal = base.signal ?? undefined;
    const mayRetry = call.retry ?? settings.isRetrySafe(request);
    for (let retryIndex = 0; ; retryIndex++) {
      const retriesLeft = mayRetry && retryIndex < maxRetries;
      const window = settings.timeouts.join(timeoutMs);
      const signal = callerSignal ? AbortSignal.any([callerSignal, window.signal]) : window.signal;
      let delay: number;
      try {
        const response = await (template ? sendCopy(template, signal, base.body, settings.fetch) : sendLight(url, method, request.headers, signal, base, settings.fetch));
        if (!retriesLeft || !isRetryableStatus(response.status)) return inWindowUntilRead(response, window);
        const askedFor = retryAfterMs(response.headers);
        if (askedFor !== undefined && askedFor > settings.maxRetryAfterMs) return inWindowUntilRead(response, window);
        delay = askedFor ?? backoffDelay(retryIndex, settings);
        // Read the discarded answer to the end so that its connection can be reused.
        await response.arrayBuffer().catch(() => undefined);
        leaveWindow(window);
      } catch (error) {
        leaveWindow(window);
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (!retriesLeft) throw window.signal.aborted ? TimeoutError.forRequest(`${method} ${urlParts(url).pathname}`, timeoutMs) : failedToSend(method, url, error, settings.redact);
        delay = backoffDelay(retryIndex, settings);
      }
      // Without a caller's signal the wait cannot be cut short, but `sleep` takes a signal.
      await settings.sleep(delay, callerSignal ?? new AbortController().signal);
    }
  };
}

/**
 * An attempt of a LazyRequest call. The init is a plain literal of the fields the API uses
 * (spreading `base` measured slower), with only those that differ from fetch's defaults: fetch
 * converts every field it is given. Without a custom fetch the URL and init go straight to
 * fetch: a Request built here would only be taken apart and built again inside it.
 */
function sendLight(url: string, method: string, headers: Headers, signal: AbortSignal, base: RequestInit, customFetch: FetchFunction | undefined): Promise<Response> {
  const init: RequestInit = { method, headers, signal };
  if (base.body != null) init.body = base.body;
  if (base.redirect !== undefined && base.redirect !== 'follow') init.redirect = base.redirect;
  return customFetch ? customFetch(new Request(url, init)) : globalThis.fetch(url, init);
}

/**
 * An attempt of a real Request: a copy of it with the attempt's signal, and its body again.
 * A copy made with an init resets the referrer and its policy (Fetch standard), so both are
 * given back.
 */
function sendCopy(template: Request, signal: AbortSignal, body: RequestInit['body'], customFetch: FetchFunction | undefined): Promise<Response> {
  const init: RequestInit = { signal, referrer: template.referrer, referrerPolicy: template.referrerPolicy };
  if (body != null) init.body = body;
  const attempt = new Request(template, init);
  return customFetch ? customFetch(attempt) : globalThis.fetch(attempt);
}

/** The answer, handed up with its attempt still in its timeout window (see the top of the file). */
function inWindowUntilRead(response: Response, window: TimeoutWindow): Response {
  (response as WindowedResponse)[BODY_WINDOW] = window;
  return response;
}

function failedToSend(method: string, url: string, error: unknown, redact: Redact): ConnectionError {
  const { origin, pathname } = urlParts(url);
  return connectionError(`${method} ${origin}${pathname}`, error, redact);
}
