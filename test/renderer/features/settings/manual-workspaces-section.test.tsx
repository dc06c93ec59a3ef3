import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ManualWorkspacesSection } from '../../../../src-renderer/features/settings/manual-workspaces-section';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot, workspaceCard } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

const settings = settingsFixture({ demo: false });
const snapshot = demoSnapshot({
  mode: 'accounts',
  workspaces: [
    workspaceCard(), // synced: managed by its account, not listed here
    workspaceCard({
      id: 'studio',
      name: 'Support studio',
      provider: 'base44',
      plan: 'builder',
      source: 'manual',
      catalogVersion: '2026-12-docs',
    }),
  ],
});

function renderSection() {
  const user = userEvent.setup();
  const rendered = renderWithStore(<ManualWorkspacesSection settings={settings} />, {
    state: { snapshot, settings },
  });
  return { user, ...rendered };
}

describe('Settings → Workspaces kept by hand', () => {
  it('lists only the workspaces kept here and removes one after asking', async () => {
    const { user, client } = renderSection();
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('Support studio')]);
    await user.click(screen.getByRole('button', { name: 'Remove Support studio' }));
    expect(client.removeWorkspace).not.toHaveBeenCalled();
    await user.click(
      screen.getByRole('button', { name: 'Yes, remove Support studio with its readings, usage and alerts' }),
    );
    expect(client.removeWorkspace).toHaveBeenCalledWith({ workspaceId: 'studio' });
  });

  it('says what is wrong with the reminder’s hours, and a switch still saves meanwhile', async () => {
    const { user, client } = renderSection();
    const hours = screen.getByRole('textbox', { name: 'Hours' });
    await user.clear(hours);
    await user.type(hours, '0');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The reminder waits a whole number of hours, from 1 to 720 (30 days).',
    );
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(client.updateSettings).not.toHaveBeenCalled();

    // "Weekdays only" saves on its own, with the hours in force (24), not the half-typed 0.
    await user.click(screen.getByRole('checkbox', { name: 'Weekdays only' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      readingReminder: { enabled: true, afterHours: 24, weekdaysOnly: false, at: '09:00' },
    });

    await user.clear(hours);
    await user.type(hours, '48');
    await user.tab();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      readingReminder: expect.objectContaining({ enabled: true, afterHours: 48, at: '09:00' }),
    });
  });
});
