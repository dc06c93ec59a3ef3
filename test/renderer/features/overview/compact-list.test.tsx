import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../../src-shared/ipc/snapshot';
import { COMPACT_QUERY } from '../../../../src-renderer/app/use-compact';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { AS_OF, demoSnapshot, poolCard, workspaceCard } from '../../fixtures/snapshot';
import { renderApp } from '../../render';

/** jsdom has no layout: the popover's width is played by a matchMedia that matches the compact query. */
beforeEach(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === COMPACT_QUERY,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(AS_OF)); // 21 Nov 2026, 10:00 UTC; every pool resets on 1 Dec
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A workspace with one integration pool of 1,000 credits; the numbers decide its state. */
function team(id: string, name: string, pool: Parameters<typeof poolCard>[0]) {
  return workspaceCard({
    id,
    name,
    members: [{ id: 'ana', name: 'Ana Lima' }],
    pools: [
      poolCard({
        workspaceId: id,
        allowance: 1000,
        available: 1000,
        thresholds: [
          { percent: 50, reachedAt: null },
          { percent: 90, reachedAt: null },
          { percent: 100, reachedAt: null },
        ],
        forecast: { burnPerDay: 10, projectedUsed: 500, low: 400, high: 600, runsOutAt: null },
        ...pool,
      }),
    ],
  });
}

const used = (n: number) => ({ used: n, remaining: 1000 - n, percentUsed: n / 10 });
const runsOut = (iso: string) => ({
  forecast: { burnPerDay: 80, projectedUsed: 1500, low: 1200, high: 1800, runsOutAt: iso },
});
const reached = (percent: number) => ({
  thresholds: [
    { percent: 50, reachedAt: percent >= 50 ? '2026-11-10T08:00:00.000Z' : null },
    { percent: 90, reachedAt: percent >= 90 ? '2026-11-18T08:00:00.000Z' : null },
    { percent: 100, reachedAt: null },
  ],
});
const dry = (at: string) => ({
  used: 1000,
  remaining: 0,
  percentUsed: 100,
  exhaustedAt: at,
  blockedCalls: 42,
  thresholds: [
    { percent: 50, reachedAt: '2026-11-05T08:00:00.000Z' },
    { percent: 90, reachedAt: '2026-11-08T08:00:00.000Z' },
    { percent: 100, reachedAt: at },
  ],
});
const ana = (share: number, action: string, actionShare: number) => ({
  topConsumer: { memberId: 'ana', name: 'Ana Lima', credits: 500, share, action, actionShare },
});

/**
 * Seven pools whose order is worked out by hand from the rule (dry, then at risk by run-out, then
 * percent used): Dry-early ran dry on 19 Nov, Dry-late on 20 Nov; Risk-soon runs out on 23 Nov,
 * Risk-late on 28 Nov (both before the 1 Dec reset, whatever their percent); then Past-90 (92 %) and
 * Busy (80 %, past its 50 % mark), Calm (10 %, no threshold reached).
 */
function sevenPools(): Snapshot {
  return demoSnapshot({
    workspaces: [
      team('calm', 'Calm', used(100)),
      team('risk-late', 'Risk-late', {
        ...used(600),
        ...reached(60),
        ...runsOut('2026-11-28T00:00:00.000Z'),
      }),
      team('dry-late', 'Dry-late', { ...dry('2026-11-20T09:00:00.000Z'), ...ana(63, 'email', 70) }),
      team('past-90', 'Past-90', { ...used(920), ...reached(92) }),
      team('risk-soon', 'Risk-soon', {
        ...used(400),
        ...runsOut('2026-11-23T10:00:00.000Z'),
        ...ana(54, 'email', 62),
      }),
      team('busy', 'Busy', { ...used(800), ...reached(80) }),
      team('dry-early', 'Dry-early', dry('2026-11-19T09:00:00.000Z')),
    ],
  });
}

const rowIds = () => screen.getAllByTestId('compact-row').map((r) => r.dataset.workspaceId);

describe('the compact list (the popover’s overview)', () => {
  it('orders pools dry first (earliest), then at risk by run-out, then by percent used', async () => {
    renderApp(fakeClient({ getSnapshot: async () => sevenPools() }));
    await screen.findAllByTestId('compact-row');
    expect(rowIds()).toEqual(['dry-early', 'dry-late', 'risk-soon', 'risk-late', 'past-90', 'busy', 'calm']);
    expect(screen.queryAllByTestId('pool-card')).toHaveLength(0);
    const rows = screen.getAllByTestId('compact-row');
    expect(rows.map((r) => r.dataset.state)).toEqual([
      'dry',
      'dry',
      'at-risk',
      'at-risk',
      'past-threshold',
      'past-threshold',
      'ok',
    ]);
    // Each row: the state as icon and word, the thin bar with the marks, percent, left, resets in.
    const riskSoon = rows[2]!;
    expect(within(riskSoon).getByTestId('state-badge')).toHaveTextContent('At risk');
    expect(within(riskSoon).getAllByTestId('threshold-mark')).toHaveLength(3);
    // 400 of 1,000 used: 40%, 600 left; 1 Dec 00:00 is 9 days 14 hours after 21 Nov 10:00.
    expect(within(riskSoon).getByTestId('compact-numbers')).toHaveTextContent(
      '40% · 600 left · resets in 9d 14h',
    );
    expect(within(rows[0]!).getByTestId('compact-numbers')).toHaveTextContent(
      '100% · 0 of 1,000 left · 42 calls refused · resets in 9d 14h',
    );
  });

  it('says the calls refused this period on a pool that ran dry and was topped up, not only on a dry one', async () => {
    // 1,000 plan credits and a 200-credit top-up after the pool ran dry: 1,100 of 1,200 used, 100 left
    // (91.6 %, past 90 %), and the 3 calls refused while it was dry stay this period's.
    const snapshot = demoSnapshot({
      workspaces: [
        team('topped', 'Topped up', {
          ...reached(90),
          available: 1200,
          bonus: 200,
          used: 1100,
          remaining: 100,
          percentUsed: 91.66,
          blockedCalls: 3,
          exhaustedAt: null,
        }),
      ],
    });
    renderApp(fakeClient({ getSnapshot: async () => snapshot }));
    const [row] = await screen.findAllByTestId('compact-row');
    expect(within(row!).getByTestId('compact-numbers')).toHaveTextContent(
      '91.6% · 100 left · 3 calls refused · resets in 9d 14h',
    );
  });

  it('names the top consumer of each pool that is dry or at risk, in one line', async () => {
    renderApp(fakeClient({ getSnapshot: async () => sevenPools() }));
    await screen.findAllByTestId('compact-row');
    const row = (id: string) =>
      screen.getAllByTestId('compact-row').find((r) => r.dataset.workspaceId === id)!;
    expect(within(row('risk-soon')).getByTestId('top-consumer')).toHaveTextContent(
      'Ana Lima: 54% of this period, mostly email',
    );
    expect(within(row('dry-late')).getByTestId('top-consumer')).toHaveTextContent(
      'Ana Lima: 63% of this period, mostly email',
    );
    // Calm and past-threshold pools keep to their three lines.
    expect(within(row('past-90')).queryByTestId('top-consumer')).toBeNull();
    expect(within(row('calm')).queryByTestId('top-consumer')).toBeNull();
  });

  it('says the worst state in words above the list, and when the data was synced', async () => {
    renderApp(fakeClient({ getSnapshot: async () => sevenPools() }));
    await screen.findAllByTestId('compact-row');
    // Dry-early ran dry 2 days and 1 hour before 21 Nov 10:00 (two whole days), Dry-late 25 hours
    // before (one whole day: "yesterday"); the two pools at risk are counted.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Overview: Dry-early ran dry 2 days ago · Dry-late ran dry yesterday · 2 more at risk',
    );
    // The fixture's last sync: 09:58, two minutes before now.
    expect(screen.getByTestId('overview-synced')).toHaveTextContent('Synced 2 minutes ago');
  });

  it('marks the row of a workspace priced with assumed rules (no catalog version named), only that one', async () => {
    const snapshot = sevenPools();
    const legacy: Snapshot = {
      ...snapshot,
      workspaces: snapshot.workspaces.map((w) => (w.id === 'calm' ? { ...w, catalogVersion: null } : w)),
    };
    renderApp(fakeClient({ getSnapshot: async () => legacy }));
    const rows = await screen.findAllByTestId('compact-row');
    const marked = rows.filter((r) => within(r).queryByTestId('rules-assumed'));
    expect(marked.map((r) => r.dataset.workspaceId)).toEqual(['calm']);
    expect(within(marked[0]!).getByTestId('rules-assumed')).toHaveTextContent('rules assumed');
  });

  it('says the sync failed when the attempt after the last success failed: the tray’s words, not "Synced"', async () => {
    const snapshot = sevenPools();
    // Synced at 09:58; the attempt at 09:59, one minute before now (10:00), failed.
    const failed: Snapshot = {
      ...snapshot,
      sync: {
        ...snapshot.sync,
        offline: false,
        lastError: { message: 'the server answered 503', at: '2026-11-21T09:59:00.000Z' },
      },
    };
    renderApp(fakeClient({ getSnapshot: async () => failed }));
    await screen.findAllByTestId('compact-row');
    expect(screen.getByTestId('overview-synced')).toHaveTextContent(/^Sync failed 1 minute ago$/);
    expect(screen.getByTestId('sync-error-banner')).toHaveTextContent(
      /^Sync failed 1 minute ago: the server answered 503$/,
    );
  });

  it('puts pinned workspaces on top, marked, and leaves hidden ones out', async () => {
    const client = fakeClient({
      getSnapshot: async () => sevenPools(),
      getSettings: async () =>
        settingsFixture({ overview: { pinned: ['calm'], hidden: ['dry-late', 'busy'], sort: 'name' } }),
    });
    renderApp(client);
    await waitFor(() => expect(rowIds()[0]).toBe('calm'));
    // The popover always sorts by urgency; the window's "name" choice does not apply here.
    expect(rowIds()).toEqual(['calm', 'dry-early', 'risk-soon', 'risk-late', 'past-90']);
    expect(
      within(screen.getAllByTestId('compact-row')[0]!).getByTitle('Pinned to the top'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('hidden-workspaces')).toHaveTextContent('2 hidden workspaces');
  });

  it('moves with the arrow keys, opens a row with Enter, and Escape comes back to that row', async () => {
    const user = userEvent.setup();
    renderApp(fakeClient({ getSnapshot: async () => sevenPools() }));
    await screen.findAllByTestId('compact-row');
    const focused = () => (document.activeElement as HTMLElement | null)?.dataset.workspaceId;
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('dry-early');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('risk-late');
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('risk-soon');
    await user.keyboard('{End}');
    expect(focused()).toBe('calm');
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('risk-soon');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Risk-soon' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(focused()).toBe('risk-soon'));
    expect(window.location.hash).toBe('#/overview');
  });

  it('with only workspaces kept by hand, says when the last reading was taken and offers no Sync now', async () => {
    const byHand = (id: string, at: string) => ({
      ...team(id, id, used(300)),
      source: 'manual' as const,
      freshness: { kind: 'live' as const, lastSyncAt: at, ageSeconds: 0, basis: 'reading' as const },
    });
    renderApp(
      fakeClient({
        getSnapshot: async () =>
          demoSnapshot({
            // Nothing syncs: no account, only workspaces kept by hand.
            mode: 'accounts',
            accounts: [],
            sync: { running: false, lastSuccessAt: null, lastError: null, nextSyncAt: null, offline: false },
            // The newer reading counts: 21 Nov 07:00 is 3 hours before now (10:00).
            workspaces: [byHand('a', '2026-11-19T10:00:00.000Z'), byHand('b', '2026-11-21T07:00:00.000Z')],
          }),
      }),
    );
    expect(await screen.findByTestId('overview-synced')).toHaveTextContent(/^Last reading 3 hours ago$/);
    // Two pools at 30 %, no threshold reached, no run-out: nothing to name.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Overview: Both pools OK');
    // Sync now would do nothing here: the header leaves it out, each row offers its reading.
    expect(screen.queryByRole('button', { name: /Sync now/ })).toBeNull();
    expect(screen.getAllByTestId('record-reading')).toHaveLength(2);
  });
});

describe('a workspace kept by hand in the popover', () => {
  /** Support studio: 300 of 1,000 used, its last reading typed at 07:00, three hours before now. */
  function manualOnly(lastReadingAt: string | null, basis: 'reading' | 'import' = 'reading'): Snapshot {
    return demoSnapshot({
      mode: 'accounts',
      sync: { ...demoSnapshot().sync, lastSuccessAt: null },
      workspaces: [
        {
          ...team('studio', 'Support studio', used(300)),
          source: 'manual',
          freshness: { kind: 'live', lastSyncAt: lastReadingAt, ageSeconds: 0, basis },
        },
      ],
    });
  }

  it('says "manual" and offers "Record reading" beside the row, which opens the reading field', async () => {
    const user = userEvent.setup({ advanceTimers: () => undefined });
    renderApp(fakeClient({ getSnapshot: async () => manualOnly('2026-11-21T07:00:00.000Z') }));
    const row = await screen.findByTestId('compact-row');
    expect(within(row).getByTestId('source-label')).toHaveTextContent('manual');
    // 1,000 − 300 = 700 left; the row's link still opens the workspace.
    expect(within(row).getByTestId('compact-numbers')).toHaveTextContent('30% · 700 left');
    expect(row).toHaveAttribute('href', '#/workspace/studio');
    const record = screen.getByRole('link', { name: 'Record reading of Support studio' });
    expect(row).not.toContainElement(record);
    expect(record).toHaveAttribute('href', '#/reading/studio/integration');
    await user.click(record);
    expect(await screen.findByTestId('reading-screen')).toBeInTheDocument();
    // The screen is there to type one number: its field has the focus, not the heading.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Credits left' })).toHaveFocus());
    // Escape leaves the field, then the screen, back onto the row it came from.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByTestId('compact-row')).toHaveFocus());
  });

  it('says when the newest reading was typed instead of "Not synced yet"', async () => {
    renderApp(fakeClient({ getSnapshot: async () => manualOnly('2026-11-21T07:00:00.000Z') }));
    await screen.findByTestId('compact-row');
    expect(screen.getByTestId('overview-synced')).toHaveTextContent('Last reading 3 hours ago');
  });

  it('says there is no reading or import yet for a workspace just added', async () => {
    renderApp(fakeClient({ getSnapshot: async () => manualOnly(null) }));
    await screen.findByTestId('compact-row');
    expect(screen.getByTestId('overview-synced')).toHaveTextContent('No reading or import yet');
  });

  it('fed by a CSV import, says when its newest imported event was, not "No reading yet"', async () => {
    renderApp(fakeClient({ getSnapshot: async () => manualOnly('2026-11-21T07:00:00.000Z', 'import') }));
    await screen.findByTestId('compact-row');
    expect(screen.getByTestId('overview-synced')).toHaveTextContent('Newest imported event 3 hours ago');
  });
});
