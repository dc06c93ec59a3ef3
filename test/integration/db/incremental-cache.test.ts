import { describe, expect, it } from 'vitest';
import { evaluateLedger } from '../../../src-shared/engine/evaluate';
import { reportMonth } from '../../../src-shared/engine/report';
import { reportJson } from '../../../src-shared/engine/report-json';
import { evaluationJson } from '../../../src-shared/engine/status-json';
import type { Ledger } from '../../../src-shared/types/ledger';
import { evaluateCache } from '../../../src-main/cache/evaluate-cache';
import type { Cache } from '../../../src-main/cache/cache';
import { historyMonths } from '../../../src-main/cache/history-months';
import { exportLedgerObject } from '../../../src-main/cache/ledger-export';
import { importLedger } from '../../../src-main/cache/ledger-import';
import { reviewMonthFromCache } from '../../../src-main/cache/month-review';
import { multiMonthLedger } from '../../fixtures/multi-month';
import { cacheFiles } from '../../fixtures/cache-files';

const ledger = multiMonthLedger();
const now = Date.UTC(2026, 7, 17, 12);
const files = cacheFiles(now);
const freshCache = files.fresh;

const part = (filter: (t: number) => boolean): Ledger => ({
  ...ledger,
  events: ledger.events.filter((e) => filter(Date.parse(e.occurredAt))),
});
const same = (cache: Cache, asOf = now) =>
  expect(evaluationJson(evaluateCache(cache, { asOf }))).toEqual(
    evaluationJson(evaluateLedger(ledger, { asOf })),
  );
const sameMonth = (cache: Cache, month: number) =>
  expect(reportJson(reviewMonthFromCache(cache, { year: 2026, month }))).toEqual(
    reportJson(reportMonth(ledger, { year: 2026, month })),
  );

describe('the cache stays exact as data arrives', () => {
  it('syncing in steps (maintenance in between) gives what one import gives', () => {
    const cache = freshCache();
    const cut1 = Date.UTC(2026, 5, 20);
    const cut2 = Date.UTC(2026, 6, 9);
    importLedger(
      cache,
      part((t) => t < cut1),
      { now: cut1 },
    );
    importLedger(
      cache,
      part((t) => t >= cut1 && t < cut2),
      { now: cut2 },
    );
    importLedger(
      cache,
      part((t) => t >= cut2),
      { now },
    );
    same(cache);
    for (const m of [5, 6, 7, 8]) sameMonth(cache, m);
  });

  it('late events in the previous period (still raw) re-summarise it exactly', () => {
    const cache = freshCache();
    // Zite events of July, the previous period at `now`: still raw, so its summary can be recomputed.
    const july = (t: number) => t >= Date.UTC(2026, 6, 1) && t < Date.UTC(2026, 7, 1);
    const lateIds = new Set(
      ledger.events
        .filter((e) => e.id.startsWith('z-') && july(Date.parse(e.occurredAt)))
        .filter((_, i) => i % 7 === 0)
        .map((e) => e.id),
    );
    importLedger(cache, { ...ledger, events: ledger.events.filter((e) => !lateIds.has(e.id)) }, { now });
    const zite = cache.read.workspaces.byId('zite-pro')!;
    const before = cache.read.summaries.between(
      zite.key,
      'integration',
      Date.UTC(2026, 6, 1),
      Date.UTC(2026, 6, 2),
    )[0]!;
    const result = importLedger(
      cache,
      { ...ledger, events: ledger.events.filter((e) => lateIds.has(e.id)) },
      { now },
    );
    expect(result.inserted).toBe(lateIds.size);
    expect(result.maintenance.invalidated).toBeGreaterThan(0);
    const after = cache.read.summaries.between(
      zite.key,
      'integration',
      Date.UTC(2026, 6, 1),
      Date.UTC(2026, 6, 2),
    )[0]!;
    expect(after.calls + after.blockedCalls).toBe(before.calls + before.blockedCalls + lateIds.size);
    same(cache);
    for (const m of [6, 7, 8]) sameMonth(cache, m);
  });

  it('skips (and counts) events that arrive for periods already dropped, keeping them out of every summary', () => {
    const cache = freshCache();
    const may = ledger.events.filter(
      (e) => e.id.startsWith('z-') && Date.parse(e.occurredAt) < Date.UTC(2026, 5, 1),
    );
    const held = new Set(may.slice(0, 5).map((e) => e.id));
    importLedger(cache, { ...ledger, events: ledger.events.filter((e) => !held.has(e.id)) }, { now });
    const zite = cache.read.workspaces.byId('zite-pro')!;
    const summary = () =>
      cache.read.summaries.between(zite.key, 'integration', Date.UTC(2026, 4, 1), Date.UTC(2026, 4, 2))[0]!;
    const mayUsed = summary().used;
    importLedger(cache, { ...ledger, events: ledger.events.filter((e) => held.has(e.id)) }, { now });
    expect(cache.read.poolState.get(zite.key, 'integration').skippedEvents).toBe(5);
    expect(summary().used).toBe(mayUsed);
    expect(cache.read.events.bounds(zite.key, 'integration').lo).toBeGreaterThanOrEqual(Date.UTC(2026, 6, 1));
  });

  it('importing the same ledger twice changes nothing', () => {
    const cache = freshCache();
    importLedger(cache, ledger, { now });
    const again = importLedger(cache, ledger, { now });
    expect(again.inserted).toBe(0);
    expect(again.maintenance).toEqual({ summarised: 0, invalidated: 0, purged: 0 });
    same(cache);
  });

  it('a changed grant in a summarised period that is still raw is taken into account', () => {
    const cache = freshCache();
    importLedger(cache, ledger, { now });
    const changed: Ledger = {
      ...ledger,
      grants: [
        ...ledger.grants,
        {
          id: 'g-july',
          workspaceId: 'zite-pro',
          pool: 'integration',
          kind: 'top-up',
          credits: 5000,
          grantedAt: '2026-07-05T00:00:00Z',
          expiresAt: null,
        },
      ],
    };
    importLedger(cache, { ...changed, events: [] }, { now });
    expect(evaluationJson(evaluateCache(cache, { asOf: now }))).toEqual(
      evaluationJson(evaluateLedger(changed, { asOf: now })),
    );
    expect(reportJson(reviewMonthFromCache(cache, { year: 2026, month: 7 }))).toEqual(
      reportJson(reportMonth(changed, { year: 2026, month: 7 })),
    );
  });

  it('lists the months with data, newest first', () => {
    const cache = freshCache();
    importLedger(cache, ledger, { now });
    // The Base44 cycle starts on the 15th, so its first period starts in April.
    expect(historyMonths(cache)).toEqual([
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
      '2026-04',
    ]);
  });

  it('exports what it keeps as a ledger that imports back to the same status', () => {
    const cache = freshCache();
    // Only what no pool drops yet (the Base44 cycle keeps raw from July 15), so the export is complete.
    const recent = part((t) => t >= Date.UTC(2026, 6, 15) && t < now);
    const small: Ledger = {
      ...recent,
      grants: recent.grants.filter(
        (g) => g.id !== 'g-forever' && g.id !== 'g-linkedin' && g.id !== 'g-expiring',
      ),
    };
    importLedger(cache, small, { now });
    const exported = exportLedgerObject(cache);
    expect(exported.events).toHaveLength(small.events.length);
    expect(evaluationJson(evaluateLedger(exported, { asOf: now }))).toEqual(
      evaluationJson(evaluateLedger(small, { asOf: now })),
    );
    const other = freshCache();
    importLedger(other, exported, { now });
    expect(evaluationJson(evaluateCache(other, { asOf: now }))).toEqual(
      evaluationJson(evaluateLedger(small, { asOf: now })),
    );
  });
});
