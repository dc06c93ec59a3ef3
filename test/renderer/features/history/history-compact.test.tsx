import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPACT_QUERY } from '../../../../src-renderer/app/use-compact';
import { HistoryScreen } from '../../../../src-renderer/features/history/history-screen';
import { fakeClient } from '../../fake-client';
import { historyResult, periodReport } from '../../fixtures/report';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

/** jsdom has no layout: the popover's width is played by a matchMedia that matches the compact query. */
function popoverWidth(matches: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matches && query === COMPACT_QUERY,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(() => popoverWidth(true));
afterEach(() => vi.unstubAllGlobals());

const many = (period: string, workspaceId?: string) => {
  const base = historyResult(period);
  const ids = Array.from({ length: 8 }, (_, i) => `ws-${i + 1}`);
  const pools = ids
    .filter((id) => !workspaceId || id === workspaceId)
    .map((id, i) => periodReport({ workspaceId: id, used: 1000 * (i + 1), blockedCalls: i }));
  return {
    ...base,
    report: { ...base.report, pools },
    names: Object.fromEntries(ids.map((id) => [id, `Team ${id}`])),
  };
};

describe('History at the popover’s width', () => {
  it('shows the month at a glance as a stacked list, not a six-column table', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      getHistory: vi.fn(async ({ period, workspaceId }) => many(period, workspaceId)),
    });
    renderWithStore(<HistoryScreen />, { client, state: { snapshot: demoSnapshot() } });
    const rows = await screen.findAllByTestId('glance-row');
    expect(rows).toHaveLength(8);
    const glance = screen.getByTestId('month-glance');
    expect(within(glance).queryByRole('table')).toBeNull();
    expect(within(glance).getByRole('list')).toBeInTheDocument();
    // Each block says the same as the table's row: used of what it held with the percent, blocked, dry, change.
    const third = rows[2]!;
    expect(within(third).getByTestId('glance-used')).toHaveAttribute('data-value', '3000');
    expect(within(third).getByText('Blocked calls').nextElementSibling).toHaveTextContent('2');
    expect(within(third).getByText('Ran dry').nextElementSibling).toHaveTextContent('Never');

    // Arrow keys move along the names; Enter opens that workspace's full review.
    within(rows[0]!).getByRole('button', { name: 'Team ws-1' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(within(rows[2]!).getByRole('button', { name: 'Team ws-3' }));
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(client.getHistory).toHaveBeenLastCalledWith({ period: '2026-10', workspaceId: 'ws-3' }),
    );
  });

  it('keeps the table in a wide window', async () => {
    popoverWidth(false);
    const client = fakeClient({
      getHistory: vi.fn(async ({ period, workspaceId }) => many(period, workspaceId)),
    });
    renderWithStore(<HistoryScreen />, { client, state: { snapshot: demoSnapshot() } });
    await screen.findAllByTestId('glance-row');
    expect(within(screen.getByTestId('month-glance')).getByRole('table')).toBeInTheDocument();
  });
});
