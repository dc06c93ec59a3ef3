import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NavBar } from '../../../../src-renderer/app/nav-bar';
import { AlertsScreen, sortAlerts } from '../../../../src-renderer/features/alerts/alerts-screen';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

describe('AlertsScreen', () => {
  it('lists every alert newest first with its time and delivery state', () => {
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot() } });
    const items = within(
      screen.getByRole('list', { name: 'Raised alerts, open ones first, newest first' }),
    ).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.kind)).toEqual(['threshold', 'exhausted', 'threshold']);
    expect(items[0]).toHaveTextContent('90% used · Base44 Studio · Message credits');
    expect(items[0]).toHaveTextContent('Nov 21, 8:10 AM');
    expect(within(items[0]!).getByTestId('delivery')).toHaveTextContent('Notified');
    expect(within(items[1]!).getByTestId('delivery')).toHaveTextContent('Queued');
  });

  it("writes the meta line in the snapshot's zone, the one main words the sentence in (browser mode's may differ)", () => {
    // The first alert happened at 08:10 UTC on Nov 21: 17:10 in Tokyo (UTC+9), whatever zone this runs in.
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot({ timeZone: 'Asia/Tokyo' }) } });
    const items = within(
      screen.getByRole('list', { name: 'Raised alerts, open ones first, newest first' }),
    ).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Nov 21, 5:10 PM');
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

  it('acknowledges an alert: the tab count drops at once, and it moves below the open ones', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(
      <>
        <NavBar />
        <AlertsScreen />
      </>,
      { state: { snapshot: demoSnapshot() } },
    );
    expect(screen.getByTestId('alert-count')).toHaveTextContent('3');
    await user.click(screen.getByRole('button', { name: 'Acknowledge: 90% used, Base44 Studio' }));
    expect(client.acknowledgeAlerts).toHaveBeenCalledWith({
      keys: ['base44-studio|message|2026-11-15T00:00:00.000Z|threshold|90'],
    });
    expect(screen.getByTestId('alert-count')).toHaveTextContent('2');
    expect(store.getState().snapshot!.alerts.filter((a) => !a.acknowledgedAt)).toHaveLength(2);
    const items = screen.getAllByTestId('alert-item');
    expect(items.at(-1)).toHaveAttribute('data-acknowledged', 'true');
    expect(items.at(-1)).toHaveTextContent('acknowledged');
  });

  it("acknowledges all of a workspace's alerts at once", async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot() } });
    await user.selectOptions(screen.getByLabelText('Workspace'), 'base44-studio');
    await user.click(screen.getByRole('button', { name: 'Acknowledge all of Base44 Studio' }));
    expect(client.acknowledgeAlerts).toHaveBeenCalledWith({ workspaceId: 'base44-studio' });
    expect(screen.getByTestId('open-count')).toHaveTextContent('1 not acknowledged yet.');
  });

  it('opens the workspace of an alert, and never names a raw workspace id', () => {
    const gone = {
      ...demoSnapshot().alerts[0]!,
      key: 'ws-7f3a|integration|2026-11-01T00:00:00.000Z|threshold|50',
      workspaceId: 'ws-7f3a',
      workspaceName: 'Globex',
    };
    renderWithStore(<AlertsScreen />, {
      state: { snapshot: demoSnapshot({ alerts: [...demoSnapshot().alerts, gone] }) },
    });
    expect(screen.getAllByRole('link', { name: /Base44 Studio/ })[0]).toHaveAttribute(
      'href',
      '#/workspace/base44-studio',
    );
    const item = screen.getAllByTestId('alert-item').find((i) => i.dataset.workspaceId === 'ws-7f3a')!;
    expect(item).toHaveTextContent('Globex');
    expect(item).not.toHaveTextContent('ws-7f3a');
  });

  it.each([
    [{ state: 'off', until: null }, 'Off: desktop notifications are switched off in Settings.'],
    [{ state: 'quiet', until: '2026-11-22T07:00:00.000Z' }, 'Held until Nov 22, 7:00 AM (quiet hours).'],
    [{ state: 'on', until: null }, 'On: you are notified as alerts are raised.'],
  ] as const)('says what the notifications do now: %j', (notifications, text) => {
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot({ notifications }) } });
    expect(screen.getByTestId('snooze-state')).toHaveTextContent(text);
  });

  it('has an empty state', () => {
    renderWithStore(<AlertsScreen />, { state: { snapshot: demoSnapshot({ alerts: [] }) } });
    expect(screen.getByText('No alerts yet.')).toBeInTheDocument();
  });
});
