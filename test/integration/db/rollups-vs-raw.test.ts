import { afterEach, describe, expect, it } from 'vitest';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { reportMonth } from '../../../src-shared/engine/report';
import { reportJson } from '../../../src-shared/engine/report-json';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import { DAY_MS } from '../../../src-shared/time/instant';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { reviewMonthFromCache } from '../../../src-main/cache/month-review';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { tempDir } from '../../fixtures/temp-dir';

const ledger = multiMonthLedger();
// Mid-August: May to June are summarised and dropped, July kept raw, August current.
const now = Date.UTC(2026, 7, 17, 12);
const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

let cache: Cache;
const dirs: { cleanup: () => void }[] = [];
afterEach(() => {
  cache?.close();
  dirs.splice(0).forEach((d) => d.cleanup());
});

function importedCache(): Cache {
  const dir = tempDir();
  dirs.push(dir);
  cache = openCache(dir.file(), { now: () => now });
  importLedger(cache, ledger, { now });
  return cache;
}

describe('closed periods from rollups equal the engine over the raw ledger', () => {
  it('drops raw events before the previous period and keeps summaries for them', () => {
    const c = importedCache();
    const zite = c.read.workspaces.byId('zite-pro')!;
    expect(c.read.poolState.get(zite.key, 'integration').rawFrom).toBe(Date.UTC(2026, 6, 1));
    expect(c.read.events.bounds(zite.key, 'integration').lo).toBeGreaterThanOrEqual(Date.UTC(2026, 6, 1));
    const summaries = c.read.summaries.between(zite.key, 'integration', 0, Infinity);
    expect(summaries.map((s) => new Date(s.start).toISOString().slice(0, 7))).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
    ]);
    // The hot month ran dry: the summary keeps the instant and the blocked calls.
    expect(summaries[2]!.exhaustedAt).not.toBeNull();
    expect(summaries[2]!.blockedCalls).toBeGreaterThan(0);
  });

  it.each(months)('reviews %s from the cache exactly as reportMonth over the ledger', (month) => {
    const c = importedCache();
    const [year, m] = month.split('-').map(Number) as [number, number];
    const expected = reportJson(reportMonth(ledger, { year, month: m }));
    expect(reportJson(reviewMonthFromCache(c, { year, month: m }))).toEqual(expected);
  });

  it.each(months)(
    'reviews %s at a given instant (now, mid-August) exactly as reportMonth at the same instant',
    (month) => {
      const c = importedCache();
      const [year, m] = month.split('-').map(Number) as [number, number];
      const expected = reportJson(reportMonth(ledger, { year, month: m }, { asOf: now }));
      expect(reportJson(reviewMonthFromCache(c, { year, month: m }, { asOf: now }))).toEqual(expected);
    },
  );

  it('says where each month stands at mid-August: no data, closed, in progress, not started', () => {
    const c = importedCache();
    const states = months.map((month) => {
      const [year, m] = month.split('-').map(Number) as [number, number];
      const report = reportJson(reviewMonthFromCache(c, { year, month: m }, { asOf: now }));
      return report.pools.find((p) => p.workspaceId === 'zite-pro')!.periodState;
    });
    // Zite's data starts May 1 (the fixture's first day); the calendar month of now is August.
    expect(states).toEqual(['no-data', 'closed', 'closed', 'closed', 'in-progress', 'not-started']);
  });

  it.each([now, Date.UTC(2026, 6, 20, 8), Date.UTC(2026, 7, 1), Date.UTC(2026, 7, 31, 23)])(
    'evaluates at %d exactly as evaluateLedger',
    (asOf) => {
      const c = importedCache();
      const expected = evaluationJson(evaluateLedger(ledger, { asOf }));
      expect(evaluationJson(evaluateCache(c, { asOf }))).toEqual(expected);
    },
  );

  it('rollups sum to the summaries’ breakdowns', () => {
    const c = importedCache();
    const zite = c.read.workspaces.byId('zite-pro')!;
    for (const s of c.read.summaries.between(zite.key, 'integration', 0, Infinity)) {
      const byMember = c.read.rollups.breakdown(
        zite.key,
        'integration',
        s.start / DAY_MS,
        s.end / DAY_MS,
        'member',
      );
      for (const [member, credits] of Object.entries(s.byMember))
        expect(byMember.get(member)?.credits).toBeCloseTo(credits, 8);
      const calls = [...byMember.values()].reduce((sum, v) => sum + v.calls, 0);
      expect(calls).toBe(s.calls);
    }
  });
});
