import { describe, expect, it } from 'vitest';
import { notificationText } from '../../../../src-main/alerts/notification-text';
import { NOW, pool, workspace } from '../helpers/snapshot-fixtures';

const ctx = { now: NOW, timeZone: 'Europe/Paris' };
const base = { key: 'k', workspaceId: 'acme', pool: 'integration' as const, message: 'engine message' };

describe('notificationText', () => {
  const acme = workspace('acme', 'Acme', [
    pool({
      percentUsed: 92.4,
      available: 50_000,
      byMember: { bo: 12_000, ana: 30_000 },
      byAction: { email: 25_000, llm: 16_200 },
      forecast: {
        burnPerDay: 2_300,
        projectedUsed: 70_000,
        low: 60_000,
        high: 80_000,
        runsOutAt: '2026-11-22T01:00:00.000Z',
      },
    }),
  ]);

  it('a credit threshold is notified in credits, title and state, never as "0.01%"', () => {
    // The lead set 5,000 credits on a 50,000-credit pool: the engine marks 10 %; 12 % is used,
    // so the pool is past that threshold and nothing projects it dry.
    const credit = workspace('acme', 'Acme', [
      pool({
        percentUsed: 12,
        used: 6_000,
        remaining: 44_000,
        available: 50_000,
        state: 'past-threshold',
        balance: 'past-threshold',
        passedThreshold: 10,
        thresholdsInForce: {
          source: 'pool',
          unit: 'credits',
          values: [5_000],
          percents: [10],
          account: null,
        },
      }),
    ]);
    const n = notificationText({ ...base, kind: 'threshold', percent: 10 }, [credit], ctx);
    expect(n.title).toBe('Acme: 5,000 integration credits used');
    expect(n.body.split('\n')[0]).toBe(
      'Past 5,000 credits · 44,000 of 50,000 left (12% used); resets in 10d 12h',
    );
  });

  it('threshold: workspace, pool, percent, remaining, reset, run-out, top member and action', () => {
    const n = notificationText({ ...base, kind: 'threshold', percent: 90 }, [acme], ctx);
    expect(n.title).toBe('Acme: 90% of integration credits used');
    expect(n.body).toBe(
      [
        // The state the card and the tray show: 92.4 % used and projected to run dry on the 22nd.
        'At risk · 3,800 of 50,000 left (92.4% used); resets in 10d 12h',
        // The card's own forecast sentence. Nov 22 01:00 UTC (02:00 in Paris) to the Dec 1 reset is
        // 8 days 23 hours: an estimate, to the nearest day ~9 days.
        'At this pace runs dry on Nov\u00a022, ~9 days before the reset.',
        'Top this period: Ana (30,000) · email (25,000)',
      ].join('\n'),
    );
    expect(n.workspaceId).toBe('acme');
  });

  it('exhausted: says calls are refused and until when', () => {
    const dry = workspace('acme', 'Acme', [
      pool({
        percentUsed: 100,
        remaining: 0,
        blockedCalls: 37,
        available: 1_000,
        exhaustedAt: '2026-11-20T09:00:00.000Z',
      }),
    ]);
    const n = notificationText({ ...base, kind: 'exhausted', percent: 100 }, [dry], ctx);
    expect(n.title).toBe('Acme: integration credits ran out');
    expect(n.body.split('\n').slice(0, 2)).toEqual([
      'Dry · 0 of 1,000 left; resets in 10d 12h',
      // Ran dry at 09:00 UTC: 10:00 in Paris, the notification's time zone.
      'Ran dry on Nov\u00a020, 10:00\u00a0AM; 37 calls refused since.',
    ]);
  });

  it('projected run-out: how long until the pool runs dry', () => {
    expect(notificationText({ ...base, kind: 'projected-run-out', percent: null }, [acme], ctx).title).toBe(
      'Acme: integration credits run out in 1d 13h',
    );
  });

  it('mid-period audit asks for an audit', () => {
    expect(notificationText({ ...base, kind: 'mid-period-audit', percent: 50 }, [acme], ctx).body).toContain(
      'Audit which apps spend it.',
    );
  });

  it('falls back to the raised message and the name it was raised under, never a raw id', () => {
    const n = notificationText(
      { ...base, workspaceId: 'gone-7f3a', workspaceName: 'Globex', kind: 'threshold', percent: 50 },
      [acme],
      ctx,
    );
    expect(n).toEqual({
      key: 'k',
      workspaceId: 'gone-7f3a',
      title: 'Globex: 50% of integration credits used',
      body: 'engine message',
    });
    const unnamed = notificationText(
      { ...base, workspaceId: 'gone-7f3a', kind: 'threshold', percent: 50 },
      [acme],
      ctx,
    );
    expect(unnamed.title).not.toContain('gone-7f3a');
  });

  it('app alerts carry their own message', () => {
    expect(
      notificationText(
        { ...base, pool: null, kind: 'sync-stale', percent: null, message: 'No sync for 2 h.' },
        [acme],
        ctx,
      ),
    ).toMatchObject({
      title: 'Acme: usage data is out of date',
      body: 'No sync for 2 h.',
    });
  });
});
