import { withCacheableRepeats } from '../../src-shared/engine/advisors/cache-candidates';
import type { Evaluation } from '../../src-shared/engine/evaluate';

/**
 * An evaluation as the snapshot reads it: each period's repeated inputs cut to those the cache
 * advisor can list (the rest is ~2/3 of the answer at 20 workspaces early in a month and grows
 * every day), so the main thread deserialises less. Everything else is the engine's evaluation.
 */
export function viewFormOf(evaluation: Evaluation): Evaluation {
  return {
    ...evaluation,
    pools: evaluation.pools.map((p) => {
      const current = withCacheableRepeats(p.current);
      return {
        ...p,
        current,
        periods: p.periods.map((r) => (r === p.current ? current : withCacheableRepeats(r))),
      };
    }),
  };
}
