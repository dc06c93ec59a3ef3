import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AlertsScreen, sortAlerts } from '../../../../src-renderer/features/alerts/alerts-screen';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

describe('AlertsScreen', () => {
  it('lists every alert newest first with its time and delivery state', () => {
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot() } });
    const items = within(screen.getByRole('list', { name: 'Raised alerts, newest first' })).getAllByRole(
      'listitem',
    );
    expect(items.map((i) => i.dataset.kind)).toEqual(['threshold', 'exhausted', 'threshold']);
    expect(items[0]).toHaveTextContent('Threshold 90% reached · Base44 Studio · Message credits');
    expect(items[0]).toHaveTextContent('Nov 21, 8:10 AM');
    expect(within(items[0]!).getByTestId('delivery')).toHaveTextContent('Notified');
    expect(within(items[1]!).getByTestId('delivery')).toHaveTextContent('Queued');
  });

  it('sorts by when the app raised them, whatever order they come in', () => {
    const alerts = demoSnapshot().alerts;
    expect(sortAlerts([...alerts].reverse()).map((a) => a.key)).toEqual(alerts.map((a) => a.key));
  });

  it('filters by workspace', async () => {
    const user = userEvent.setup();
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot() } });
    await user.selectOptions(screen.getByLabelText('Workspace'), 'zite-pro');
    expect(screen.getAllByTestId('alert-item')).toHaveLength(1);
  });

  it('pauses notifications for an hour and resumes them', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot() } });
    expect(screen.getByRole('button', { name: 'Resume notifications' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Pause for 1 hour' }));
    expect(client.snoozeAlerts).toHaveBeenCalledWith({ for: '1h' });
    await waitFor(() => expect(store.getState().snapshot?.pausedUntil).toBe('2026-11-21T11:00:00.000Z'));
    await user.click(screen.getByRole('button', { name: 'Pause until tomorrow' }));
    expect(client.snoozeAlerts).toHaveBeenLastCalledWith({ for: 'tomorrow' });
  });

  it('shows the pause and lets it be lifted', async () => {
    const user = userEvent.setup();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const { client } = renderWithStore(<AlertsScreen />, {
      state: { snapshot: demoSnapshot({ pausedUntil: future }) },
    });
    expect(screen.getByTestId('snooze-state')).toHaveTextContent('Paused until');
    await user.click(screen.getByRole('button', { name: 'Resume notifications' }));
    expect(client.snoozeAlerts).toHaveBeenCalledWith({ for: 'off' });
  });

  it('has an empty state', () => {
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot({ alerts: [] }) } });
    expect(screen.getByText('No alerts yet.')).toBeInTheDocument();
  });
});
