// npm run bench: the credit engine over a Team-plan month, against a baseline loop in the same run.
import { evaluateLedger } from '../../src-shared/engine/evaluate';
import { evaluationJson } from '../../src-shared/engine/status-json';
import { parseInstant } from '../../src-shared/time/instant';
import { teamMonthLedger } from '../fixtures/team-month';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const ledger = teamMonthLedger(EVENTS);
const asOf = Date.UTC(2026, 10, 1) - 1; // the last instant of the month
const rssBefore = process.memoryUsage().rss;

// Baseline: the least any evaluation must do, reading each event's instant and summing a price.
const baseline = () => {
  let sum = 0;
  for (const e of ledger.events) if (parseInstant(e.occurredAt) <= asOf) sum += e.action === 'email' ? 5 : 1;
  return sum;
};

const engine = () => evaluationJson(evaluateLedger(ledger, { asOf }));
engine(); // warm up both so that the JIT has seen them
baseline();
const engineMs = median(Array.from({ length: RUNS }, () => time(engine)));
const baselineMs = median(Array.from({ length: RUNS }, () => time(baseline)));

const pool = engine().pools[0]!;
const perSecond = (ms: number) => Math.round((EVENTS / ms) * 1000).toLocaleString('en-US');
console.log(
  `engine bench: Team-plan month, ${EVENTS.toLocaleString('en-US')} events, 20 members (median of ${RUNS})`,
);
console.log(`  engine evaluate:  ${engineMs.toFixed(0)} ms  (${perSecond(engineMs)} events/s)`);
console.log(`  baseline loop:    ${baselineMs.toFixed(0)} ms  (${perSecond(baselineMs)} events/s)`);
console.log(`  ratio engine/baseline: ${(engineMs / baselineMs).toFixed(1)}x`);
console.log(
  `  target: under 1,000 ms for the month -> ${engineMs < 1000 ? 'within' : 'over'} by ${Math.abs(1000 - engineMs).toFixed(0)} ms`,
);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `  peak RSS: ${peakMb.toFixed(0)} MB, of which the ledger itself ${(rssBefore / 2 ** 20).toFixed(0)} MB`,
);
console.log(
  `  result: used ${pool.used.toLocaleString('en-US')} of ${pool.available.toLocaleString('en-US')}, ${pool.blockedCalls} blocked, dry at ${pool.exhaustedAt}`,
);

// An asOf far past the data (what /balance?asOf=9999-12-31 asked for): a small ledger of a few
// thousand events evaluated at its month's end, a year later and in December 9999.
const small = teamMonthLedger(5_000);
const at = (iso: string) => () => evaluateLedger(small, { asOf: parseInstant(iso) });
const nearMs = median(Array.from({ length: RUNS }, () => time(at('2026-10-31T23:59:59Z'))));
const yearMs = median(Array.from({ length: RUNS }, () => time(at('2027-10-31T23:59:59Z'))));
const farMs = median(Array.from({ length: RUNS }, () => time(at('9999-12-31T23:59:59Z'))));
console.log(`asOf far past the data (5,000 events, median of ${RUNS}):`);
console.log(
  `  at the month's end ${nearMs.toFixed(1)} ms, a year later ${yearMs.toFixed(1)} ms (${(yearMs / nearMs).toFixed(1)}x), in 9999 ${farMs.toFixed(1)} ms (${(farMs / nearMs).toFixed(1)}x)`,
);
