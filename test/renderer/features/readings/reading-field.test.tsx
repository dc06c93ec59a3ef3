import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReadingField } from '../../../../src-renderer/features/readings/reading-field';
import { PoolDetail } from '../../../../src-renderer/features/workspace-detail/pool-detail';
import { parseRoute, formatRoute } from '../../../../src-renderer/store/route';
import { fakeClient } from '../../fake-client';
import { AS_OF, poolCard, workspaceCard } from '../../fixtures/snapshot';
import { renderWithStore } from '../../render';

const manual = workspaceCard({
  id: 'studio',
  name: 'Support studio',
  provider: 'base44',
  plan: 'builder',
  source: 'manual',
});
const pool = poolCard({
  workspaceId: 'studio',
  available: 10_000,
  allowance: 10_000,
  used: 1_600,
  remaining: 8_400,
  percentUsed: 16,
});

describe('the reading field', () => {
  it('sends one number as the page shows it, now by default, and says what it counted', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ReadingField workspace={manual} pool={pool} />);
    await user.type(screen.getByRole('textbox', { name: 'Credits left' }), '8,400');
    await user.click(screen.getByRole('button', { name: 'Record reading' }));
    expect(client.recordReading).toHaveBeenCalledWith({
      workspaceId: 'studio',
      pool: 'integration',
      remaining: 8400,
    });
    expect(await screen.findByTestId('reading-result')).toHaveTextContent(
      'Recorded: 600 used since the reading of',
    );
  });

  // It said "since the period started" with no date: a reading typed for last month counts from
  // that month's start, not the one the card shows (the CLI named it already).
  it('names the day the period it counts from started', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      recordReading: async () => ({
        id: 'r-3',
        kind: 'usage',
        counted: 1000,
        backwardsBy: null,
        since: '2026-10-15T00:00:00.000Z',
        sincePeriodStart: true,
        check: null,
      }),
    });
    renderWithStore(<ReadingField workspace={manual} pool={pool} />, { client });
    await user.type(screen.getByRole('textbox', { name: 'Credits left' }), '9,000');
    await user.click(screen.getByRole('button', { name: 'Record reading' }));
    const result = await screen.findByTestId('reading-result');
    expect(result).toHaveTextContent('Recorded: 1,000 used since the period started on Oct 15.');
    // At the popover's 380 px the sentence wrapped "15." onto a line of its own: day and month are
    // held by an unbroken space (toHaveTextContent folds it, so the raw text is read here).
    expect(result.textContent).toContain('on Oct\u00a015.');
  });

  it('takes "used" instead, and refuses what is not a number without calling', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ReadingField workspace={manual} pool={pool} />);
    await user.click(screen.getByRole('radio', { name: 'used' }));
    await user.type(screen.getByRole('textbox', { name: 'Credits used this period' }), 'lots');
    await user.click(screen.getByRole('button', { name: 'Record reading' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type the credits used as the usage page shows them');
    expect(client.recordReading).not.toHaveBeenCalled();
  });

  it('asks top-up or mistake when the reading went backwards, and answers through the contract', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      recordReading: async () => ({
        id: 'r-9',
        kind: 'usage',
        counted: null,
        backwardsBy: 300,
        since: null,
        sincePeriodStart: false,
        check: null,
      }),
    });
    renderWithStore(<ReadingField workspace={manual} pool={pool} />, { client });
    await user.type(screen.getByRole('textbox', { name: 'Credits left' }), '8700');
    await user.click(screen.getByRole('button', { name: 'Record reading' }));
    const question = await screen.findByTestId('backwards-question');
    expect(question).toHaveTextContent('This reading shows 300 more left than Creditbar counted');
    await user.click(within(question).getByRole('button', { name: 'It was a top-up of these credits' }));
    expect(client.answerReading).toHaveBeenCalledWith({
      workspaceId: 'studio',
      readingId: 'r-9',
      as: 'top-up',
      credits: 300,
    });
  });

  it('on a synced workspace says the reading is a check and shows both numbers', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      recordReading: async () => ({
        id: 'r-2',
        kind: 'check',
        counted: null,
        backwardsBy: null,
        since: null,
        sincePeriodStart: false,
        check: { what: 'left', platform: 4200, local: 4350, difference: 150 },
      }),
    });
    renderWithStore(<ReadingField workspace={workspaceCard()} pool={poolCard()} />, { client });
    expect(screen.getByText(/compared with the synced count and shown as drift/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Credits left' }), '4200');
    await user.click(screen.getByRole('button', { name: 'Record reading' }));
    expect(await screen.findByTestId('reading-result')).toHaveTextContent(
      'Checked: the platform says 4,200 left, Creditbar counted 4,350 left (150 more left here).',
    );
  });
});

describe('a pool fed by readings', () => {
  it('says its breakdowns are not available for readings instead of showing empty lists', () => {
    const fed = poolCard({
      workspaceId: 'studio',
      byMember: {},
      byAction: {},
      byApp: {},
      observed: { credits: 1600, readings: 2, lastReadingAt: '2026-11-20T09:00:00.000Z', backwards: [] },
    });
    renderWithStore(<PoolDetail workspace={{ ...manual, pools: [fed] }} pool={fed} asOf={AS_OF} />);
    const detail = screen.getByTestId('pool-detail');
    expect(
      within(detail).getByText('Not available for readings: a reading says how much, not who.'),
    ).toBeInTheDocument();
    expect(
      within(detail).getByText('Not available for readings: a reading says how much, not which app.'),
    ).toBeInTheDocument();
    expect(within(detail).getByRole('button', { name: 'Record reading' })).toBeInTheDocument();
  });
});

describe('the reading route', () => {
  it.each([
    ['#/reading/studio/integration', { screen: 'reading', workspaceId: 'studio', pool: 'integration' }],
    ['#/reading/studio/credits', { screen: 'workspace', workspaceId: 'studio' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
  it('round-trips', () => {
    expect(formatRoute({ screen: 'reading', workspaceId: 'a b', pool: 'message' })).toBe(
      '#/reading/a%20b/message',
    );
  });
});
