// Run by built-evaluator.spec.ts through tsx (Playwright's loader cannot import the engine's JSON
// catalog): starts the evaluator thread from the built out/main/evaluator-worker.js, as the
// Electron app does, over a real cache, and exits 0 only if it answers as the engine does here.
import { isDeepStrictEqual } from 'node:util';
import { openCache } from '../../src-main/cache/cache';
import { evaluateCache } from '../../src-main/cache/evaluate-cache';
import { importLedger } from '../../src-main/cache/ledger-import';
import { createEvaluatorClient } from '../../src-main/evaluator/evaluator-client';
import { builtWorker } from '../../src-main/evaluator/worker-spawn';
import { multiMonthLedger } from '../fixtures/multi-month';
import { tempDir } from '../fixtures/temp-dir';

const entry = process.argv[2]!;
const dir = tempDir();
const cache = openCache(dir.file());
const evaluator = createEvaluatorClient({
  data: { file: cache.file },
  spawn: builtWorker(entry),
  onCrash: (err) => {
    console.error(`the built evaluator thread crashed: ${err.message}`);
    process.exitCode = 1;
  },
});
try {
  importLedger(cache, multiMonthLedger(), { now: Date.UTC(2026, 10, 20) });
  const asOf = Date.UTC(2026, 9, 17, 12);
  const { evaluations } = await evaluator.evaluate([{ asOf }]);
  const same = isDeepStrictEqual(evaluations[0], evaluateCache(cache, { asOf }));
  console.log(JSON.stringify({ same, pools: evaluations[0]!.pools.length }));
  if (!same) process.exitCode = 1;
} finally {
  await evaluator.dispose();
  cache.close();
  dir.cleanup();
}
