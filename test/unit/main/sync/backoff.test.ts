import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, sleep } from '../../../../src-main/sync/backoff';

const policy = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoffDelay', () => {
  it.each([
    // attempt, random, expected: half of the capped exponential is fixed, the other half jitter
    [0, 0, 250],
    [0, 1, 500],
    [1, 0.5, 750],
    [3, 0, 2000],
    [3, 1, 4000],
    [6, 0, 15_000],
    [10, 1, 30_000],
    [10, 0, 15_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });

  it('grows with each attempt until the cap whatever the jitter', () => {
    for (let a = 0; a < 5; a++)
      expect(backoffDelay(a + 1, policy, () => 0)).toBeGreaterThanOrEqual(backoffDelay(a, policy, () => 1));
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 10, 20, 12);
  it.each([
    [null, null],
    ['3', 3000],
    [' 0 ', 0],
    ['Fri, 20 Nov 2026 12:00:05 GMT', 5000],
    ['Fri, 20 Nov 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-1', null],
  ])('%s → %s ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('sleep', () => {
  it('rejects at once when its signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});
