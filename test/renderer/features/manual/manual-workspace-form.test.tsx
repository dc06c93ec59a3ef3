import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ManualWorkspaceForm } from '../../../../src-renderer/features/manual/manual-workspace-form';
import { renderWithStore } from '../../render';

/** The form over the built-in catalog (the fake client answers getCatalog with it). */
async function openForm() {
  const user = userEvent.setup();
  const rendered = renderWithStore(<ManualWorkspaceForm />);
  const form = await screen.findByRole('form', { name: 'Add a workspace by hand' });
  return { user, form, ...rendered };
}

describe('adding a workspace by hand', () => {
  it('fills a Base44 plan from the newest rules and asks for the billing day before sending', async () => {
    const { user, client } = await openForm();
    // Base44 is the default platform; the newest version is Base44's documentation of Dec 2026.
    expect(screen.getByLabelText('Rules your plan is on')).toHaveValue('2026-12-docs');
    await user.selectOptions(screen.getByLabelText('Plan'), 'builder');
    // Builder on Base44's Billing and plans page: 250 message, 10,000 integration credits a month.
    expect(screen.getByTestId('plan-facts')).toHaveTextContent(
      '250 message credits and 10,000 integration credits; resets',
    );
    await user.type(screen.getByLabelText('Workspace name'), 'Support studio');
    await user.click(screen.getByRole('button', { name: 'Add workspace' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the billing day');
    expect(screen.getByLabelText('Billing day (1-31)')).toHaveAttribute('aria-invalid', 'true');
    expect(client.addManualWorkspace).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Billing day (1-31)'), '15');
    await user.type(screen.getByLabelText('Members (optional, one per line)'), 'Ana Lima{Enter}Ben Ode');
    await user.click(screen.getByRole('button', { name: 'Add workspace' }));
    expect(client.addManualWorkspace).toHaveBeenCalledWith({
      provider: 'base44',
      plan: 'builder',
      name: 'Support studio',
      catalogVersion: '2026-12-docs',
      billingDay: 15,
      members: [
        { id: 'ana-lima', name: 'Ana Lima' },
        { id: 'ben-ode', name: 'Ben Ode' },
      ],
    });
  });

  it('asks no billing day for Base44 Free, whose credits reset every day', async () => {
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText('Plan'), 'free');
    expect(screen.getByTestId('plan-facts')).toHaveTextContent(
      '25 message credits and 100 integration credits',
    );
    expect(screen.queryByLabelText('Billing day (1-31)')).toBeNull();
  });

  it('on Zite’s newest rules asks for the allowance the pages do not publish, and refuses what is not a number', async () => {
    const { user, client } = await openForm();
    await user.selectOptions(screen.getByLabelText('Platform'), 'zite');
    expect(screen.getByLabelText('Rules your plan is on')).toHaveValue('2026-12-usage');
    await user.selectOptions(screen.getByLabelText('Plan'), 'pro');
    expect(screen.getByTestId('plan-facts')).toHaveTextContent(
      'integration credits: not published, you give it',
    );
    // Zite resets on the 1st of the month: no billing day.
    expect(screen.queryByLabelText('Billing day (1-31)')).toBeNull();
    await user.type(screen.getByLabelText('Workspace name'), 'Ops portal');
    const allowance = screen.getByLabelText('Integration credits per period');
    await user.type(allowance, 'plenty');
    await user.click(screen.getByRole('button', { name: 'Add workspace' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Give the integration credits this plan includes each period, e.g. 50,000.',
    );
    expect(client.addManualWorkspace).not.toHaveBeenCalled();

    await user.clear(allowance);
    await user.type(allowance, '20,000');
    await user.click(screen.getByRole('button', { name: 'Add workspace' }));
    expect(client.addManualWorkspace).toHaveBeenCalledWith({
      provider: 'zite',
      plan: 'pro',
      name: 'Ops portal',
      catalogVersion: '2026-12-usage',
      allowances: { integration: 20_000 },
    });
  });

  it('keeps the seed version selectable, with the seed’s numbers filled in', async () => {
    const { user } = await openForm();
    await user.selectOptions(screen.getByLabelText('Platform'), 'zite');
    await user.selectOptions(screen.getByLabelText('Rules your plan is on'), '2026-05-seed');
    await user.selectOptions(screen.getByLabelText('Plan'), 'pro');
    // Zite Pro on the May 2026 page: 50,000 integration credits, nothing to type.
    expect(screen.getByTestId('plan-facts')).toHaveTextContent('50,000 integration credits; resets');
    expect(screen.queryByLabelText('Integration credits per period')).toBeNull();
  });
});
