import { createHash } from 'node:crypto';

/** How delivery retries: exponential backoff with jitter, a ceiling, and a day before giving up. */
export interface DeliveryTuning {
  /** First retry after a failure; doubles with each further failure. */
  retryBaseMs: number;
  /** Longest wait between two attempts. */
  retryMaxMs: number;
  /** A message still failing this long after it was formed is given up (and the channel shown failing). */
  giveUpAfterMs: number;
  /** Jitter as a fraction (0.1 = ±10 %), so a receiver coming back is not hit by every client at once. */
  jitter: number;
  /** Timeout of one HTTP attempt. */
  httpTimeoutMs: number;
  /** Timeout of a shell hook that does not set its own. */
  shellTimeoutMs: number;
}

export const DEFAULT_DELIVERY_TUNING: DeliveryTuning = {
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  jitter: 0.1,
  httpTimeoutMs: 10_000,
  shellTimeoutMs: 10_000,
};

/**
 * When to try a failed message again: 30 s, 1 min, 2 min ... up to an hour between attempts, never
 * sooner than a receiver's Retry-After; null once the message is a day old (give up).
 */
export function nextAttemptAt(
  message: { createdAt: number; attempts: number },
  now: number,
  retryAfterSeconds: number | null,
  random: number,
  tuning: DeliveryTuning = DEFAULT_DELIVERY_TUNING,
): number | null {
  const exp = Math.min(
    tuning.retryBaseMs * 2 ** Math.min(Math.max(message.attempts - 1, 0), 30),
    tuning.retryMaxMs,
  );
  const jittered = Math.round(exp * (1 + tuning.jitter * (2 * random - 1)));
  const delay = Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
  const at = now + delay;
  const deadline = message.createdAt + tuning.giveUpAfterMs;
  if (now >= deadline) return null;
  // The last try falls on the deadline rather than past it.
  return Math.min(at, deadline);
}

/** A header value: printable ASCII only (fetch refuses others), anything else percent-encoded. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/**
 * The Idempotency-Key of a message: the alert's key for one alert (a receiver dedupes on it); for a
 * burst merged into one message, a digest of its sorted keys (the same set gives the same key).
 */
export function idempotencyKeyOf(keys: readonly string[]): string {
  if (keys.length === 1) return headerSafe(keys[0]!);
  const hash = createHash('sha256')
    .update([...keys].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
  return `merged|${keys.length}|${hash}`;
}
