import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient } from '../fake-client';
import { demoSnapshot } from '../fixtures/snapshot';
import { renderApp } from '../render';

const later = (minutes: number): string =>
  new Date(Date.parse(demoSnapshot().asOf) + minutes * 60_000).toISOString();

describe('the app shell', () => {
  it('shows loading, then the overview, and signals readiness on <body>', async () => {
    let resolve!: (s: ReturnType<typeof demoSnapshot>) => void;
    const client = fakeClient({ getSnapshot: () => new Promise((r) => (resolve = r)) });
    renderApp(client);
    expect(screen.getByRole('status')).toHaveTextContent('Loading balances…');
    await waitFor(() => expect(document.body.dataset.ready).toBe('loading'));
    await act(async () => resolve(demoSnapshot()));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    await waitFor(() => expect(document.body.dataset.ready).toBe('snapshot'));
    expect(document.body.dataset.screen).toBe('overview');
    expect(document.body.dataset.mode).toBe('demo');
    expect(document.body.dataset.syncState).toBe('idle');
    expect(document.body.dataset.alerts).toBe('3');
    expect(document.body.dataset.snapshotAt).toBe(demoSnapshot().asOf);
  });

  it('says what failed when the first snapshot cannot load, and retries', async () => {
    let fail = true;
    const client = fakeClient({
      getSnapshot: async () => {
        if (fail)
          throw new Error(
            "Error invoking remote method 'snapshot:get': Error: The cache file could not be opened.",
          );
        return demoSnapshot();
      },
    });
    renderApp(client);
    expect(await screen.findByRole('alert')).toHaveTextContent('The cache file could not be opened.');
    await waitFor(() => expect(document.body.dataset.ready).toBe('error'));
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(document.body.dataset.ready).toBe('snapshot'));
  });

  it('follows pushed snapshots: marks move and the offline banner appears with the data kept', async () => {
    const client = fakeClient();
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    const s = demoSnapshot({ asOf: later(5) });
    s.workspaces[0]!.pools[0]!.marks = [40, 75, 100];
    s.sync = { ...s.sync, offline: true };
    act(() => client.emitSnapshot(s));
    await waitFor(() => expect(document.body.dataset.syncState).toBe('offline'));
    expect(screen.getByTestId('offline-banner')).toHaveTextContent(
      'Offline: showing the data from the last sync',
    );
    const first = screen
      .getAllByTestId('pool-card')
      .find((c) => c.dataset.workspaceId === 'zite-pro' && c.dataset.pool === 'integration')!;
    expect(
      [...first.querySelectorAll('[data-testid="threshold-mark"]')].map(
        (m) => (m as HTMLElement).dataset.percent,
      ),
    ).toEqual(['40', '75', '100']);
  });

  it('ignores a snapshot older than the one shown', async () => {
    const client = fakeClient();
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    act(() => client.emitSnapshot(demoSnapshot({ asOf: later(-10), workspaces: [] })));
    expect(screen.getAllByTestId('pool-card')).toHaveLength(4);
  });

  it('navigates with the links and the hash, and opens a workspace when main asks', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    await user.click(screen.getByRole('link', { name: /^Alerts/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Alerts/ })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.body.dataset.screen).toBe('alerts'));
    act(() => client.emitOpenWorkspace('base44-studio'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Base44 Studio' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/workspace/base44-studio');
    // The digest's notification names no workspace: it opens the overview.
    act(() => client.emitOpenWorkspace(''));
    await waitFor(() => expect(window.location.hash).toBe('#/overview'));
  });

  it('syncs on demand and says so while it runs', async () => {
    let finish!: () => void;
    const client = fakeClient({ syncNow: () => new Promise((r) => (finish = () => r({ started: true }))) });
    renderApp(client);
    await screen.findAllByTestId('pool-card');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sync now' }));
    expect(screen.getByRole('button', { name: 'Syncing…' })).toBeDisabled();
    await waitFor(() => expect(document.body.dataset.syncState).toBe('running'));
    await act(async () => finish());
    await waitFor(() => expect(document.body.dataset.syncState).toBe('idle'));
  });

  it('shows onboarding on first run, without the navigation', async () => {
    const client = fakeClient({
      getSnapshot: async () => demoSnapshot({ mode: 'onboarding', workspaces: [], alerts: [] }),
    });
    renderApp(client);
    expect(await screen.findByRole('heading', { name: 'Welcome to Creditbar' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    await waitFor(() => expect(document.body.dataset.screen).toBe('onboarding'));
  });

  it('applies the theme setting to <html>', async () => {
    const client = fakeClient();
    client.getSettings.mockResolvedValue({ ...(await client.getSettings()), theme: 'dark' });
    renderApp(client);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});
