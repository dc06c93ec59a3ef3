import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OverviewScreen } from '../../../../src-renderer/features/overview/overview-screen';
import { demoSnapshot } from '../../fixtures/snapshot';
import { bigSnapshot } from '../../fixtures/snapshot-20';
import { renderWithStore } from '../../render';

describe('OverviewScreen', () => {
  it('shows one card per workspace and pool: Base44 has two', () => {
    renderWithStore(<OverviewScreen />, { state: { snapshot: demoSnapshot(), snapshotStatus: 'ready' } });
    const cards = screen.getAllByTestId('pool-card');
    expect(cards.map((c) => `${c.dataset.workspaceId}:${c.dataset.pool}`)).toEqual([
      'zite-pro:integration',
      'zite-team:integration',
      'base44-studio:integration',
      'base44-studio:message',
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
