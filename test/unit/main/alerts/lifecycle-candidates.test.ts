import { describe, expect, it } from 'vitest';
import {
  lifecycleCandidates,
  recoveredCandidate,
  resetCandidate,
  type PreviousPeriod,
} from '../../../../src-main/alerts/lifecycle-candidates';
import { runAlertPass } from '../../../../src-main/alerts/alert-loop';
import type { NotificationContent } from '../../../../src-main/alerts/notification-text';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';
import { InMemoryAlertStore } from '../helpers/in-memory-alert-store';
import { NOW, pool, workspace } from '../helpers/snapshot-fixtures';

const PERIOD = '2026-11-01T00:00:00.000Z';
const EXHAUSTED = `acme|integration|${PERIOD}|exhausted|100`;
const AT_RISK = `acme|integration|${PERIOD}|projected-run-out|-`;

/** A pool of 10,000 that ran dry and got a 5,000 top-up: 10,000 of 15,000 used (66.67 %), 5,000 left. */
const toppedUp = pool({ percentUsed: 66.67, available: 15_000, used: 10_000, remaining: 5_000 });

const raisedOnly =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key);

describe('recovered', () => {
  const ws = workspace('acme', 'Acme', [toppedUp]);

  it('is raised when a dry pool is topped up back under its highest warning threshold', () => {
    const c = recoveredCandidate(ws, ws.pools[0]!, { raised: raisedOnly(EXHAUSTED), now: NOW });
    expect(c).toMatchObject({
      key: `acme|integration|${PERIOD}|recovered|exhausted`,
      kind: 'recovered',
      workspaceId: 'acme',
      pool: 'integration',
      at: new Date(NOW).toISOString(),
    });
    // 5,000 of 15,000 left; 10,000 / 15,000 = 66.67 %, rounded down to a tenth (the one rule); resets Dec 1.
    expect(c!.message).toBe(
      'Acme: the integration pool is back to normal (it had run dry): 5,000 of 15,000 left, 66.6% used, resets on Dec\u00a01.',
    );
  });

  // It said "resets on 2026-12-01" in the alert centre beside the threshold alert's "it resets on
  // Dec 1": its dates are written as every other sentence's, in the user's locale and zone. The reset
  // instant (Dec 1 00:00 UTC) is Nov 30, 19:00 in New York.
  it("writes the reset day as the alert centre's other sentences do, in the user's zone", () => {
    const style = { locale: 'en-GB', timeZone: 'America/New_York' };
    const c = recoveredCandidate(ws, ws.pools[0]!, { raised: raisedOnly(EXHAUSTED), now: NOW, style });
    expect(c!.message).toMatch(/, resets on 30\u00a0Nov\.$/);
  });

  it('is keyed by what it recovered from: at risk, then dry, recovers twice in one period', () => {
    const fromRisk = recoveredCandidate(ws, ws.pools[0]!, { raised: raisedOnly(AT_RISK), now: NOW });
    expect(fromRisk?.key).toBe(`acme|integration|${PERIOD}|recovered|projected-run-out`);
    expect(fromRisk?.message).toContain('(it was projected to run dry before the reset)');
    const fromDry = recoveredCandidate(ws, ws.pools[0]!, {
      raised: raisedOnly(AT_RISK, EXHAUSTED),
      now: NOW,
    });
    expect(fromDry?.key).toBe(`acme|integration|${PERIOD}|recovered|exhausted`);
  });

  it.each([
    ['nothing was wrong this period', pool({ percentUsed: 40 }), []],
    ['it is still dry', pool({ percentUsed: 100 }), [EXHAUSTED]],
    // 10,000 of 10,500: a top-up of 500 leaves it at 95.2 %, above the 90 % mark.
    [
      'it is still above 90 %',
      pool({ percentUsed: 95.24, available: 10_500, used: 10_000, remaining: 500 }),
      [EXHAUSTED],
    ],
    [
      'the forecast still runs it dry before the reset',
      pool({
        percentUsed: 60,
        forecast: {
          burnPerDay: 900,
          projectedUsed: 20_000,
          low: 15_000,
          high: 25_000,
          runsOutAt: '2026-11-25T00:00:00.000Z',
        },
      }),
      [AT_RISK],
    ],
  ])('is not raised when %s', (_why, p, raised) => {
    const w = workspace('acme', 'Acme', [p]);
    expect(recoveredCandidate(w, w.pools[0]!, { raised: raisedOnly(...raised), now: NOW })).toBeNull();
  });

  it('is recorded but silent by default: the digest reports it, no desktop notification', () => {
    const store = new InMemoryAlertStore();
    store.record({
      key: EXHAUSTED,
      kind: 'exhausted',
      workspaceId: 'acme',
      pool: 'integration',
      percent: 100,
      at: '2026-11-18T10:00:00.000Z',
      raisedAt: '2026-11-18T10:00:00.000Z',
      message: 'dry',
      delivery: 'shown',
    });
    const shown: NotificationContent[] = [];
    const candidates = lifecycleCandidates({
      workspaces: [ws],
      raised: (k) => store.has(k),
      previous: () => null,
      watchedSince: () => null,
      now: NOW,
    });
    const result = runAlertPass(
      { store, notify: (n) => shown.push(n), now: () => NOW, timeZone: 'UTC' },
      { candidates, workspaces: [ws], settings: DEFAULT_SETTINGS, pausedUntil: null },
    );
    expect(result.raised.map((a) => [a.kind, a.delivery])).toEqual([['recovered', 'silent']]);
    expect(shown).toEqual([]);
  });
});

describe('reset', () => {
  const ws = workspace('acme', 'Acme', [pool({ percentUsed: 3 })]);
  const october: PreviousPeriod = {
    start: Date.parse('2026-10-01T00:00:00Z'),
    end: Date.parse(PERIOD),
    used: 9_200,
    available: 10_000,
  };

  it('is raised for a period that began while the account was watched, with the last period in one line', () => {
    const c = resetCandidate(ws, ws.pools[0]!, {
      previous: () => october,
      watchedSince: () => Date.parse('2026-10-12T08:00:00Z'),
    });
    expect(c).toMatchObject({
      key: `acme|integration|${PERIOD}|reset|-`,
      kind: 'reset',
      at: PERIOD,
    });
    // 9,200 of 10,000 = 92 %; the period ran Oct 1 to Oct 31 (its end is Nov 1, 00:00, exclusive).
    expect(c!.message).toBe(
      'Acme: a new integration period started on Nov\u00a01 with 10,000 credits; the last one (Oct\u00a01 to Oct\u00a031) used 9,200 of 10,000 (92%).',
    );
  });

  it('is not raised when the account was first synced inside the current period', () => {
    const c = resetCandidate(ws, ws.pools[0]!, {
      previous: () => october,
      watchedSince: () => Date.parse('2026-11-03T08:00:00Z'),
    });
    expect(c).toBeNull();
  });

  it('is not raised without a previous period right before this one', () => {
    expect(resetCandidate(ws, ws.pools[0]!, { previous: () => null, watchedSince: () => 0 })).toBeNull();
    const gap = { ...october, end: Date.parse('2026-10-31T00:00:00Z') };
    expect(resetCandidate(ws, ws.pools[0]!, { previous: () => gap, watchedSince: () => 0 })).toBeNull();
  });
});
