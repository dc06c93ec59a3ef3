import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELIVERY_TUNING,
  headerSafe,
  idempotencyKeyOf,
  nextAttemptAt,
} from '../../../../src-main/delivery/delivery-policy';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('nextAttemptAt', () => {
  it.each([
    // attempts made so far → wait after the latest failure (random 0.5: no jitter)
    [1, 30 * S],
    [2, 1 * MIN],
    [3, 2 * MIN],
    [7, 32 * MIN],
    [8, 1 * H], // 64 min, capped at an hour
    [20, 1 * H],
  ])('after %i attempt(s) waits %i ms', (attempts, wait) => {
    expect(nextAttemptAt({ createdAt: T0, attempts }, T0 + MIN, null, 0.5)).toBe(T0 + MIN + wait);
  });

  it('spreads retries by ±10 % so many clients do not come back at once', () => {
    expect(nextAttemptAt({ createdAt: T0, attempts: 1 }, T0, null, 0)).toBe(T0 + 27 * S);
    expect(nextAttemptAt({ createdAt: T0, attempts: 1 }, T0, null, 1)).toBe(T0 + 33 * S);
  });

  it("never comes back before the receiver's Retry-After", () => {
    expect(nextAttemptAt({ createdAt: T0, attempts: 1 }, T0, 120, 0.5)).toBe(T0 + 120 * S);
  });

  it('makes the last try at the 24 h mark and gives up after it', () => {
    const day = DEFAULT_DELIVERY_TUNING.giveUpAfterMs;
    expect(nextAttemptAt({ createdAt: T0, attempts: 25 }, T0 + day - 10 * MIN, null, 0.5)).toBe(T0 + day);
    expect(nextAttemptAt({ createdAt: T0, attempts: 26 }, T0 + day, null, 0.5)).toBeNull();
  });
});

describe('idempotency keys', () => {
  it('are the alert key for one alert, so a receiver dedupes on the key it also finds in the body', () => {
    expect(idempotencyKeyOf(['mkt|integration|2026-11-01T00:00:00.000Z|threshold|90'])).toBe(
      'mkt|integration|2026-11-01T00:00:00.000Z|threshold|90',
    );
  });

  it('are the same for the same merged set in any order, different for another set', () => {
    const a = idempotencyKeyOf(['k1', 'k2', 'k3']);
    expect(a).toMatch(/^merged\|3\|[0-9a-f]{32}$/);
    expect(idempotencyKeyOf(['k3', 'k1', 'k2'])).toBe(a);
    expect(idempotencyKeyOf(['k1', 'k2'])).not.toBe(a);
  });

  it('stay valid header values when a workspace id is not ASCII', () => {
    expect(headerSafe('café|integration|x')).toBe('caf%C3%A9|integration|x');
  });
});
