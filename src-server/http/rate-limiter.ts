/** Requests allowed per token: `max` in every `windowMs`, refilled continuously (a token bucket). */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
  /** The limiter's clock (default Date.now); tests pass a fake one. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A per-key token bucket: `take` says whether a request may go ahead, else how long to wait. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    if (!(options.max >= 1) || !(options.windowMs > 0)) {
      throw new RangeError(
        `rate limit needs max ≥ 1 and windowMs > 0 (got ${options.max} per ${options.windowMs} ms)`,
      );
    }
    this.perMs = options.max / options.windowMs;
    this.now = options.now ?? Date.now;
  }

  /** Takes one request for key; returns 0 when allowed, else the whole seconds to wait (≥ 1). */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.max, at: now };
    bucket.tokens = Math.min(this.options.max, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    // The epsilon keeps float noise (1800.0000000002 s) from adding a second.
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000 - 1e-9));
  }
}

/** Parses `N/DURATION` (e.g. `100/60s`, `5/1s`, `1000/10m`) from a flag. */
export function parseRateLimit(text: string): RateLimitOptions {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new RangeError(`rate limit "${text}" is not N/DURATION such as 100/60s`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[3] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return { max: Number(match[1]), windowMs: Number(match[2]) * unit };
}
