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

  it('threshold: workspace, pool, percent, remaining, reset, run-out, top member and action', () => {
    const n = notificationText({ ...base, kind: 'threshold', percent: 90 }, [acme], ctx);
    expect(n.title).toBe('Acme: 90% of integration credits used');
    expect(n.body).toBe(
      [
        '3,800 of 50,000 left (92% used); resets in 10 d 12 h',
        'At 2,300 a day it runs dry on Nov 22, 8 d 23 h before the reset.',
        'Top this period: Ana (30,000) · email (25,000)',
      ].join('\n'),
    );
    expect(n.workspaceId).toBe('acme');
  });

  it('exhausted: says calls are refused and until when', () => {
    const dry = workspace('acme', 'Acme', [
      pool({ percentUsed: 100, remaining: 0, blockedCalls: 37, available: 1_000 }),
    ]);
    const n = notificationText({ ...base, kind: 'exhausted', percent: 100 }, [dry], ctx);
    expect(n.title).toBe('Acme: integration credits ran out');
    expect(n.body.split('\n')[0]).toBe('0 of 1,000 left, 37 calls refused so far; resets in 10 d 12 h');
  });

  it('projected run-out: how long until the pool runs dry', () => {
    expect(notificationText({ ...base, kind: 'projected-run-out', percent: null }, [acme], ctx).title).toBe(
      'Acme: integration credits run out in 1 d 13 h',
    );
  });

  it('mid-period audit asks for an audit', () => {
    expect(notificationText({ ...base, kind: 'mid-period-audit', percent: 50 }, [acme], ctx).body).toContain(
      'Audit which apps spend it.',
    );
  });

  it('falls back to the engine message when the workspace is not in the snapshot', () => {
    const n = notificationText({ ...base, workspaceId: 'gone', kind: 'threshold', percent: 50 }, [acme], ctx);
    expect(n).toEqual({
      key: 'k',
      workspaceId: 'gone',
      title: 'gone: 50% of integration credits used',
      body: 'engine message',
    });
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
