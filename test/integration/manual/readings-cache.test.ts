import { afterEach, describe, expect, it } from 'vitest';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { reportMonth } from '../../../src-shared/engine/report';
import { reportJson } from '../../../src-shared/engine/report-json';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import type { Ledger, Reading, UsageEvent } from '../../../src-shared/types/ledger';
import { openCache, type Cache } from '../../../src-main/cache/cache';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import { exportLedgerObject } from '../../../src-main/cache/ledger-export';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { reviewMonthFromCache } from '../../../src-main/cache/month-review';
import { tempDir } from '../../fixtures/temp-dir';
import { base44Builder } from '../../fixtures/base44-builder';

// A Base44 Builder workspace read most weekdays at 09:00 from January to mid-March 2026, with one
// backwards reading, one dismissed, a top-up, and a few calls imported from a CSV in February.
const readings: Reading[] = [];
let used = 0;
let month = 0;
for (let t = Date.UTC(2026, 0, 2, 9); t < Date.UTC(2026, 2, 18); t += 86_400_000) {
  const d = new Date(t);
  if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
  if (d.getUTCMonth() !== month) {
    month = d.getUTCMonth();
    used = 0;
  }
  used += 180 + ((d.getUTCDate() * 37) % 140);
  readings.push({
    id: `r${readings.length}`,
    workspaceId: 'studio',
    pool: 'integration',
    at: d.toISOString(),
    remaining: 10_000 - used,
  });
}
readings.push({
  id: 'back',
  workspaceId: 'studio',
  pool: 'integration',
  at: '2026-02-10T12:00:00.000Z',
  remaining: 9_900,
});
readings.push({
  id: 'oops',
  workspaceId: 'studio',
  pool: 'integration',
  at: '2026-03-04T12:00:00.000Z',
  used: 9_000,
  dismissed: true,
});
const events: UsageEvent[] = [
  {
    id: 'csv-1',
    workspaceId: 'studio',
    pool: 'integration',
    memberId: 'eve',
    action: 'llm',
    credits: 40,
    occurredAt: '2026-02-16T10:00:00Z',
  },
  {
    id: 'csv-2',
    workspaceId: 'studio',
    pool: 'integration',
    memberId: 'fox',
    action: 'file',
    occurredAt: '2026-02-17T10:00:00Z',
  },
];
const ledger: Ledger = {
  version: 1,
  workspaces: [base44Builder()],
  grants: [
    {
      id: 'top',
      workspaceId: 'studio',
      pool: 'integration',
      kind: 'top-up',
      credits: 2000,
      grantedAt: '2026-02-20T08:00:00Z',
      expiresAt: '2027-02-20T08:00:00Z',
    },
  ],
  events,
  readings,
};
// Mid-March: January is summarised, February kept raw, March current.
const now = Date.UTC(2026, 2, 17, 12);

const dirs: { cleanup: () => void }[] = [];
const caches: Cache[] = [];
afterEach(() => {
  caches.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => d.cleanup());
});

function imported(l: Ledger): Cache {
  const dir = tempDir();
  dirs.push(dir);
  const cache = openCache(dir.file(), { now: () => now });
  caches.push(cache);
  importLedger(cache, l, { now });
  return cache;
}

describe('readings in the cache equal the engine over the ledger', () => {
  it.each([now, Date.UTC(2026, 1, 10, 13), Date.UTC(2026, 1, 27), Date.UTC(2026, 2, 4, 13)])(
    'evaluates at %d exactly as evaluateLedger',
    (asOf) => {
      const c = imported(ledger);
      expect(evaluationJson(evaluateCache(c, { asOf }))).toEqual(
        evaluationJson(evaluateLedger(ledger, { asOf })),
      );
    },
  );

  it.each(['2026-01', '2026-02', '2026-03'])('reviews %s from the cache as reportMonth does', (m) => {
    const c = imported(ledger);
    const [year, mm] = m.split('-').map(Number) as [number, number];
    expect(reportJson(reviewMonthFromCache(c, { year, month: mm }))).toEqual(
      reportJson(reportMonth(ledger, { year, month: mm })),
    );
  });

  it('a month of readings is summarised when it closes, and the backwards one stays flagged in it', () => {
    const c = imported(ledger);
    const key = c.read.workspaces.byId('studio')!.key;
    const [january, february] = c.read.summaries.between(key, 'integration', 0, Infinity);
    expect(january!.observed).toBeGreaterThan(0);
    expect(february!.readings?.find((m) => m.id === 'back')?.backwardsBy).toBeGreaterThan(0);
  });

  it('exports its readings and imports them back to the same balances', () => {
    const c = imported(ledger);
    const exported = exportLedgerObject(c);
    expect(exported.readings?.map((r) => r.id).sort()).toEqual(readings.map((r) => r.id).sort());
    const again = imported(exported);
    expect(evaluationJson(evaluateCache(again, { asOf: now }))).toEqual(
      evaluationJson(evaluateCache(c, { asOf: now })),
    );
  });
});
