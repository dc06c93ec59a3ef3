import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AccountForm, validateAccount } from '../../../../src-renderer/features/settings/account-form';
import { AccountsSection } from '../../../../src-renderer/features/settings/accounts-section';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { renderWithStore } from '../../render';

const TOKEN = 'cb_live_s3cr3t-token-value';

async function fill(
  user: ReturnType<typeof userEvent.setup>,
  values: { label?: string; url?: string; token?: string },
): Promise<void> {
  if (values.label !== undefined) await user.type(screen.getByLabelText('Account name'), values.label);
  if (values.url !== undefined) await user.type(screen.getByLabelText('Server URL'), values.url);
  if (values.token !== undefined) await user.type(screen.getByLabelText('API token'), values.token);
}

describe('AccountForm', () => {
  it('says what to fix in each field and calls nothing while the form is invalid', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<AccountForm />);
    await fill(user, { url: 'ftp://example.com', token: 'short' });
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(screen.getByText('Give the account a name (up to 80 characters).')).toBeInTheDocument();
    expect(screen.getByText(/Enter the server address, starting with https:\/\//)).toBeInTheDocument();
    expect(screen.getByText(/at least 8 characters/)).toBeInTheDocument();
    expect(screen.getByLabelText('Server URL')).toHaveAttribute('aria-invalid', 'true');
    expect(client.addAccount).not.toHaveBeenCalled();
  });

  it('tests the connection with the URL and token only', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<AccountForm />);
    await fill(user, { url: 'https://api.example.com', token: TOKEN });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(client.testConnection).toHaveBeenCalledWith({
      serverUrl: 'https://api.example.com',
      token: TOKEN,
    });
    expect(await screen.findByTestId('account-result')).toHaveTextContent('Connected: 3 workspaces found.');
  });

  it("shows the server's reason when the test fails", async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      testConnection: async () => ({
        ok: false,
        message: 'The server refused the token (401).',
        workspaces: 0,
      }),
    });
    renderWithStore(<AccountForm />, { client });
    await fill(user, { url: 'https://api.example.com', token: TOKEN });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server refused the token (401).');
  });

  it('adds the account, then forgets the token: a password field, emptied, never echoed', async () => {
    const user = userEvent.setup();
    const { client, container } = renderWithStore(<AccountForm />);
    const token = screen.getByLabelText('API token');
    expect(token).toHaveAttribute('type', 'password');
    expect(token).toHaveValue('');
    await fill(user, { label: 'Acme', url: 'https://api.example.com', token: TOKEN });
    await user.click(screen.getByRole('button', { name: 'Add account' }));
    expect(client.addAccount).toHaveBeenCalledWith({
      label: 'Acme',
      serverUrl: 'https://api.example.com',
      token: TOKEN,
    });
    expect(await screen.findByTestId('account-result')).toHaveTextContent('Added Acme.');
    expect(screen.getByLabelText('API token')).toHaveValue('');
    expect(container.innerHTML).not.toContain(TOKEN);
  });

  it('validates with the contract schema', () => {
    expect(validateAccount({ label: 'A', serverUrl: 'http://127.0.0.1:4100', token: '12345678' })).toEqual(
      {},
    );
    expect(Object.keys(validateAccount({ label: '', serverUrl: 'nope', token: '' })).sort()).toEqual([
      'label',
      'serverUrl',
      'token',
    ]);
  });
});

describe('AccountsSection', () => {
  it('lists accounts without any token and removes one after confirming', async () => {
    const user = userEvent.setup();
    const settings = settingsFixture({
      accounts: [{ id: 'acc-1', label: 'Acme', serverUrl: 'https://api.acme.test' }],
    });
    const { client } = renderWithStore(<AccountsSection settings={settings} />, { state: { settings } });
    const list = screen.getByRole('list', { name: 'Connected accounts' });
    expect(list).toHaveTextContent('Acme');
    expect(list).toHaveTextContent('token stored');
    await user.click(screen.getByRole('button', { name: 'Remove Acme' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove Acme' }));
    await waitFor(() => expect(client.removeAccount).toHaveBeenCalledWith({ id: 'acc-1' }));
  });
});
