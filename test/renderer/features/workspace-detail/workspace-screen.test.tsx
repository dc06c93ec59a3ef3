import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WorkspaceScreen } from '../../../../src-renderer/features/workspace-detail/workspace-screen';
import { demoSnapshot, workspaceCard } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

describe('WorkspaceScreen', () => {
  it('shows each pool with charts, breakdowns, budgets and advisors', () => {
    renderWithStore(<WorkspaceScreen workspaceId="zite-pro" />, { state: { snapshot: demoSnapshot() } });
    expect(screen.getByRole('heading', { level: 1, name: 'Zite Pro' })).toBeInTheDocument();
    const pool = screen.getByTestId('pool-detail');
    expect(within(pool).getByRole('img', { name: /use so far this period/ })).toBeInTheDocument();
    expect(
      within(pool)
        .getAllByTestId('chart-threshold')
        .map((t) => t.dataset.value),
    ).toEqual(['25000', '45000', '50000']);
    expect(within(pool).getByTestId('chart-projection')).toBeInTheDocument();
    const members = within(pool).getByRole('region', { name: 'By member: who drained the pool' });
    expect(within(members).getAllByRole('listitem')[0]).toHaveTextContent('Ana Ruiz14,200 · 46%');
    expect(within(pool).getByRole('region', { name: 'Member budgets' })).toHaveTextContent(
      'Over budget since',
    );
    expect(within(pool).getByTestId('plan-fit')).toHaveTextContent(
      'Pro (50,000) does not; Business (250,000) would.',
    );
    expect(within(pool).getByRole('table', { name: 'Cache candidates' })).toHaveTextContent('1,374');
  });

  it('counts blocked calls since a pool ran dry, and names unknown actions', () => {
    renderWithStore(<WorkspaceScreen workspaceId="base44-studio" />, { state: { snapshot: demoSnapshot() } });
    expect(screen.getAllByTestId('pool-detail')).toHaveLength(2);
    expect(screen.getByTestId('blocked-calls')).toHaveTextContent('134 calls blocked since the pool ran dry');
    expect(screen.getByText(/rate card does not know them: vision/)).toBeInTheDocument();
  });

  it('names the rules a workspace is priced by, and says when they are an assumption', () => {
    const snapshot = demoSnapshot();
    const named = workspaceCard({ id: 'named', name: 'Named', catalogVersion: '2026-05-seed' });
    const silent = workspaceCard({ id: 'silent', name: 'Silent', catalogVersion: null });
    const state = { snapshot: { ...snapshot, workspaces: [named, silent] } };
    const first = renderWithStore(<WorkspaceScreen workspaceId="named" />, { state });
    expect(screen.getByTestId('workspace-facts')).toHaveTextContent(
      'Zite · Pro plan · rules 2026-05-seed · 3 members',
    );
    expect(screen.queryByTestId('rules-assumption')).toBeNull();
    first.unmount();
    renderWithStore(<WorkspaceScreen workspaceId="silent" />, { state });
    expect(screen.getByTestId('workspace-facts')).toHaveTextContent(
      "Zite · Pro plan · the seed's rules (assumed) · 3 members",
    );
    expect(screen.getByTestId('rules-assumption')).toHaveTextContent(
      "Priced and sized with the seed's rules, an assumption: the account API does not say which rules this plan is on.",
    );
  });

  it('shows member budgets under the integration pool only: they count integration credits', () => {
    renderWithStore(<WorkspaceScreen workspaceId="base44-studio" />, { state: { snapshot: demoSnapshot() } });
    const [integration, message] = screen.getAllByTestId('pool-detail');
    expect(within(integration!).getByRole('region', { name: 'Member budgets' })).toBeInTheDocument();
    expect(within(message!).queryByRole('region', { name: 'Member budgets' })).toBeNull();
  });

  it('says when the workspace is gone', () => {
    renderWithStore(<WorkspaceScreen workspaceId="nope" />, { state: { snapshot: demoSnapshot() } });
    expect(screen.getByRole('heading', { name: 'Workspace not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '#/overview');
  });
});
