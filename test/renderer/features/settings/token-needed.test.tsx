import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StatusBanner } from '../../../../src-renderer/app/status-banner';
import { SyncButton } from '../../../../src-renderer/app/sync-button';
import { AccountsSection } from '../../../../src-renderer/features/settings/accounts-section';
import type { Snapshot } from '../../../../src-shared/ipc/snapshot';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

// Issue 10 §7 and issue 16: an account whose token is not stored says "token needed" and offers a
// field for it; "Sync now" says why it cannot sync; a notice about the app can be dismissed.

const account = { id: 'acc-1', label: 'Acme', serverUrl: 'https://api.example.com' };
const why = 'Acme needs its API token: it is not stored on this computer (enter it in Settings › Accounts)';

function snapshotWithout(): Snapshot {
  return {
    ...demoSnapshot(),
    mode: 'accounts',
    accounts: [{ id: 'acc-1', label: 'Acme', token: 'missing', message: why }],
  };
}

describe('an account without its token', () => {
  it('shows "token needed" with a field, and saving it calls main with that account and token', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(
      <AccountsSection settings={settingsFixture({ accounts: [account] })} />,
      {
        state: { snapshot: snapshotWithout() },
      },
    );
    const row = screen.getByRole('listitem');
    expect(within(row).getByText('token needed')).toBeInTheDocument();
    expect(within(row).getByText(`${why}.`)).toBeInTheDocument();
    const field = within(row).getByLabelText('API token');
    expect(field).toHaveAttribute('type', 'password');
    expect(within(row).getByRole('button', { name: 'Save token' })).toBeDisabled();
    await user.type(field, 'cb_3q2RkXwzPlM0dY7hVbT1sQe9');
    await user.click(within(row).getByRole('button', { name: 'Save token' }));
    expect(client.setAccountToken).toHaveBeenCalledWith({
      id: 'acc-1',
      token: 'cb_3q2RkXwzPlM0dY7hVbT1sQe9',
    });
  });

  it("shows the server's refusal next to the field and keeps what was typed", async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      setAccountToken: async () => {
        throw new Error('The server refused the token (401): check it.');
      },
    });
    renderWithStore(<AccountsSection settings={settingsFixture({ accounts: [account] })} />, {
      client,
      state: { snapshot: snapshotWithout() },
    });
    const row = screen.getByRole('listitem');
    await user.type(within(row).getByLabelText('API token'), 'cb_wrong-token-000');
    await user.click(within(row).getByRole('button', { name: 'Save token' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent(
      'The server refused the token (401): check it.',
    );
    expect(within(row).getByLabelText('API token')).toHaveValue('cb_wrong-token-000');
  });

  it('says "token stored" when it is there, with no field', () => {
    renderWithStore(<AccountsSection settings={settingsFixture({ accounts: [account] })} />, {
      state: {
        snapshot: {
          ...snapshotWithout(),
          accounts: [{ ...snapshotWithout().accounts![0]!, token: 'stored', message: null }],
        },
      },
    });
    const row = screen.getByRole('listitem');
    expect(within(row).getByText(/token stored/)).toBeInTheDocument();
    expect(within(row).queryByLabelText('API token')).toBeNull();
  });

  it('"Sync now" says why nothing can sync, and the banner links to where to enter the token', async () => {
    const user = userEvent.setup();
    const reason = `Nothing to sync: ${why}.`;
    const client = fakeClient({ syncNow: async () => ({ started: false, reason }) });
    renderWithStore(
      <>
        <StatusBanner />
        <SyncButton />
      </>,
      { client, state: { snapshot: snapshotWithout() } },
    );
    expect(screen.getByTestId('token-needed-banner')).toHaveTextContent(`${why}.`);
    expect(
      within(screen.getByTestId('token-needed-banner')).getByRole('link', { name: 'Enter it' }),
    ).toHaveAttribute('href', '#/settings');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(reason));
  });
});

describe('a notice about the app', () => {
  it('is shown until dismissed, and dismissing tells main', async () => {
    const user = userEvent.setup();
    const message =
      'The local cache was damaged and was moved aside to cache.sqlite.damaged-20261203T081500Z.';
    const { client } = renderWithStore(<StatusBanner />, {
      state: {
        snapshot: {
          ...demoSnapshot(),
          notices: [{ key: 'cache-damaged', message, at: '2026-12-03T08:15:00.000Z' }],
        },
      },
    });
    expect(screen.getByTestId('notice-banner')).toHaveTextContent(message);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(client.dismissNotice).toHaveBeenCalledWith({ key: 'cache-damaged' });
    expect(screen.queryByTestId('notice-banner')).toBeNull();
  });
});

describe('Keep tokens for this session only', () => {
  it('is offered under the accounts and saves the switch', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(
      <AccountsSection settings={settingsFixture({ accounts: [account] })} />,
      {
        state: { snapshot: snapshotWithout() },
      },
    );
    const box = screen.getByRole('checkbox', { name: 'Keep tokens for this session only' });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(client.updateSettings).toHaveBeenCalledWith({ tokensSessionOnly: true });
  });
});
