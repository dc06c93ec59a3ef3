import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { HistoryScreen } from '../../../../src-renderer/features/history/history-screen';
import { fakeClient } from '../../fake-client';
import { historyResult, periodReport } from '../../fixtures/report';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

const state = { snapshot: demoSnapshot() };

describe('HistoryScreen', () => {
  it('opens the newest closed month and reviews it: totals, crossings, ran dry, change', async () => {
    const { client } = renderWithStore(<HistoryScreen />, { state });
    const review = await screen.findByTestId('month-review');
    expect(review).toHaveAttribute('data-period', '2026-10');
    expect(client.getHistory).toHaveBeenCalledWith({ period: '2026-10' });
    expect(screen.getByLabelText('Month')).toHaveValue('2026-10');

    const zite = screen.getAllByTestId('pool-review')[0]!;
    expect(within(zite).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Zite Pro · Integration credits',
    );
    expect(within(zite).getByTestId('review-used')).toHaveTextContent('37,700 of 50,000');
    expect(within(zite).getByTestId('review-used')).toHaveAttribute('data-value', '37700');
    expect(within(zite).getByTestId('review-percent')).toHaveTextContent('75.4%');
    expect(within(zite).getByTestId('review-change')).toHaveTextContent(
      '+4,700 (+14.2%) vs the period from Sep 1',
    );
    expect(within(zite).getByTestId('crossings')).toHaveTextContent('50%: reached Oct 17, 9:12 AM');
    expect(within(zite).getByTestId('crossings')).toHaveTextContent('100%: not reached');
    expect(within(zite).getByTestId('ran-dry')).toHaveTextContent('Never ran dry');
    expect(within(zite).getByRole('region', { name: 'By member' })).toHaveTextContent('Ana Ruiz');

    const base44 = screen.getAllByTestId('pool-review')[1]!;
    expect(within(base44).getByTestId('ran-dry')).toHaveTextContent('Ran dry Nov 9, 7:30 AM');
    expect(within(base44).getByTestId('review-blocked')).toHaveTextContent('212');

    const daily = screen.getAllByTestId('pool-review')[2]!;
    expect(within(daily).getByTestId('ran-dry')).toHaveTextContent('Oct 1, Oct 4');
    await waitFor(() => expect(document.body.dataset.historyReady).toBe('2026-10'));
    expect(document.body.dataset.historyMs).toBeDefined();
  });

  it('shows the running month as in progress: used so far, days left, the line up to today, the change to date', async () => {
    const user = userEvent.setup();
    renderWithStore(<HistoryScreen />, { state });
    await screen.findByTestId('month-review');
    await user.selectOptions(screen.getByLabelText('Month'), '2026-11');
    await waitFor(() => expect(screen.getByTestId('month-review')).toHaveAttribute('data-period', '2026-11'));
    const zite = screen.getByTestId('pool-review');
    expect(zite).toHaveAttribute('data-period-state', 'in-progress');
    // 9 days 14 hours to the Dec 1 reset: 9 days, counted down.
    expect(within(zite).getByTestId('period-state')).toHaveTextContent(
      'In progress · 9 days left, resets Dec 1',
    );
    expect(within(zite).getByText('Used so far', { selector: 'dt' })).toBeInTheDocument();
    expect(within(zite).getByTestId('review-used')).toHaveTextContent('21,000 of 50,000');
    expect(within(zite).getByTestId('ran-dry')).toHaveTextContent('Has not run dry so far');
    expect(within(zite).getByTestId('ran-dry')).not.toHaveTextContent('Never ran dry');
    expect(within(zite).getByTestId('review-change')).toHaveTextContent(
      '-3,000 (-12.5%) vs the period from Oct 1 at the same point',
    );
    // The line stops at today (21 points) and the projection carries on, dashed, to the reset.
    expect(within(zite).getByTestId('chart-projection')).toBeInTheDocument();
    // Nothing made up for the pools with nothing to review.
    const empty = screen.getAllByTestId('empty-pool');
    expect(empty.map((e) => e.dataset.periodState)).toEqual(['no-data', 'not-started']);
    expect(empty[0]).toHaveTextContent('Zite Team · Integration credits: no data.');
    expect(empty[1]).toHaveTextContent('its period starts Nov 25; nothing to review yet.');
    expect(screen.queryByText(/-100/)).toBeNull();
  });

  it("opens a month of many workspaces as one table, and a name as that workspace's full review", async () => {
    const user = userEvent.setup();
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
    const client = fakeClient({
      getHistory: vi.fn(async ({ period, workspaceId }) => many(period, workspaceId)),
    });
    renderWithStore(<HistoryScreen />, { client, state });
    const rows = await screen.findAllByTestId('glance-row');
    expect(rows).toHaveLength(8);
    expect(within(rows[2]!).getByTestId('glance-used')).toHaveAttribute('data-value', '3000');
    expect(within(rows[2]!).getByTestId('glance-blocked')).toHaveTextContent('2');
    expect(screen.queryAllByTestId('pool-review')).toHaveLength(0);
    expect(screen.getByTestId('glance-hint')).toBeInTheDocument();

    await user.click(within(rows[4]!).getByRole('button', { name: 'Team ws-5' }));
    await waitFor(() =>
      expect(client.getHistory).toHaveBeenLastCalledWith({ period: '2026-10', workspaceId: 'ws-5' }),
    );
    const review = await screen.findByTestId('pool-review');
    expect(review).toHaveAttribute('data-workspace-id', 'ws-5');
    expect(screen.queryByTestId('month-glance')).toBeNull(); // one pool: its review says it all
  });

  it('compares two months side by side', async () => {
    const user = userEvent.setup();
    renderWithStore(<HistoryScreen />, { state });
    await screen.findByTestId('month-review');
    await user.selectOptions(screen.getByLabelText('Compare with'), '2026-09');
    const table = await screen.findByTestId('month-compare');
    expect(within(table).getByRole('heading')).toHaveTextContent('October 2026 against September 2026');
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Zite Pro');
    expect(row).toHaveTextContent('37,700');
    expect(row).toHaveTextContent('33,000');
    expect(row).toHaveTextContent('+4,700 (+14.2%)');
    expect(
      screen.getAllByRole('img', { name: /October 2026 against September 2026/ }).length,
    ).toBeGreaterThan(0);
    await waitFor(() => expect(document.body.dataset.historyCompare).toBe('2026-09'));
  });

  it('opens another month when picked, and filters by workspace', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<HistoryScreen />, { state });
    await screen.findByTestId('month-review');
    await user.selectOptions(screen.getByLabelText('Month'), '2026-09');
    await waitFor(() => expect(screen.getByTestId('month-review')).toHaveAttribute('data-period', '2026-09'));
    await user.selectOptions(screen.getByLabelText('Workspace'), 'zite-pro');
    await waitFor(() =>
      expect(client.getHistory).toHaveBeenLastCalledWith({ period: '2026-09', workspaceId: 'zite-pro' }),
    );
  });

  it('exports CSV through the contract and offers the file as a download', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:creditbar-csv');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { client } = renderWithStore(<HistoryScreen />, { state });
    await screen.findByTestId('month-review');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(client.exportHistory).toHaveBeenCalledWith({ period: '2026-10', format: 'csv' });
    const link = await screen.findByTestId('download-link');
    expect(link).toHaveAttribute('href', 'blob:creditbar-csv');
    expect(link).toHaveAttribute('download', 'creditbar-2026-10.csv');
    expect(click).toHaveBeenCalled();
    const blob = createObjectURL.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('text/csv');
    createObjectURL.mockRestore();
    click.mockRestore();
  });

  it('says what failed when an export fails', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      exportHistory: async () => {
        throw new Error(
          "Error invoking remote method 'history:export': Error: The cache is locked by another process.",
        );
      },
    });
    renderWithStore(<HistoryScreen />, { client, state });
    await screen.findByTestId('month-review');
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export failed: The cache is locked by another process.',
    );
  });

  it('has an empty state without history and an error state with a retry', async () => {
    const empty = fakeClient({ getHistoryMonths: async () => [] });
    const { unmount } = renderWithStore(<HistoryScreen />, { client: empty, state });
    expect(await screen.findByText('No history yet.')).toBeInTheDocument();
    unmount();

    let fail = true;
    const flaky = fakeClient({
      getHistory: async ({ period }) => {
        if (fail) throw new Error('The month could not be read from the cache.');
        return (await import('../../fixtures/report')).historyResult(period);
      },
    });
    const user = userEvent.setup();
    renderWithStore(<HistoryScreen />, { client: flaky, state });
    expect(await screen.findByRole('alert')).toHaveTextContent('October 2026 could not be reviewed.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('month-review')).toBeInTheDocument();
  });
});
