import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PoolCard } from '../../../../src-renderer/features/overview/pool-card';
import { AS_OF, demoSnapshot, poolCard } from '../../fixtures/snapshot';

describe('PoolCard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(AS_OF));
  });
  afterEach(() => vi.useRealTimers());

  const snapshot = demoSnapshot();
  const [zitePro, , base44] = snapshot.workspaces;

  it('shows used of available, percent, remaining, the countdown and the forecast', () => {
    render(<PoolCard workspace={zitePro!} pool={zitePro!.pools[0]!} asOf={AS_OF} />);
    const card = screen.getByRole('article', { name: 'Zite Pro, integration credits' });
    expect(within(card).getByTestId('used')).toHaveTextContent('31,000 of 50,000');
    expect(within(card).getByTestId('percent')).toHaveTextContent('62%');
    expect(within(card).getByTestId('remaining')).toHaveTextContent('19,000');
    expect(within(card).getByTestId('remaining')).toHaveAttribute('data-value', '19000');
    expect(within(card).getByTestId('countdown')).toHaveTextContent('resets in 9d 14h');
    expect(within(card).getByTestId('forecast')).toHaveTextContent(
      'At this pace runs dry on Nov 30, ~21 hours before the reset.',
    );
    // 62 % used, past the 50 % mark, but projected to run dry before the reset: at risk, not "Past 50%".
    expect(within(card).getByTestId('state-badge')).toHaveTextContent('At risk');
    expect(card).toHaveAttribute('data-state', 'at-risk');
    expect(within(card).getByTestId('freshness')).toHaveTextContent('Live');
    expect(within(card).getByTestId('drift')).toHaveTextContent(
      'the server says 18,990 remaining, 10 fewer than',
    );
  });

  it('says "rules assumed" beside a balance whose workspace names no rules version, and why in its title', () => {
    const legacy = { ...zitePro!, catalogVersion: null };
    const { unmount } = render(<PoolCard workspace={legacy} pool={legacy.pools[0]!} asOf={AS_OF} />);
    const mark = screen.getByTestId('rules-assumed');
    expect(mark).toHaveTextContent(/^rules assumed$/);
    expect(mark).toHaveAttribute(
      'title',
      "Priced and sized with the seed's rules, an assumption: the account API does not say which rules this plan is on.",
    );
    unmount();
    render(<PoolCard workspace={zitePro!} pool={zitePro!.pools[0]!} asOf={AS_OF} />);
    expect(screen.queryByTestId('rules-assumed')).toBeNull();
  });

  it('places the marks at the thresholds the snapshot gives', () => {
    const pool = { ...zitePro!.pools[0]!, marks: [40, 75] };
    render(<PoolCard workspace={zitePro!} pool={pool} asOf={AS_OF} />);
    expect(screen.getAllByTestId('threshold-mark').map((m) => m.dataset.percent)).toEqual(['40', '75']);
  });

  it('says the calls refused this period when the pool is no longer dry (a top-up came after it ran dry)', () => {
    const pool = poolCard({ used: 31_000, remaining: 19_000, percentUsed: 62, blockedCalls: 1 });
    render(<PoolCard workspace={zitePro!} pool={pool} asOf={AS_OF} />);
    expect(screen.getByTestId('refused')).toHaveTextContent(
      '1 call refused this period while the pool was dry.',
    );
  });

  it('says nothing of refused calls when none were', () => {
    render(<PoolCard workspace={zitePro!} pool={zitePro!.pools[0]!} asOf={AS_OF} />);
    expect(screen.queryByTestId('refused')).toBeNull();
  });

  it('never says OK while the forecast runs dry before the reset, whatever the percent', () => {
    // 12 % used, but at 600 a day the 44,000 left run out on Nov 24, a week before the Dec 1 reset.
    const early = poolCard({
      used: 6_000,
      remaining: 44_000,
      percentUsed: 12,
      thresholds: [
        { percent: 50, reachedAt: null },
        { percent: 90, reachedAt: null },
        { percent: 100, reachedAt: null },
      ],
      forecast: {
        burnPerDay: 600,
        projectedUsed: 60_000,
        low: 55_000,
        high: 65_000,
        runsOutAt: '2026-11-24T00:00:00.000Z',
      },
    });
    render(<PoolCard workspace={zitePro!} pool={early} asOf={AS_OF} />);
    const badge = screen.getByTestId('state-badge');
    expect(badge).toHaveTextContent('At risk');
    expect(badge).not.toHaveTextContent('OK');
  });

  it('says a credit threshold in credits on its badge ("Past 5,000 credits"), never "Past 10%"', () => {
    // The lead set 5,000 credits on this 50,000-credit pool: the engine marks 10 %, 12 % is used.
    const past = poolCard({
      used: 6_000,
      remaining: 44_000,
      percentUsed: 12,
      state: 'past-threshold',
      balance: 'past-threshold',
      level: 'warn',
      passedThreshold: 10,
      thresholds: [{ percent: 10, reachedAt: '2026-11-10T00:00:00.000Z' }],
      marks: [10],
      thresholdsInForce: { source: 'pool', unit: 'credits', values: [5_000], percents: [10], account: null },
    });
    render(<PoolCard workspace={zitePro!} pool={past} asOf={AS_OF} />);
    expect(screen.getByTestId('state-badge')).toHaveTextContent('Past 5,000 credits');
  });

  it("says offline with the copy's age when its account's last sync failed, never Live", () => {
    const offline = {
      ...zitePro!,
      // Synced two minutes ago, then the next attempt could not reach the server.
      freshness: {
        kind: 'cached' as const,
        lastSyncAt: '2026-11-21T09:58:00.000Z',
        ageSeconds: 120,
        failure: 'offline' as const,
      },
    };
    render(<PoolCard workspace={offline} pool={offline.pools[0]!} asOf={AS_OF} />);
    const badge = screen.getByTestId('freshness');
    expect(badge).toHaveTextContent('Offline, cached 2 minutes ago');
    expect(badge).not.toHaveTextContent('Live');
  });

  it('links to the workspace screen', () => {
    render(<PoolCard workspace={zitePro!} pool={zitePro!.pools[0]!} asOf={AS_OF} />);
    expect(screen.getByRole('link', { name: 'Zite Pro, integration credits' })).toHaveAttribute(
      'href',
      '#/workspace/zite-pro',
    );
  });

  it('says a dry pool ran dry, in words and in its state', () => {
    render(<PoolCard workspace={base44!} pool={base44!.pools[0]!} asOf={AS_OF} />);
    const card = screen.getByTestId('pool-card');
    expect(card).toHaveAttribute('data-state', 'dry');
    expect(within(card).getByTestId('state-badge')).toHaveTextContent('Dry');
    expect(within(card).getByTestId('forecast')).toHaveTextContent(
      'Ran dry on Nov 20, 3:42 PM; 134 calls refused since.',
    );
    expect(within(card).getByTestId('freshness')).toHaveTextContent('Cached 12 minutes ago');
    expect(card).toHaveTextContent('includes 40 bonus credits');
  });

  it('words the credits beyond the plan by the kind of grant: a top-up is not a bonus', () => {
    const pool = { ...base44!.pools[0]!, bonus: 500, available: 10_500, grantKinds: ['top-up' as const] };
    const { unmount } = render(<PoolCard workspace={base44!} pool={pool} asOf={AS_OF} />);
    expect(screen.getByTestId('pool-card')).toHaveTextContent('includes 500 top-up credits');
    expect(screen.getByTestId('pool-card')).not.toHaveTextContent('bonus');
    unmount();
    const both = {
      ...pool,
      bonus: 540,
      available: 10_540,
      grantKinds: ['bonus' as const, 'top-up' as const],
    };
    render(<PoolCard workspace={base44!} pool={both} asOf={AS_OF} />);
    expect(screen.getByTestId('pool-card')).toHaveTextContent('includes 540 bonus and top-up credits');
  });
});
