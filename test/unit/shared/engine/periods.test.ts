import { describe, expect, test } from 'vitest';
import { nextPeriod, periodAt } from '../../../../src-shared/engine/periods';
import type { ResetRule } from '../../../../src-shared/types/ledger';
import { charge, event, iso, ledger, ms, pool, poolAt, workspace } from '../helpers/ledger-builders';

const month: ResetRule = { kind: 'calendar-month' };
const daily: ResetRule = { kind: 'daily' };
const anchor = (day: number): ResetRule => ({ kind: 'anchor-day', day });

function periodOf(rule: ResetRule, at: string): [string, string] {
  const p = periodAt(rule, ms(at));
  return [iso(p.start), iso(p.end)];
}

describe('periodAt: [start, end) in UTC', () => {
  test.each<[string, ResetRule, string, string, string]>([
    // calendar-month: the 1st at 00:00 UTC
    ['mid-month', month, '2026-03-15T12:00:00Z', '2026-03-01', '2026-04-01'],
    ['the start instant belongs to its period', month, '2026-04-01T00:00:00Z', '2026-04-01', '2026-05-01'],
    [
      'the last millisecond belongs to the old period',
      month,
      '2026-03-31T23:59:59.999Z',
      '2026-03-01',
      '2026-04-01',
    ],
    ['December ends at the new year', month, '2026-12-31T23:00:00Z', '2026-12-01', '2027-01-01'],
    ['January starts the new year', month, '2027-01-01T00:00:00Z', '2027-01-01', '2027-02-01'],
    ['February of a leap year', month, '2028-02-29T10:00:00Z', '2028-02-01', '2028-03-01'],
    // anchor-day N: day N at 00:00 UTC
    [
      'anchor 15, the day before the anchor',
      anchor(15),
      '2026-03-14T23:59:59.999Z',
      '2026-02-15',
      '2026-03-15',
    ],
    ['anchor 15, on the anchor', anchor(15), '2026-03-15T00:00:00Z', '2026-03-15', '2026-04-15'],
    ['anchor 15 across the year boundary', anchor(15), '2027-01-10T00:00:00Z', '2026-12-15', '2027-01-15'],
    ['anchor 1 is the calendar month', anchor(1), '2026-03-15T12:00:00Z', '2026-03-01', '2026-04-01'],
    // anchor 31 is clamped to the month's last day: Jan 31, Feb 28, Mar 31, Apr 30
    ['anchor 31 in February', anchor(31), '2026-02-10T00:00:00Z', '2026-01-31', '2026-02-28'],
    ['anchor 31 on Feb 28', anchor(31), '2026-02-28T00:00:00Z', '2026-02-28', '2026-03-31'],
    ['anchor 31 on Mar 30', anchor(31), '2026-03-30T23:00:00Z', '2026-02-28', '2026-03-31'],
    ['anchor 31 on Mar 31', anchor(31), '2026-03-31T00:00:00Z', '2026-03-31', '2026-04-30'],
    ['anchor 31 on Apr 30', anchor(31), '2026-04-30T00:00:00Z', '2026-04-30', '2026-05-31'],
    ['anchor 31, leap February', anchor(31), '2028-02-15T00:00:00Z', '2028-01-31', '2028-02-29'],
    ['anchor 31 on Feb 29 of a leap year', anchor(31), '2028-02-29T00:00:00Z', '2028-02-29', '2028-03-31'],
    ['anchor 31 on Dec 31', anchor(31), '2026-12-31T00:00:00Z', '2026-12-31', '2027-01-31'],
    ['anchor 31 in early January', anchor(31), '2027-01-05T00:00:00Z', '2026-12-31', '2027-01-31'],
    // anchor 30: only February is clamped
    ['anchor 30 in February', anchor(30), '2026-02-15T00:00:00Z', '2026-01-30', '2026-02-28'],
    ['anchor 30 on Mar 1', anchor(30), '2026-03-01T00:00:00Z', '2026-02-28', '2026-03-30'],
    ['anchor 30 on Mar 30', anchor(30), '2026-03-30T00:00:00Z', '2026-03-30', '2026-04-30'],
    ['anchor 30 on Feb 29 of a leap year', anchor(30), '2028-02-29T00:00:00Z', '2028-02-29', '2028-03-30'],
    ['anchor 30 on Dec 30', anchor(30), '2026-12-30T00:00:00Z', '2026-12-30', '2027-01-30'],
    ['anchor 29 in a common February', anchor(29), '2026-02-28T06:00:00Z', '2026-02-28', '2026-03-29'],
    // daily: 00:00 UTC to the next 00:00
    ['daily, afternoon', daily, '2026-03-15T13:00:00Z', '2026-03-15', '2026-03-16'],
    ['daily, midnight', daily, '2026-03-16T00:00:00Z', '2026-03-16', '2026-03-17'],
    ['daily, new year eve', daily, '2026-12-31T23:59:59.999Z', '2026-12-31', '2027-01-01'],
    ['daily, leap day', daily, '2028-02-29T12:00:00Z', '2028-02-29', '2028-03-01'],
  ])('%s', (_name, rule, at, start, end) => {
    expect(periodOf(rule, at)).toEqual([iso(`${start}T00:00:00Z`), iso(`${end}T00:00:00Z`)]);
  });
});

describe('nextPeriod', () => {
  test.each<[string, ResetRule, string, string[]]>([
    [
      'anchor 31 through a common year',
      anchor(31),
      '2026-01-31',
      ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'],
    ],
    ['anchor 31 through a leap year', anchor(31), '2028-01-31', ['2028-02-29', '2028-03-31', '2028-04-30']],
    [
      'anchor 30 over the new year',
      anchor(30),
      '2026-11-30',
      ['2026-12-30', '2027-01-30', '2027-02-28', '2027-03-30'],
    ],
    ['calendar month over the new year', month, '2026-11-01', ['2026-12-01', '2027-01-01', '2027-02-01']],
    ['daily over the new year', daily, '2026-12-30', ['2026-12-31', '2027-01-01', '2027-01-02']],
  ])('%s: each period starts where the previous one ended', (_name, rule, first, starts) => {
    let p = periodAt(rule, ms(`${first}T00:00:00Z`));
    expect(iso(p.start)).toBe(iso(`${first}T00:00:00Z`));
    for (const start of starts) {
      const next = nextPeriod(rule, p);
      expect(next.start).toBe(p.end);
      expect(iso(next.start)).toBe(iso(`${start}T00:00:00Z`));
      p = next;
    }
  });
});

describe('periods in an evaluation', () => {
  test.each<[string, ResetRule, string, string, string]>([
    ['calendar month', month, '2026-03-10T08:00:00Z', '2026-03-01', '2026-04-01'],
    ['anchor 31 in a leap February', anchor(31), '2028-02-20T08:00:00Z', '2028-01-31', '2028-02-29'],
    ['daily', daily, '2026-03-10T08:00:00Z', '2026-03-10', '2026-03-11'],
  ])('%s: periodStart, periodEnd and resetsInSeconds', (_name, reset, asOf, start, end) => {
    const p = poolAt(ledger({ workspaces: [workspace({ pools: pool(100, reset) })] }), asOf);
    expect([p.periodStart, p.periodEnd]).toEqual([iso(`${start}T00:00:00Z`), iso(`${end}T00:00:00Z`)]);
    expect(p.resetsInSeconds).toBe((ms(`${end}T00:00:00Z`) - ms(asOf)) / 1000);
  });

  test('an event at a period start counts in that period, one just before it in the previous one', () => {
    const l = ledger({
      events: [charge('2026-03-31T23:59:59.999Z', 30), charge('2026-04-01T00:00:00Z', 7)],
    });
    expect(poolAt(l, '2026-03-31T23:59:59.999Z').used).toBe(30);
    expect(poolAt(l, '2026-04-01T00:00:00Z').used).toBe(7);
  });

  test('anchor-day: the balance resets on the clamped anchor (Feb 28 for anchor 31)', () => {
    // Anchor 31: [Jan 31, Feb 28) then [Feb 28, Mar 31). 60 on Feb 27 belongs to the first period.
    const l = ledger({
      workspaces: [workspace({ pools: pool(100, anchor(31)) })],
      events: [charge('2026-02-27T12:00:00Z', 60), charge('2026-02-28T00:00:00Z', 15)],
    });
    expect(poolAt(l, '2026-02-27T23:00:00Z')).toMatchObject({ used: 60, remaining: 40 });
    expect(poolAt(l, '2026-03-05T00:00:00Z')).toMatchObject({ used: 15, remaining: 85 });
  });

  test('daily: yesterday’s use does not count today', () => {
    const l = ledger({
      workspaces: [workspace({ pools: pool(10, daily) })],
      events: [charge('2026-03-10T23:00:00Z', 10), charge('2026-03-11T01:00:00Z', 4)],
    });
    expect(poolAt(l, '2026-03-11T02:00:00Z')).toMatchObject({ used: 4, remaining: 6, blockedCalls: 0 });
  });
});

describe('events after asOf do not exist yet', () => {
  const l = ledger({
    events: [
      charge('2026-03-10T12:00:00Z', 10),
      charge('2026-03-10T12:00:00.001Z', 20),
      charge('2026-03-20T00:00:00Z', 40),
    ],
  });

  test.each<[string, number]>([
    ['2026-03-10T11:59:59.999Z', 0],
    ['2026-03-10T12:00:00Z', 10], // an event exactly at asOf has happened
    ['2026-03-10T12:00:00.001Z', 30],
    ['2026-03-19T23:59:59Z', 30],
    ['2026-03-20T00:00:00Z', 70],
  ])('at %s used is %i', (asOf, used) => {
    expect(poolAt(l, asOf).used).toBe(used);
  });

  test('a future event is neither blocked nor priced nor flagged', () => {
    const future = ledger({
      workspaces: [workspace({ pools: pool(5) })],
      // The second call is unknown to the (empty) custom card and costs more than what is left,
      // but it happens after asOf.
      events: [
        charge('2026-03-02T00:00:00Z', 5),
        event({ occurredAt: '2026-03-06T00:00:00Z', action: 'fax' }),
      ],
    });
    expect(poolAt(future, '2026-03-05T00:00:00Z')).toMatchObject({
      used: 5,
      blockedCalls: 0,
      unknownActions: [],
    });
  });
});
