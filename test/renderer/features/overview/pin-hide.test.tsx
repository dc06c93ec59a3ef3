import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { renderApp } from '../../render';

const order = () =>
  screen.getAllByTestId('pool-card').map((c) => `${c.dataset.workspaceId}:${c.dataset.pool}`);

describe('pin and hide', () => {
  it('pins a workspace to the top of the overview from its screen, saved in settings', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    renderApp(client, { screen: 'workspace', workspaceId: 'base44-studio' });
    const pin = await screen.findByRole('button', { name: 'Pin to top' });
    expect(pin).toHaveAttribute('aria-pressed', 'false');
    await user.click(pin);
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      overview: { pinned: ['base44-studio'], hidden: [], sort: 'urgency' },
    });
    expect(screen.getByRole('button', { name: 'Pin to top' })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard('{Escape}');
    await screen.findAllByTestId('pool-card');
    expect(order()).toEqual([
      'base44-studio:integration',
      'base44-studio:message',
      'zite-pro:integration',
      'zite-team:integration',
    ]);
  });

  it('hides a workspace and shows it again from the list under the overview', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      getSettings: async () =>
        settingsFixture({ overview: { pinned: [], hidden: ['zite-team'], sort: 'urgency' } }),
    });
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    expect(order()).not.toContain('zite-team:integration');
    const hidden = screen.getByTestId('hidden-workspaces');
    await user.click(within(hidden).getByText('1 hidden workspace'));
    await user.click(within(hidden).getByRole('button', { name: 'Show Zite Team again' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      overview: { pinned: [], hidden: [], sort: 'urgency' },
    });
    expect(order()).toContain('zite-team:integration');
    expect(screen.queryByTestId('hidden-workspaces')).toBeNull();
  });

  it('says when the choice could not be saved', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      updateSettings: async () => {
        throw new Error(
          "Error invoking remote method 'settings:update': Error: The settings file is read-only.",
        );
      },
    });
    renderApp(client, { screen: 'workspace', workspaceId: 'zite-pro' });
    await user.click(await screen.findByRole('button', { name: 'Hide from overview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not saved: The settings file is read-only.');
  });
});
