import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { OverviewScreen } from '../../../../src-renderer/features/overview/overview-screen';
import { demoSnapshot } from '../../fixtures/snapshot';
import { settingsFixture } from '../../fixtures/settings';
import { bigSnapshot } from '../../fixtures/snapshot-20';
import { renderWithStore } from '../../render';

describe('OverviewScreen', () => {
  it('shows one card per workspace and pool (Base44 has two), most urgent first', () => {
    renderWithStore(<OverviewScreen />, { state: { snapshot: demoSnapshot(), snapshotStatus: 'ready' } });
    const cards = screen.getAllByTestId('pool-card');
    // By the fixture's numbers: Base44's integration pool is dry; its message pool runs out on Nov 21,
    // Zite Pro's on Nov 30 (both before the reset: at risk, the sooner first); Zite Team lasts.
    expect(cards.map((c) => `${c.dataset.workspaceId}:${c.dataset.pool}`)).toEqual([
      'base44-studio:integration',
      'base44-studio:message',
      'zite-pro:integration',
      'zite-team:integration',
    ]);
    // 93.2 % used and projected to run dry tonight, 23 days before its reset: at risk.
    expect(screen.getByRole('article', { name: 'Base44 Studio, message credits' })).toHaveAttribute(
      'data-state',
      'at-risk',
    );
  });

  it('draws 20 workspaces and leaves a render measure for the performance check', async () => {
    performance.mark('creditbar:snapshot-received');
    renderWithStore(<OverviewScreen />, { state: { snapshot: bigSnapshot(20), snapshotStatus: 'ready' } });
    expect(screen.getAllByTestId('pool-card')).toHaveLength(20);
    await waitFor(() => expect(document.body.dataset.overviewMs).toBeDefined());
    expect(performance.getEntriesByName('creditbar:overview-rendered')).toHaveLength(1);
    expect(performance.getEntriesByName('creditbar:overview')).toHaveLength(1);
  });

  it('says there are no workspaces, rather than showing nothing', () => {
    const snapshot = demoSnapshot({ workspaces: [] });
    renderWithStore(<OverviewScreen />, { state: { snapshot, snapshotStatus: 'ready' } });
    expect(screen.getByText('No workspaces yet.')).toBeInTheDocument();
  });

  it('says the first sync is running when there is nothing yet to show', () => {
    const s = demoSnapshot({ workspaces: [] });
    renderWithStore(<OverviewScreen />, {
      state: { snapshot: { ...s, sync: { ...s.sync, running: true, lastSuccessAt: null } } },
    });
    expect(screen.getByRole('status')).toHaveTextContent('The first sync is still running');
  });
});

describe('OverviewScreen in the window: the sort choice', () => {
  it('sorts the cards by name when the lead picks it, and saves the choice', async () => {
    const user = userEvent.setup();
    // Zite Team renamed "Acme Ops": last by urgency (it lasts to the reset), first by name.
    const snap = demoSnapshot();
    const workspaces = snap.workspaces.map((w) => (w.id === 'zite-team' ? { ...w, name: 'Acme Ops' } : w));
    const { client } = renderWithStore(<OverviewScreen />, {
      state: { snapshot: { ...snap, workspaces }, snapshotStatus: 'ready', settings: settingsFixture() },
    });
    const order = () =>
      screen.getAllByTestId('pool-card').map((c) => `${c.dataset.workspaceId}:${c.dataset.pool}`);
    expect(order()[3]).toBe('zite-team:integration');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Name');
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      overview: { pinned: [], hidden: [], sort: 'name' },
    });
    // Acme Ops, Base44 Studio (integration, then message), Zite Pro: by name, then pool kind.
    expect(order()).toEqual([
      'zite-team:integration',
      'base44-studio:integration',
      'base44-studio:message',
      'zite-pro:integration',
    ]);
  });
});

describe('the overview headline', () => {
  it('names pools past a threshold when none is dry or at risk, and says when all is well', () => {
    const calm = demoSnapshot();
    // Only Zite Team (23 %) and a Zite Pro that lasts to the reset, past its 50 % mark.
    const pro = calm.workspaces[0]!;
    const lasting = {
      ...pro,
      pools: [
        {
          ...pro.pools[0]!,
          forecast: { ...pro.pools[0]!.forecast, runsOutAt: null },
          balance: 'past-threshold' as const,
          state: 'past-threshold' as const,
          passedThreshold: 50,
        },
      ],
    };
    renderWithStore(<OverviewScreen />, {
      state: { snapshot: { ...calm, workspaces: [lasting, calm.workspaces[1]!] }, snapshotStatus: 'ready' },
    });
    expect(screen.getByTestId('overview-headline')).toHaveTextContent('Zite Pro is past 50%');
  });

  it('never says OK about a pool whose card says Stale: a workspace imported from a ledger, never synced', () => {
    const calm = demoSnapshot();
    const team = calm.workspaces[1]!;
    // Zite Team's numbers alone are OK (23 %), but nothing ever synced them: its card says "Stale".
    const imported = {
      ...team,
      source: 'ledger' as const,
      freshness: { kind: 'stale' as const, lastSyncAt: null, ageSeconds: null },
      pools: team.pools.map((p) => ({ ...p, state: 'stale' as const, balance: 'ok' as const })),
    };
    renderWithStore(<OverviewScreen />, {
      state: {
        snapshot: { ...calm, workspaces: [imported], sync: { ...calm.sync, lastSuccessAt: null } },
        snapshotStatus: 'ready',
      },
    });
    expect(screen.getByTestId('pool-card')).toHaveAttribute('data-state', 'stale');
    expect(screen.getByTestId('overview-headline')).toHaveTextContent('Stale data: Zite Team');
    expect(screen.getByTestId('overview-synced')).toHaveTextContent('Not synced yet');
  });

  it('says all pools are OK', () => {
    const calm = demoSnapshot();
    renderWithStore(<OverviewScreen />, {
      state: { snapshot: { ...calm, workspaces: [calm.workspaces[1]!] }, snapshotStatus: 'ready' },
    });
    expect(screen.getByTestId('overview-headline')).toHaveTextContent('The pool is OK');
  });
});
