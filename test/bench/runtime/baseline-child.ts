// Bench helper (child process): the baseline of bench:runtime, the whole view evaluated on one thread
// over the runtime child's cache file, as the runtime did before the evaluator thread. It runs in its
// own process so that its million event objects never count in the runtime's RSS.
// argv: the cache file. Prints one JSON line: {"ms", "peakRssMb"}.
import { openCache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { builtinCatalog } from '../../../src-shared/catalog/catalog';

const cache = openCache(process.argv[2]!);
const t0 = performance.now();
evaluateCache(cache, { asOf: Date.now(), catalog: builtinCatalog });
const ms = performance.now() - t0;
cache.close();
process.stdout.write(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
