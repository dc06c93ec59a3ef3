import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../../../src-shared/ipc/update-status';
import { fakeClient } from '../../fake-client';
import { renderApp } from '../../render';

const available: UpdateStatus = {
  kind: 'available',
  version: '0.2.0',
  bytes: 94_600_000,
  currentVersion: '0.1.0',
  lastCheckAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
  message:
    'Creditbar 0.2.0 is available (you have 0.1.0). You are on a metered connection: download it (95 MB) when you are ready.',
  actions: ['download'],
};

describe('Settings: updates', () => {
  it('in browser mode says the desktop app updates itself, offers no button, and saves the switch', async () => {
    const user = userEvent.setup();
    const { client } = renderApp(fakeClient(), { screen: 'settings' });
    const status = await screen.findByTestId('update-status');
    expect(status).toHaveTextContent(
      'Browser mode does not update itself: the desktop app checks for new releases.',
    );
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
    const box = screen.getByRole('checkbox', { name: /Check for updates once a day/ });
    expect(box).toBeChecked();
    await user.click(box);
    expect(client.updateSettings).toHaveBeenLastCalledWith({ checkForUpdates: false });
  });

  it('follows the pushed status: Download on a metered connection, then Restart to update', async () => {
    const user = userEvent.setup();
    const ready: UpdateStatus = {
      ...available,
      kind: 'ready',
      message: 'Creditbar 0.2.0 is ready: restart to update, or it installs when you quit.',
      actions: ['install'],
    } as UpdateStatus;
    const client = fakeClient({ downloadUpdate: async () => ready });
    renderApp(client, { screen: 'settings' });
    await screen.findByTestId('update-status');
    act(() => client.emitUpdateStatus(available));
    expect(screen.getByTestId('update-status')).toHaveTextContent(
      `${available.message} Last checked 2 hours ago.`,
    );
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect(client.downloadUpdate).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('update-status')).toHaveTextContent(ready.message);
    await user.click(screen.getByRole('button', { name: 'Restart to update' }));
    expect(client.installUpdate).toHaveBeenCalledTimes(1);
  });

  it('says a failed call in words', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      checkForUpdates: async () => {
        throw new Error("Error invoking remote method 'updates:check': Error: The updater is not ready.");
      },
    });
    renderApp(client, { screen: 'settings' });
    await screen.findByTestId('update-status');
    act(() =>
      client.emitUpdateStatus({
        ...available,
        kind: 'up-to-date',
        message: 'Creditbar 0.1.0 is the latest version.',
        actions: ['check'],
      } as UpdateStatus),
    );
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The updater is not ready.');
  });
});
