import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../../../src-renderer/features/settings/settings-screen';
import { fakeClient } from '../../fake-client';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

function setup(client = fakeClient()) {
  const user = userEvent.setup();
  const r = renderWithStore(<SettingsScreen />, {
    client,
    state: { settings: settingsFixture(), settingsStatus: 'ready', snapshot: demoSnapshot() },
  });
  return { ...r, user };
}

describe('Settings → Channels', () => {
  it('lists each channel masked, with what it takes and its state; a failing one shows its last error', async () => {
    setup();
    const list = await screen.findByRole('list', { name: 'Channels' });
    const slack = within(list).getByRole('listitem', { name: 'Team #credits' });
    expect(slack).toHaveTextContent('Slack');
    expect(slack).toHaveTextContent('https://hooks.slack.com/…Xa9f');
    expect(slack).toHaveTextContent(
      'Threshold reached, Pool ran dry, Projected to run dry, the digest from every workspace.',
    );
    expect(slack).toHaveTextContent(/Delivered Nov 21/);
    const ops = within(list).getByRole('listitem', { name: 'Ops pager' });
    expect(ops).toHaveTextContent('Pool ran dry from Zite Team.');
    expect(within(ops).getByRole('status')).toHaveTextContent(
      /Failing: HTTP 503 from ops\.example\.com: maintenance \(Nov 21.*\)\. 1 message is being retried for up to a day\./,
    );
  });

  it('"Send a test" says what happened', async () => {
    const client = fakeClient({
      testChannel: async () => ({
        ok: false,
        message: 'The test message to "Ops pager" failed: HTTP 503 from ops.example.com: maintenance.',
      }),
    });
    const { user } = setup(client);
    const ops = await screen.findByRole('listitem', { name: 'Ops pager' });
    await user.click(within(ops).getByRole('button', { name: 'Send a test' }));
    expect(client.testChannel).toHaveBeenCalledWith({ id: 'ch-ops' });
    expect(await within(ops).findByRole('alert')).toHaveTextContent(
      'The test message to "Ops pager" failed: HTTP 503 from ops.example.com: maintenance.',
    );
  });

  it('adds a Slack channel for one workspace; a URL that is not one is refused before anything is sent', async () => {
    const { user, client } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    const form = screen.getByRole('form', { name: 'Add a channel' });
    await user.type(within(form).getByLabelText('Name'), 'Marketing alerts');
    await user.type(within(form).getByLabelText('URL'), 'http://hooks.slack.com/services/T0/B0/x');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    expect(within(form).getByText(/The slack URL must use https:\/\//)).toBeInTheDocument();
    expect(client.addChannel).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('URL'));
    await user.type(within(form).getByLabelText('URL'), 'https://hooks.slack.com/services/T0/B0/x');
    await user.click(
      within(form).getByRole('checkbox', { name: 'All workspaces, including ones added later' }),
    );
    await user.click(within(form).getByRole('checkbox', { name: 'Zite Pro' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Mid-period audit' }));
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    expect(client.addChannel).toHaveBeenCalledWith({
      kind: 'slack',
      label: 'Marketing alerts',
      url: 'https://hooks.slack.com/services/T0/B0/x',
      alerts: ['threshold', 'exhausted', 'projected-run-out', 'member-budget'],
      workspaces: ['zite-pro'],
      digest: false,
    });
    expect(
      await screen.findByText('Added Marketing alerts. Send a test to see it arrive.'),
    ).toBeInTheDocument();
  });

  it('takes a command, not a URL, for a shell hook, and keeps a stored URL when editing leaves it empty', async () => {
    const { user, client } = setup();
    await user.click(await screen.findByRole('button', { name: 'Add a channel' }));
    const form = screen.getByRole('form', { name: 'Add a channel' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'shell');
    await user.type(within(form).getByLabelText('Name'), 'Log');
    await user.clear(within(form).getByLabelText('Timeout (seconds)'));
    await user.type(within(form).getByLabelText('Timeout (seconds)'), '0');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    expect(within(form).getByText('Type the command to run.')).toBeInTheDocument();
    expect(within(form).getByText('A whole number of seconds from 1 to 300.')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    const slack = screen.getByRole('listitem', { name: 'Team #credits' });
    await user.click(within(slack).getByRole('button', { name: 'Edit' }));
    const edit = screen.getByRole('form', { name: 'Edit Team #credits' });
    expect(within(edit).getByLabelText('New URL (leave empty to keep the stored one)')).toHaveValue('');
    await user.click(within(edit).getByRole('checkbox', { name: 'The digest (see Digest below)' }));
    await user.click(within(edit).getByRole('button', { name: 'Save channel' }));
    expect(client.updateChannel).toHaveBeenCalledWith({
      id: 'ch-slack',
      label: 'Team #credits',
      alerts: ['threshold', 'exhausted', 'projected-run-out'],
      workspaces: null,
      digest: false,
    });
  });

  it('removes a channel after asking, and turns one off', async () => {
    const { user, client } = setup();
    const ops = await screen.findByRole('listitem', { name: 'Ops pager' });
    await user.click(within(ops).getByRole('button', { name: 'Turn off' }));
    expect(client.updateChannel).toHaveBeenCalledWith({ id: 'ch-ops', enabled: false });
    await user.click(within(ops).getByRole('button', { name: 'Remove Ops pager' }));
    await user.click(within(ops).getByRole('button', { name: 'Yes, remove Ops pager' }));
    await waitFor(() => expect(client.removeChannel).toHaveBeenCalledWith({ id: 'ch-ops' }));
  });

  it('saves the rate limit and the digest, refusing what they cannot be', async () => {
    const { user, client } = setup();
    const limit = screen.getByRole('form', { name: 'Rate limit' });
    const seconds = within(limit).getByLabelText('At most one message per channel every (seconds)');
    await user.clear(seconds);
    await user.type(seconds, '1.5');
    await user.click(within(limit).getByRole('button', { name: 'Save limit' }));
    expect(within(limit).getByText(/A whole number of seconds from 0/)).toBeInTheDocument();
    await user.clear(seconds);
    await user.type(seconds, '300');
    await user.click(within(limit).getByRole('button', { name: 'Save limit' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({ channelMinIntervalSeconds: 300 });

    const digest = screen.getByRole('form', { name: 'Digest' });
    await user.selectOptions(within(digest).getByLabelText('Send it'), 'weekly');
    await user.click(
      within(digest).getByRole('checkbox', { name: 'Show it as a notification on this computer' }),
    );
    await user.click(within(digest).getByRole('button', { name: 'Save digest' }));
    expect(client.updateSettings).toHaveBeenLastCalledWith({
      digest: { schedule: 'weekly', time: '09:00', desktop: false },
    });
  });
});
