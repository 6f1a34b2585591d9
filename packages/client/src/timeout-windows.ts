/**
 * The timeout signals of the attempts, shared by the attempts that start within the same few
 * milliseconds.
 *
 * Why share: an attempt's timeout must abort its fetch, so fetch has to be given an AbortSignal.
 * A fresh one per attempt was the largest cost the client added to a round trip on Node 20
 * (about 5% on loopback): making the signal is slow, and fetch keeps it alive through a
 * FinalizationRegistry until after a garbage collection, so every signal outlives its request.
 *
 * How: attempts with the same `timeoutMs` that start while a window is open (its first
 * `spanMs`) join it. The window's one timer fires `spanMs + timeoutMs` after it opened, so an
 * attempt gets at least its `timeoutMs`, and at most `spanMs` more (10 ms at most). When the
 * timer fires, every attempt of the window still running is past its own timeout, and the
 * signal aborts them together. For the attempts that already finished, the abort changes
 * nothing: aborting a fetch whose answer has been read is a no-op.
 *
 * The window's timer runs only while an attempt is in it: the first attempt to join arms it
 * (for the window's deadline), and the last to leave (its answer read, or it failed before an
 * answer) clears it, so successful resource calls leave no timer behind. An attempt nobody
 * reports back (a raw call, whose body openapi-fetch reads; a body that could not be read; an
 * answer a caller's middleware replaced) keeps the timer armed until it fires, which then
 * aborts only fetches that are over already.
 *
 * The timer is unref'd from the start: a request in flight keeps the process alive by its
 * socket. (A custom `fetch` that never settles and holds no handle lets the process exit.)
 *
 * Through `raw`, a stall mid-body rejects with the window's own `TimeoutError`, which names no
 * request; the resource methods replace it with one naming their operation.
 */
import { TimeoutError } from './errors.ts';

/** The longest a window stays open to new attempts. */
const MAX_SPAN_MS = 10;

export interface TimeoutWindow {
  /** Aborted, with a `TimeoutError`, once every attempt of the window is past its timeout. */
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

interface OpenWindow extends TimeoutWindow {
  readonly controller: AbortController;
  /** When the window stops taking attempts (performance.now() time). */
  readonly closesAt: number;
  /** When its timer fires: `timeoutMs` after the window closes. */
  readonly deadline: number;
  /** Attempts that joined and have not left. */
  attempts: number;
  /** Attempts that joined, ever. */
  joins: number;
  /** Armed while `attempts` is above zero. */
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The reasons windows abort with: what `isWindowTimeout` recognises. */
const windowReasons = new WeakSet<object>();

/** Whether `error` is the reason a window aborted with (no request of its own named in it). */
export function isWindowTimeout(error: unknown): error is TimeoutError {
  return typeof error === 'object' && error !== null && windowReasons.has(error);
}

/** How many timeout lengths keep their last window before idle ones are dropped. */
const KEPT_LENGTHS = 8;

/**
 * The most attempts one window takes. Node's fetch adds a listener to the signal per request
 * and removes it only after a garbage collection; it warns past 1,500 listeners.
 */
const MAX_JOINS = 1_000;

/** The longest delay setTimeout takes; a longer one fires after 1 ms. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export class TimeoutWindows {
  /** The latest window of each timeout length. */
  readonly #open = new Map<number, OpenWindow>();

  /** How many windows are kept (bounded however many different timeouts calls ask for). */
  get size(): number {
    return this.#open.size;
  }

  /** The window an attempt starting now joins. Every join is matched by one `leaveWindow`. */
  join(timeoutMs: number): TimeoutWindow {
    const now = performance.now();
    let window = this.#open.get(timeoutMs);
    if (window === undefined || now >= window.closesAt || window.joins >= MAX_JOINS) {
      if (window === undefined && this.#open.size >= KEPT_LENGTHS) this.#dropIdle(now);
      const spanMs = Math.min(MAX_SPAN_MS, timeoutMs / 10);
      const controller = new AbortController();
      window = { signal: controller.signal, controller, timeoutMs, closesAt: now + spanMs, deadline: now + spanMs + timeoutMs, attempts: 0, joins: 0, timer: undefined };
      this.#open.set(timeoutMs, window);
    }
    window.joins++;
    if (window.attempts++ === 0) this.#arm(window, now);
    return window;
  }

  /**
   * Forgets the closed windows no attempt is in: calls that each pass a different `timeoutMs`
   * would otherwise leave one window per length behind. A window with attempts in it removes
   * itself when its timer fires.
   */
  #dropIdle(now: number): void {
    for (const [timeoutMs, window] of this.#open) {
      if (window.attempts === 0 && now >= window.closesAt) this.#open.delete(timeoutMs);
    }
  }

  #arm(window: OpenWindow, now: number): void {
    // Node starts a timer from a clock in whole milliseconds, which can lag behind `now`: one
    // millisecond more keeps a timeout from ever coming early.
    window.timer = setTimeout(() => {
      window.timer = undefined;
      if (this.#open.get(window.timeoutMs) === window) this.#open.delete(window.timeoutMs);
      const reason = new TimeoutError(`Got no complete answer within ${window.timeoutMs} ms`, window.timeoutMs);
      windowReasons.add(reason);
      window.controller.abort(reason);
    }, Math.min(Math.ceil(window.deadline - now) + 1, MAX_TIMER_DELAY_MS));
    (window.timer as { unref?: () => void }).unref?.();
  }
}

/** The attempt is over: its answer was read, or it failed. */
export function leaveWindow(window: TimeoutWindow): void {
  const open = window as OpenWindow;
  if (--open.attempts === 0) {
    clearTimeout(open.timer);
    open.timer = undefined;
  }
}
