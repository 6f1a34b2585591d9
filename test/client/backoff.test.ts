/** The wait computations of the retry loop. */
import { describe, expect, it } from 'vitest';
import { abortableSleep, backoffDelay, retryAfterMs } from '../../packages/client/src/backoff.ts';

const settings = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...settings, random: () => 0 }));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('takes off at most a quarter at random', () => {
    expect(backoffDelay(0, { ...settings, random: () => 0.999999 })).toBeCloseTo(375, 3);
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['0', 0],
    ['2', 2000],
    [' 5 ', 5000],
  ])('reads delay-seconds %j', (value, expected) => {
    expect(retryAfterMs(new Headers({ 'Retry-After': value }))).toBe(expected);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:04 GMT' }), () => now)).toBe(4000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Wed, 31 Dec 2025 00:00:00 GMT' }), () => now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'Retry-After': '-1' }))).toBeUndefined();
  });
});

describe('abortableSleep', () => {
  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
  });

  it('resolves after the delay', async () => {
    await expect(abortableSleep(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});
