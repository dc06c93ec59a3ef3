import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseBudgets } from '../../../../src-renderer/features/settings/budgets-section';
import { SettingsScreen } from '../../../../src-renderer/features/settings/settings-screen';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

function setup(client = fakeClient()) {
  const settings = settingsFixture();
  const user = userEvent.setup();
  const r = renderWithStore(<SettingsScreen />, {
    client,
    state: { settings, settingsStatus: 'ready', snapshot: demoSnapshot() },
  });
  return { ...r, user, settings };
}

describe('SettingsScreen', () => {
  it('saves member budgets per workspace; an empty field means no budget', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    expect(within(form).getByLabelText('Ana Ruiz')).toHaveValue('12000');
    await user.clear(within(form).getByLabelText('Ben Okafor'));
    await user.type(within(form).getByLabelText('Chloé Martin'), '5000');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      budgets: { 'zite-pro': { ana: 12_000, chloe: 5_000 } },
    });
  });

  it('refuses a budget that is not a positive number', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    await user.clear(within(form).getByLabelText('Ana Ruiz'));
    await user.type(within(form).getByLabelText('Ana Ruiz'), '-3');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(within(form).getByText(/A budget is a number of credits above 0/)).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();
    expect(parseBudgets({ a: '', b: '10' })).toEqual({ ok: true, value: { b: 10 } });
  });

  it('switches a notification kind off everywhere, or in one workspace', async () => {
    const { user, client, settings } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Mid-period audit' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      notifications: {
        ...settings.notifications,
        kinds: { ...settings.notifications.kinds, 'mid-period-audit': false },
      },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Drift from server for Zite Team' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      notifications: expect.objectContaining({ mutedByWorkspace: { 'zite-team': ['drift'] } }),
    });
  });

  it('validates the sync interval and saves it with the stale limit', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Sync' });
    const interval = within(form).getByLabelText('Sync every (minutes)');
    await user.clear(interval);
    await user.type(interval, '0');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(within(form).getByText(/from 1 to 1440/)).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();
    await user.clear(interval);
    await user.type(interval, '15');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(client.updateSettings).toHaveBeenCalledWith({ syncIntervalMinutes: 15, staleAfterMinutes: 30 });
  });

  it('saves quiet hours, start at login and the theme', async () => {
    const { user, client } = setup();
    const quiet = screen.getByRole('form', { name: 'Quiet hours' });
    await user.click(within(quiet).getByRole('checkbox', { name: 'Hold notifications during quiet hours' }));
    await user.click(within(quiet).getByRole('button', { name: 'Save quiet hours' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Start Creditbar at login' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({ startAtLogin: true });
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({ theme: 'dark' });
  });

  it("says when a save fails, in the form's own words", async () => {
    const client = fakeClient({
      updateSettings: async () => {
        throw new Error(
          "Error invoking remote method 'settings:update': Error: The settings file is read-only.",
        );
      },
    });
    const { user } = setup(client);
    await user.click(screen.getByRole('checkbox', { name: 'Start Creditbar at login' }));
    expect(await screen.findByText('Not saved: The settings file is read-only.')).toBeInTheDocument();
  });

  it('shows loading and error states instead of an empty screen', async () => {
    const client = fakeClient();
    const user = userEvent.setup();
    const { store } = renderWithStore(<SettingsScreen />, {
      client,
      state: { settingsStatus: 'error', settingsError: 'The settings could not be read.' },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('Settings could not be read.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(client.getSettings).toHaveBeenCalled();
    expect(store.getState().settingsStatus).toBe('ready');
  });
});
