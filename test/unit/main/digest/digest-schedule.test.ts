import { describe, expect, it } from 'vitest';
import { dueSlot } from '../../../../src-main/digest/digest-schedule';
import type { DigestSettings } from '../../../../src-shared/settings/settings';

const weekdays: DigestSettings = { schedule: 'weekdays', time: '09:00', desktop: true };
const PARIS = 'Europe/Paris';
const at = (iso: string) => Date.parse(iso);

describe('dueSlot', () => {
  it.each([
    // Thu 2026-11-19 10:00 in Paris (UTC+1): today's 09:00 = 08:00Z, the one before Wed's.
    [
      'a weekday morning',
      weekdays,
      '2026-11-19T09:00:00Z',
      'daily|2026-11-19',
      '2026-11-19T08:00:00Z',
      '2026-11-18T08:00:00Z',
    ],
    // Monday's covers the weekend: the slot before it is Friday's.
    [
      'a Monday',
      weekdays,
      '2026-11-23T08:30:00Z',
      'daily|2026-11-23',
      '2026-11-23T08:00:00Z',
      '2026-11-20T08:00:00Z',
    ],
    // Every day: Sunday has one, the one before is Saturday's.
    [
      'a Sunday, every day',
      { ...weekdays, schedule: 'daily' },
      '2026-11-22T12:00:00Z',
      'daily|2026-11-22',
      '2026-11-22T08:00:00Z',
      '2026-11-21T08:00:00Z',
    ],
    // Weekly: Mondays, a week apart.
    [
      'weekly',
      { ...weekdays, schedule: 'weekly' },
      '2026-11-23T09:00:00Z',
      'weekly|2026-11-23',
      '2026-11-23T08:00:00Z',
      '2026-11-16T08:00:00Z',
    ],
    // DST ended on Sun 2026-10-25: Monday 09:00 is 08:00Z, Friday's was 07:00Z (UTC+2).
    [
      'across the change of clocks',
      weekdays,
      '2026-10-26T08:05:00Z',
      'daily|2026-10-26',
      '2026-10-26T08:00:00Z',
      '2026-10-23T07:00:00Z',
    ],
    [
      'a lead who picked 17:30',
      { ...weekdays, time: '17:30' },
      '2026-11-19T16:31:00Z',
      'daily|2026-11-19',
      '2026-11-19T16:30:00Z',
      '2026-11-18T16:30:00Z',
    ],
  ] as const)('%s', (_name, settings, now, key, slotAt, previousAt) => {
    expect(dueSlot(at(now), settings, PARIS)).toEqual({
      key,
      schedule: key.split('|')[0],
      at: at(slotAt),
      previousAt: at(previousAt),
    });
  });

  it.each([
    ['the digest is off', { ...weekdays, schedule: 'off' as const }, '2026-11-19T09:00:00Z'],
    // Before 09:00 on Thursday the last slot is Wednesday's, 23 h old: too late to send it now.
    ['before the time, the day after', weekdays, '2026-11-19T07:59:00Z'],
    // Saturday noon: Friday's is 28 h old and there is none on Saturday.
    ['a Saturday on weekdays', weekdays, '2026-11-21T11:00:00Z'],
    ['a Tuesday on weekly', { ...weekdays, schedule: 'weekly' as const }, '2026-11-24T09:00:00Z'],
  ])('is null when %s', (_name, settings, now) => {
    expect(dueSlot(at(now), settings, PARIS)).toBeNull();
  });
});
