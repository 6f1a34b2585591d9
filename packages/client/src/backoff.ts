/**
 * How long to wait before retrying: the server's `Retry-After` when it sent one, otherwise
 * exponential backoff with jitter, so that many clients failing together do not retry in step.
 */

export interface BackoffSettings {
  /** The wait before the first retry, before jitter. */
  initialDelayMs: number;
  /** No computed wait is longer than this. */
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited out: the 429 or 503 is returned instead. */
  maxRetryAfterMs: number;
  /** A number in [0, 1); injectable so that tests are deterministic. */
  random: () => number;
}

/** `initial · 2^attempt`, capped, minus up to a quarter of it at random. */
export function backoffDelay(retryIndex: number, settings: BackoffSettings): number {
  const exponential = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** retryIndex);
  return exponential * (1 - settings.random() * 0.25);
}

/**
 * `Retry-After` in milliseconds: either delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: () => number = Date.now): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse reads bare numbers such as "-1" as years; an HTTP date always names a day.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
