// Bench helper (child process): the baseline of bench:runtime, the whole view evaluated on one thread
// over the runtime child's cache file, as the runtime did before the evaluator thread; and the
// engine's walk alone: each pool's current period walked from its columns in memory (what a change
// that needs a walk costs the evaluator thread, without reading the cache), median of 3, once warm.
// It runs in its own process so that its million event objects never count in the runtime's RSS.
// argv: the cache file. Prints one JSON line: {"ms", "walkMs", "walked", "peakRssMb"}.
import { appendCachedRows } from '../../../src-main/cache/cached-pool-events';
import { loadEngineInputs } from '../../../src-main/cache/cached-workspaces';
import { openCache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { cachedWalkConfig, walkCheckpoint } from '../../../src-main/cache/walk-cached-pool';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';
import { EventColumns } from '../../../src-shared/engine/event-columns';
import { IncrementalPool } from '../../../src-shared/engine/incremental-pool';
import { checkpointAfter } from '../../../src-shared/engine/period-summary';

const cache = openCache(process.argv[2]!);
const asOf = Date.now();
const t0 = performance.now();
evaluateCache(cache, { asOf, catalog: builtinCatalog });
const ms = performance.now() - t0;

// Every pool's columns as the evaluator thread holds them, then walked alone.
const walks = loadEngineInputs(cache, { catalog: builtinCatalog }).flatMap((ws) =>
  ws.resolved.pools.map((pool) => {
    const checkpoint = walkCheckpoint(cache, ws, pool, asOf);
    const from = checkpoint?.end ?? Number.NEGATIVE_INFINITY;
    const events = new EventColumns();
    appendCachedRows(events, cache.read.events.poolRange(ws.key, pool.pool, from, Infinity), ws.price);
    const config = cachedWalkConfig(ws, pool, Number.POSITIVE_INFINITY, checkpoint);
    const start = checkpoint
      ? { from: checkpointAfter(checkpoint) }
      : { from: null, earliest: 'asOf' as const };
    return () => new IncrementalPool(config, start, events).evaluate(asOf);
  }),
);
const walkAll = () => {
  const t = performance.now();
  for (const walk of walks) walk();
  return performance.now() - t;
};
walkAll();
const walkMs = [walkAll(), walkAll(), walkAll()].sort((a, b) => a - b)[1]!;
cache.close();
process.stdout.write(
  JSON.stringify({ ms, walkMs, walked: walks.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }) +
    '\n',
);
