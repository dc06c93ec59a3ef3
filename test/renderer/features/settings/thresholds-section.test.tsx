import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  parseThresholds,
  ThresholdsSection,
} from '../../../../src-renderer/features/settings/thresholds-section';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

function setup() {
  const settings = settingsFixture();
  const workspaces = demoSnapshot().workspaces;
  const user = userEvent.setup();
  const r = renderWithStore(<ThresholdsSection settings={settings} workspaces={workspaces} />, {
    state: { settings },
  });
  const form = (name: string) => screen.getByRole('form', { name: `Thresholds for ${name}` });
  return { ...r, user, settings, form };
}

describe('ThresholdsSection', () => {
  it("shows each workspace's thresholds: its own or the defaults", () => {
    const { form } = setup();
    expect(within(form('Zite Pro')).getByLabelText('Thresholds')).toHaveValue('50, 90, 100');
    expect(within(form('Zite Team')).getByLabelText('Thresholds')).toHaveValue('40, 80, 100');
  });

  it('saves an edit as a patch that keeps the other workspaces', async () => {
    const { user, form, client } = setup();
    const f = form('Zite Pro');
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '75, 40 100');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      thresholds: {
        'zite-team': { unit: 'percent', values: [40, 80, 100] },
        'zite-pro': { unit: 'percent', values: [40, 75, 100] },
      },
    });
    expect(await within(f).findByText('Saved.')).toBeInTheDocument();
  });

  it('saves absolute credits', async () => {
    const { user, form, client } = setup();
    const f = form('Base44 Studio');
    await user.selectOptions(within(f).getByLabelText('Unit'), 'credits');
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '5000, 9000');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      thresholds: expect.objectContaining({ 'base44-studio': { unit: 'credits', values: [5000, 9000] } }),
    });
  });

  it('refuses percents past 100 and words, and says why', async () => {
    const { user, form, client } = setup();
    const f = form('Zite Pro');
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '50, 120');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(
      within(f).getByText('Percent thresholds must be above 0 and at most 100, ten at most.'),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, 'half');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(within(f).getByText(/Enter one or more numbers/)).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();
  });

  it('goes back to the defaults by dropping the workspace from the patch', async () => {
    const { user, form, client } = setup();
    await user.click(within(form('Zite Team')).getByRole('button', { name: 'Use defaults' }));
    expect(client.updateSettings).toHaveBeenCalledWith({ thresholds: {} });
  });

  it('parses, sorts and de-duplicates', () => {
    expect(parseThresholds('percent', '90;50 50')).toEqual({
      ok: true,
      value: { unit: 'percent', values: [50, 90] },
    });
    expect(parseThresholds('credits', '0').ok).toBe(false);
  });
});
