import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from '../fake-client';
import { renderApp } from '../render';

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the keyboard', () => {
  it('Escape on a workspace goes back to the overview, focus on that workspace’s card', async () => {
    const user = userEvent.setup();
    renderApp(fakeClient(), { screen: 'workspace', workspaceId: 'base44-studio' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Base44 Studio' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    // Base44 Studio has two pools: its first card's link takes the focus.
    await waitFor(() =>
      expect(document.activeElement).toHaveAttribute('data-nav-item', 'base44-studio/integration'),
    );
    expect(window.location.hash).toBe('#/overview');
  });

  it('moves focus to the heading of each newly opened screen', async () => {
    const user = userEvent.setup();
    renderApp(fakeClient());
    await screen.findAllByTestId('pool-card');
    await user.click(screen.getByRole('link', { name: 'History' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'History' })),
    );
    await user.click(screen.getByRole('link', { name: /^Alerts/ }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Alerts' })),
    );
    // Escape from Alerts: one level up is the overview.
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Overview' })),
    );
  });

  it('arrow keys move through the cards, from the heading into the list and along it', async () => {
    const user = userEvent.setup();
    renderApp(fakeClient(), { screen: 'settings' });
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Overview' })),
    );
    const focused = () => document.activeElement?.getAttribute('data-nav-item');
    // The cards in urgency order: Base44's dry pool, its message pool, Zite Pro (at risk), Zite Team.
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('base44-studio/integration');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('zite-pro/integration');
    await user.keyboard('{ArrowUp}');
    expect(focused()).toBe('base44-studio/message');
    await user.keyboard('{End}');
    expect(focused()).toBe('zite-team/integration');
    await user.keyboard('{ArrowDown}');
    expect(focused()).toBe('zite-team/integration');
    await user.keyboard('{Home}{ArrowDown}{ArrowDown}');
    expect(focused()).toBe('zite-pro/integration');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Zite Pro' })).toBeInTheDocument();
  });

  it('Escape in a field leaves the field first, then the screen', async () => {
    const user = userEvent.setup();
    renderApp(fakeClient(), { screen: 'settings' });
    const interval = await screen.findByLabelText('Sync every (minutes)');
    await user.click(interval);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Settings' }));
    expect(window.location.hash).toBe('#/settings');
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
  });

  it('Escape on the popover’s first screen hides the popover; the main window stays', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    await user.keyboard('{Escape}');
    expect(client.hidePopover).not.toHaveBeenCalled();

    window.history.replaceState(null, '', '/?window=popover#/overview');
    await user.keyboard('{Escape}');
    await act(async () => undefined);
    expect(client.hidePopover).toHaveBeenCalledTimes(1);
  });
});
