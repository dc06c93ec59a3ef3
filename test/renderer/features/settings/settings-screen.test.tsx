import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { parseBudgets } from '../../../../src-renderer/features/settings/budgets-section';
import { SettingsScreen } from '../../../../src-renderer/features/settings/settings-screen';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

/** The demo where Base44 Studio's account gives Hana a budget of 6,000 credits (the lead set none there). */
function snapshotWithAccountBudget() {
  const snapshot = demoSnapshot();
  return {
    ...snapshot,
    workspaces: snapshot.workspaces.map((w) =>
      w.id === 'base44-studio'
        ? { ...w, members: w.members.map((m) => (m.id === 'hana' ? { ...m, budget: 6_000 } : m)) }
        : w,
    ),
  };
}

function setup(client = fakeClient(), settings = settingsFixture()) {
  const user = userEvent.setup();
  const r = renderWithStore(<SettingsScreen />, {
    client,
    state: { settings, settingsStatus: 'ready', snapshot: snapshotWithAccountBudget() },
  });
  return { ...r, user, settings };
}

describe('SettingsScreen', () => {
  it('saves member budgets per workspace; an empty field means no budget', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    expect(within(form).getByLabelText('Ana Ruiz')).toHaveValue('12,000');
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
    expect(
      within(form).getByText('A budget must be a number of credits like 10,000: "-3" is not one.'),
    ).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();
    expect(parseBudgets({ a: '', b: '10' })).toEqual({ ok: true, value: { b: 10 } });
    expect(parseBudgets({ a: '0' })).toEqual({
      ok: false,
      invalid: { a: 'A budget must be above 0; leave the field empty for none.' },
    });
  });

  // 99999999999999999999 passed the form and the save failed with the IPC's own words: "Not saved:
  // Invalid input for settings:update: budgets.zite-pro.ana: Too big: expected int to be <=9007199254740991".
  it('refuses a budget past 1,000,000,000 credits in one sentence, before saving', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    await user.clear(within(form).getByLabelText('Ana Ruiz'));
    await user.type(within(form).getByLabelText('Ana Ruiz'), '99999999999999999999');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(within(form).getByText('A budget is at most 1,000,000,000 credits a period.')).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();
  });

  it('refuses a budget of 1.5 credits in one sentence (credits are whole), and takes "10,000" as ten thousand', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    const chloe = within(form).getByLabelText('Chloé Martin');
    await user.type(chloe, '1.5');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(
      within(form).getByText('A budget is a whole number of credits: "1.5" has a decimal part.'),
    ).toBeInTheDocument();
    expect(chloe).toHaveAttribute('aria-invalid', 'true');
    expect(client.updateSettings).not.toHaveBeenCalled();
    await user.clear(chloe);
    await user.type(chloe, '10,000');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      budgets: { 'zite-pro': { ana: 12_000, ben: 15_000, chloe: 10_000 } },
    });
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    // A refused edit afterwards clears that "Saved.".
    await user.clear(chloe);
    await user.type(chloe, 'lots');
    await user.click(within(form).getByRole('button', { name: 'Save budgets' }));
    expect(within(form).queryByText('Saved.')).toBeNull();
  });

  it("shows each member's budget in force and where it comes from; the lead's can be reset to the account's", async () => {
    const settings = settingsFixture({
      budgets: { 'zite-pro': { ana: 12_000 }, 'base44-studio': { hana: 8_000 } },
    });
    const { user, client } = setup(fakeClient(), settings);
    const b44 = screen.getByRole('form', { name: 'Member budgets for Base44 Studio' });
    const field = (form: HTMLElement, member: string) =>
      within(form)
        .getAllByTestId('budget-field')
        .find((f) => f.dataset.memberId === member)!;
    expect(within(field(b44, 'hana')).getByTestId('budget-in-force')).toHaveTextContent(
      "In force: 8,000 credits a period · yours (the account's: 6,000).",
    );
    expect(within(field(b44, 'ivan')).queryByTestId('budget-in-force')).toBeNull();
    expect(within(b44).getByLabelText('Ivan Petrov')).toHaveAttribute('placeholder', 'No budget');
    const pro = screen.getByRole('form', { name: 'Member budgets for Zite Pro' });
    expect(within(field(pro, 'ana')).getByTestId('budget-in-force')).toHaveTextContent(
      'In force: 12,000 credits a period · yours.',
    );
    await user.click(within(b44).getByRole('button', { name: "Reset to the account's (6,000)" }));
    expect(client.updateSettings).toHaveBeenCalledWith({ budgets: { 'zite-pro': { ana: 12_000 } } });
  });

  it("says a member's budget from the account is in force, never 'No budget'", () => {
    setup();
    const b44 = screen.getByRole('form', { name: 'Member budgets for Base44 Studio' });
    expect(within(b44).getByLabelText('Hana Sato')).toHaveAttribute('placeholder', '6,000');
    expect(
      within(b44)
        .getAllByTestId('budget-in-force')
        .map((e) => e.textContent),
    ).toEqual(['In force: 6,000 credits a period · from the account.']);
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
    expect(client.updateSettings).toHaveBeenCalledWith({
      syncIntervalMinutes: 15,
      staleAfterMinutes: 30,
      syncBudgetMinutes: 5,
    });
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    // The next refused input clears that "Saved.": the form never says both.
    await user.clear(interval);
    await user.type(interval, '2000');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(within(form).getByText(/from 1 to 1440/)).toBeInTheDocument();
    expect(within(form).queryByText('Saved.')).toBeNull();
  });

  // Sync every 60 with stale after 30 was saved: every card read stale, and the stale alert fired,
  // half of every hour between two syncs that both worked.
  it('refuses a stale limit shorter than the sync interval, naming the interval', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Sync' });
    const interval = within(form).getByLabelText('Sync every (minutes)');
    await user.clear(interval);
    await user.type(interval, '60');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(
      within(form).getByText(
        'At least the sync interval, 60 minutes: sooner, the data would read stale between two syncs.',
      ),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Stale after (minutes)')).toHaveAttribute('aria-invalid', 'true');
    expect(client.updateSettings).not.toHaveBeenCalled();
  });

  it('validates how long a sync keeps retrying, and saves it', async () => {
    const { user, client } = setup();
    const form = screen.getByRole('form', { name: 'Sync' });
    const budget = within(form).getByLabelText('Keep retrying a failing server for (minutes)');
    // The default: 5 minutes (DEFAULT_SETTINGS.syncBudgetMinutes).
    expect(budget).toHaveValue('5');
    await user.clear(budget);
    await user.type(budget, '90');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(within(form).getByText('A whole number of minutes from 1 to 60.')).toBeInTheDocument();
    expect(budget).toHaveAttribute('aria-invalid', 'true');
    expect(client.updateSettings).not.toHaveBeenCalled();
    await user.clear(budget);
    await user.type(budget, '12');
    await user.click(within(form).getByRole('button', { name: 'Save sync' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      syncIntervalMinutes: 5,
      staleAfterMinutes: 30,
      syncBudgetMinutes: 12,
    });
  });

  it('saves quiet hours, start at login and the theme, each as it is changed (no button for some)', async () => {
    const { user, client } = setup();
    const quiet = screen.getByRole('form', { name: 'Quiet hours' });
    expect(within(quiet).queryByRole('button')).toBeNull();
    await user.click(within(quiet).getByRole('checkbox', { name: 'Hold notifications during quiet hours' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    });
    expect(await within(quiet).findByText('Saved.')).toBeInTheDocument();
    // A span that is no span is refused in a sentence, and the earlier "Saved." goes.
    const to = within(quiet).getByLabelText('To');
    fireEvent.change(to, { target: { value: '22:00' } });
    expect(
      within(quiet).getByText('Start and end are the same time: pick two different times.'),
    ).toBeInTheDocument();
    expect(within(quiet).queryByText('Saved.')).toBeNull();
    fireEvent.change(to, { target: { value: '06:30' } });
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      quietHours: { enabled: true, start: '22:00', end: '06:30' },
    });
    await user.click(screen.getByRole('checkbox', { name: 'Start Creditbar at login' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({ startAtLogin: true });
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({ theme: 'dark' });
  });

  it('keeps both of two switches flipped before main answered the first (no lost update)', async () => {
    // Main answers each patch only when the test lets it, as a slow settings file would.
    const answers: (() => void)[] = [];
    let stored = settingsFixture();
    const client = fakeClient({
      updateSettings: (patch: object) =>
        new Promise((resolve) => {
          answers.push(() => {
            stored = { ...stored, ...patch };
            resolve(stored);
          });
        }),
    });
    const { user, store } = setup(client);
    await user.click(screen.getByRole('checkbox', { name: 'Mid-period audit' }));
    await user.click(screen.getByRole('checkbox', { name: 'Drift from server' }));
    expect(answers).toHaveLength(2);
    // The second patch was built on the first: it carries both switches off.
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      notifications: expect.objectContaining({
        kinds: expect.objectContaining({ 'mid-period-audit': false, drift: false }),
      }),
    });
    // The first answer (without the second switch) arrives late: it must not flip it back.
    await act(async () => answers[0]!());
    expect(screen.getByRole('checkbox', { name: 'Drift from server' })).not.toBeChecked();
    await act(async () => answers[1]!());
    expect(screen.getByRole('checkbox', { name: 'Mid-period audit' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Drift from server' })).not.toBeChecked();
    expect(store.getState().settings!.notifications.kinds).toMatchObject({
      'mid-period-audit': false,
      drift: false,
    });
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
