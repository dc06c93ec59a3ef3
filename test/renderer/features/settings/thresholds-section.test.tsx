import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ThresholdsInForce, WorkspaceCard } from '../../../../src-shared/ipc/snapshot';
import type { Settings } from '../../../../src-shared/settings/settings';
import { ThresholdsSection } from '../../../../src-renderer/features/settings/thresholds-section';
import {
  convertThresholds,
  parseThresholdInput,
} from '../../../../src-renderer/features/settings/threshold-input';
import { settingsFixture } from '../../fixtures/settings';
import { demoSnapshot } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

const B44_ACCOUNT = [50, 75, 90, 100];
const account = (values = B44_ACCOUNT): ThresholdsInForce => ({
  source: 'account',
  unit: 'percent',
  values,
  percents: values,
  account: values,
});

/**
 * The demo's workspaces with what main says is in force: Base44 Studio's account sets 50, 75, 90,
 * 100 (its card marks them); Zite Team has the lead's 40, 80, 100 for every pool (settings
 * fixture); Zite Pro runs on the defaults. `inForce` replaces a pool's.
 */
function workspaces(inForce: Record<string, ThresholdsInForce> = {}): WorkspaceCard[] {
  return demoSnapshot().workspaces.map((w) => ({
    ...w,
    pools: w.pools.map((p) => {
      const key = `${w.id}/${p.pool}`;
      const given: ThresholdsInForce =
        inForce[key] ??
        (w.id === 'base44-studio'
          ? account()
          : w.id === 'zite-team'
            ? {
                source: 'workspace',
                unit: 'percent',
                values: [40, 80, 100],
                percents: [40, 80, 100],
                account: null,
              }
            : {
                source: 'default',
                unit: 'percent',
                values: [50, 90, 100],
                percents: [50, 90, 100],
                account: null,
              });
      return { ...p, thresholdsInForce: given };
    }),
  }));
}

function setup(settings: Settings = settingsFixture(), inForce: Record<string, ThresholdsInForce> = {}) {
  const user = userEvent.setup();
  const r = renderWithStore(<ThresholdsSection settings={settings} workspaces={workspaces(inForce)} />, {
    state: { settings },
  });
  const form = (workspace: string, pool: string) =>
    screen.getByRole('form', { name: `Thresholds for ${workspace}, ${pool}` });
  return { ...r, user, settings, form };
}

const INTEGRATION = 'Integration credits';
const MESSAGE = 'Message credits';

describe('Settings shows the thresholds in force, per workspace and pool, with their source', () => {
  it("shows the account's 50, 75, 90, 100 for a Base44 pool, not '50, 90, 100 · Using the defaults'", () => {
    const { form } = setup();
    const b44 = form('Base44 Studio', INTEGRATION);
    expect(within(b44).getByLabelText('Thresholds')).toHaveValue('50, 75, 90, 100');
    expect(within(b44).getByTestId('in-force')).toHaveTextContent(
      'In force: 50, 75, 90, 100 % · from the account',
    );
    // Both of Base44's pools are listed, each on its own.
    expect(within(form('Base44 Studio', MESSAGE)).getByTestId('in-force')).toHaveTextContent(
      'from the account',
    );
    expect(within(form('Zite Team', INTEGRATION)).getByTestId('in-force')).toHaveTextContent(
      'In force: 40, 80, 100 % · yours, for every pool of Zite Team',
    );
    expect(within(form('Zite Pro', INTEGRATION)).getByTestId('in-force')).toHaveTextContent(
      "In force: 50, 90, 100 % · Creditbar's defaults (the account sets none)",
    );
    // Nothing of the lead's to reset where the account's (or the defaults) are in force.
    expect(within(b44).queryByRole('button', { name: /^Reset/ })).toBeNull();
  });

  it('sets thresholds for one pool of a workspace, leaving its other pool alone', async () => {
    const { user, form, client } = setup();
    const f = form('Base44 Studio', MESSAGE);
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '95, 80');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      poolThresholds: { 'base44-studio': { message: { unit: 'percent', values: [80, 95] } } },
    });
    expect(await within(f).findByText('Saved.')).toBeInTheDocument();
  });

  it('converts the values when the unit switches: 40 % of a 1,000,000-credit pool is 400,000 credits', async () => {
    const { user, form, client } = setup();
    const f = form('Zite Team', INTEGRATION);
    const input = within(f).getByLabelText('Thresholds');
    await user.selectOptions(within(f).getByLabelText('Unit'), 'credits');
    // Worked out by hand: 40 %, 80 %, 100 % of 1,000,000.
    expect(input).toHaveValue('400,000, 800,000, 1,000,000');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      poolThresholds: {
        'zite-team': { integration: { unit: 'credits', values: [400_000, 800_000, 1_000_000] } },
      },
    });
    await user.selectOptions(within(f).getByLabelText('Unit'), 'percent');
    expect(input).toHaveValue('40, 80, 100');
  });

  it("reads credits in the user's grouping ('2,500'), refuses fractions and values past the pool's size", async () => {
    const { user, form, client } = setup();
    const f = form('Base44 Studio', MESSAGE); // 500 credits a period
    await user.selectOptions(within(f).getByLabelText('Unit'), 'credits');
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '250, 600');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(
      within(f).getByText("A credit threshold can be at most the pool's size, 500 credits: 600 is above it."),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await user.clear(input);
    await user.type(input, '250.5');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(
      within(f).getByText('A credit threshold is a whole number of credits: "250.5" has a decimal part.'),
    ).toBeInTheDocument();
    expect(client.updateSettings).not.toHaveBeenCalled();

    const big = form('Base44 Studio', INTEGRATION); // 10,000 credits a period
    await user.selectOptions(within(big).getByLabelText('Unit'), 'credits');
    const field = within(big).getByLabelText('Thresholds');
    await user.clear(field);
    await user.type(field, '2,500, 7,500');
    await user.click(within(big).getByRole('button', { name: 'Save thresholds' }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      poolThresholds: { 'base44-studio': { integration: { unit: 'credits', values: [2_500, 7_500] } } },
    });
  });

  // "12abc" was answered '"abc" is not a number', "1e9" '"e9"', and "-5" '"-5" is not a number'.
  it('quotes what was typed, whole, when a value is not a number, and calls a negative one negative', async () => {
    const { user, form } = setup();
    const f = form('Zite Pro', INTEGRATION);
    const input = within(f).getByLabelText('Thresholds');
    const cases: [string, string][] = [
      ['50, 12abc', 'Enter numbers separated by commas, e.g. 50, 90, 100: "12abc" is not a number.'],
      ['1e9', 'Enter numbers separated by commas, e.g. 50, 90, 100: "1e9" is not a number.'],
      ['-5, 90', 'Enter numbers above 0 separated by commas, e.g. 50, 90, 100: "-5" is negative.'],
    ];
    for (const [typed, sentence] of cases) {
      await user.clear(input);
      await user.type(input, typed);
      await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
      expect(within(f).getByText(sentence)).toBeInTheDocument();
    }
  });

  it('clears an earlier "Saved." when the next attempt is refused', async () => {
    const { user, form } = setup();
    const f = form('Zite Pro', INTEGRATION);
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(await within(f).findByText('Saved.')).toBeInTheDocument();
    const input = within(f).getByLabelText('Thresholds');
    await user.clear(input);
    await user.type(input, '50, 120');
    await user.click(within(f).getByRole('button', { name: 'Save thresholds' }));
    expect(within(f).getByText('A percent threshold is at most 100: 120 is above it.')).toBeInTheDocument();
    expect(within(f).queryByText('Saved.')).toBeNull();
  });

  it("resets a pool's own thresholds to the account's", async () => {
    const own = { unit: 'credits' as const, values: [2_000] };
    const settings = settingsFixture({ poolThresholds: { 'base44-studio': { integration: own } } });
    const { user, form, client } = setup(settings, {
      'base44-studio/integration': { source: 'pool', ...own, percents: [20], account: B44_ACCOUNT },
    });
    const f = form('Base44 Studio', INTEGRATION);
    expect(within(f).getByTestId('in-force')).toHaveTextContent(
      'In force: 2,000 credits (20 %) · yours, for this pool',
    );
    await user.click(within(f).getByRole('button', { name: "Reset to the account's (50, 75, 90, 100 %)" }));
    expect(client.updateSettings).toHaveBeenCalledWith({
      thresholds: { 'zite-team': { unit: 'percent', values: [40, 80, 100] } },
      poolThresholds: {},
    });
    expect(within(f).getByLabelText('Thresholds')).toHaveValue('50, 75, 90, 100');
  });

  it("resets one pool from a workspace-wide setting, which the workspace's other pool keeps as its own", async () => {
    const wide = { unit: 'percent' as const, values: [60, 95] };
    const settings = settingsFixture({ thresholds: { 'base44-studio': wide } });
    const yours: ThresholdsInForce = {
      source: 'workspace',
      ...wide,
      percents: [60, 95],
      account: B44_ACCOUNT,
    };
    const { user, form, client } = setup(settings, {
      'base44-studio/integration': yours,
      'base44-studio/message': yours,
    });
    await user.click(
      within(form('Base44 Studio', INTEGRATION)).getByRole('button', { name: /^Reset to the account's/ }),
    );
    expect(client.updateSettings).toHaveBeenCalledWith({
      thresholds: {},
      poolThresholds: { 'base44-studio': { message: wide } },
    });
  });
});

describe('threshold input', () => {
  it('converts percent to credits and back against the pool (50 % of 1,000,000 is 500,000)', () => {
    expect(convertThresholds({ unit: 'percent', values: [50, 90, 100] }, 1_000_000)).toEqual({
      unit: 'credits',
      values: [500_000, 900_000, 1_000_000],
    });
    // 1,000 of 3,000 is 33.33 %; 5,000 of 3,000 is capped at 100 %.
    expect(convertThresholds({ unit: 'credits', values: [1_000, 5_000] }, 3_000)).toEqual({
      unit: 'percent',
      values: [33.33, 100],
    });
  });

  it('parses, sorts and de-duplicates; never reads "50, 90, 100" as credits of another unit', () => {
    expect(parseThresholdInput('percent', '90;50 50', 1_000, 'en-US')).toEqual({
      ok: true,
      value: { unit: 'percent', values: [50, 90] },
    });
    expect(parseThresholdInput('credits', '0', 1_000, 'en-US').ok).toBe(false);
    expect(parseThresholdInput('credits', '10.000', 50_000, 'de-DE')).toEqual({
      ok: true,
      value: { unit: 'credits', values: [10_000] },
    });
  });
});
