/**
 * Fault injection for tests of a client's retries and timeouts: added latency, and canned
 * 429 (with `Retry-After`) or 500 answers for the next N API calls. A faulted call does not
 * reach the store, as when a real server fails before doing the work.
 */
import type { Reply } from './http-io.ts';
import { errorReply } from './replies.ts';

interface QueuedFailure {
  remaining: number;
  reply: () => Reply;
}

export class FaultInjector {
  private latency = 0;
  private readonly queue: QueuedFailure[] = [];

  /** Delay every answer by `ms` (0 to stop). */
  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a non-negative number of milliseconds');
    this.latency = ms;
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** Answer the next `count` API calls with a 500 (or another 5xx `status`). */
  failNext(count: number, status = 500): void {
    // Checked as an integer, not only by range: NaN passes `< 500 || > 599`, and node:http
    // would then refuse to write the answer.
    if (!(Number.isInteger(status) && status >= 500 && status <= 599)) throw new RangeError('failNext injects 5xx statuses only');
    this.enqueue(count, () => errorReply(status));
  }

  /** Answer the next `count` API calls with a 429 asking to wait `retryAfterSeconds`. */
  rateLimitNext(count: number, retryAfterSeconds = 1): void {
    // HTTP's Retry-After counts whole seconds (delay-seconds = 1*DIGIT): `0.5` is no valid header.
    // A safe integer, as larger ones print in exponent form (`1e+21`).
    if (!(Number.isSafeInteger(retryAfterSeconds) && retryAfterSeconds >= 0)) {
      throw new RangeError('retryAfterSeconds must be a non-negative whole number of seconds');
    }
    this.enqueue(count, () => errorReply(429, undefined, { 'Retry-After': String(retryAfterSeconds) }));
  }

  /** Clear every injected fault. */
  reset(): void {
    this.latency = 0;
    this.queue.length = 0;
  }

  /** The canned answer for this call, if a fault is queued (consumes one). */
  takeFailure(): Reply | undefined {
    const next = this.queue[0];
    if (!next) return undefined;
    if (--next.remaining === 0) this.queue.shift();
    return next.reply();
  }

  private enqueue(count: number, reply: () => Reply): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
    this.queue.push({ remaining: count, reply });
  }
}
