import { Readable } from 'node:stream';
import { createRandom, type Random } from '../simulator/prng';

/**
 * Injected faults, for testing clients: each authenticated API response (never /v1/health) is, with
 * these probabilities, replaced by a 500, delayed by `slowMs`, or cut off halfway through its body
 * (the headers promise the full length, then the connection closes). Decisions come from a seeded
 * generator, so a run with the same seed fails the same requests.
 */
export interface FaultOptions {
  /** Fraction (0-1) of responses answered 500 `injected_fault` before the handler runs. */
  error500?: number;
  /** Fraction (0-1) of requests held for `slowMs` before they are handled. */
  slow?: number;
  /** Delay of a slow request in milliseconds (default 1500). */
  slowMs?: number;
  /** Fraction (0-1) of responses whose body is cut mid-way (the handler did run). */
  cut?: number;
  /** Seed of the fault sequence (default 1). */
  seed?: number;
}

export type FaultKind = 'none' | 'error' | 'slow' | 'cut';

const DEFAULT_SLOW_MS = 1500;

function fraction(name: string, value: number | undefined): number {
  const v = value ?? 0;
  if (!(v >= 0 && v <= 1))
    throw new RangeError(`fault ${name} must be a fraction between 0 and 1 (got ${value})`);
  return v;
}

/** Draws one fault decision per request from the configured fractions. */
export class FaultInjector {
  private options: Required<FaultOptions> | null = null;
  private random: Random = createRandom(1);

  constructor(options?: FaultOptions | null) {
    this.set(options ?? null);
  }

  /** Replaces the fault mode (null turns it off); the sequence restarts from the seed. */
  set(options: FaultOptions | null): void {
    if (!options) {
      this.options = null;
      return;
    }
    const resolved = {
      error500: fraction('error500', options.error500),
      slow: fraction('slow', options.slow),
      cut: fraction('cut', options.cut),
      slowMs: options.slowMs ?? DEFAULT_SLOW_MS,
      seed: options.seed ?? 1,
    };
    if (resolved.error500 + resolved.slow + resolved.cut > 1) {
      throw new RangeError('fault fractions error500 + slow + cut must add up to at most 1');
    }
    this.options = resolved;
    this.random = createRandom(`faults/${resolved.seed}`);
  }

  get slowMs(): number {
    return this.options?.slowMs ?? DEFAULT_SLOW_MS;
  }

  decide(): FaultKind {
    const o = this.options;
    if (!o) return 'none';
    const r = this.random.next();
    if (r < o.error500) return 'error';
    if (r < o.error500 + o.slow) return 'slow';
    if (r < o.error500 + o.slow + o.cut) return 'cut';
    return 'none';
  }
}

/** How long the first half gets to leave (Node corks a response's first write until the next tick). */
const FLUSH_MS = 10;

/** A body stream that sends the first half of payload, then fails, so the socket closes mid-body. */
export function halfThenFail(payload: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (sent) return;
      sent = true;
      this.push(payload.subarray(0, Math.floor(payload.length / 2)));
      setTimeout(() => this.destroy(new Error('injected fault: response cut mid-body')), FLUSH_MS).unref();
    },
  });
}
