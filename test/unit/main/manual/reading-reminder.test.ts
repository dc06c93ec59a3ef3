import { describe, expect, test } from 'vitest';
import { dueReadingReminder, type ReminderCandidate } from '../../../../src-main/manual/reading-reminder';

const setting = { enabled: true, afterHours: 24, weekdaysOnly: true, at: '09:00' };
const ms = (iso: string) => Date.parse(iso);
// 2026-12-07 is a Monday. Berlin is UTC+1 in December: 09:00 local is 08:00 UTC.
const berlin = 'Europe/Berlin';

function studio(lastReadingAt: string | null): ReminderCandidate {
  return {
    workspaceId: 'studio',
    name: 'Support studio',
    pool: 'integration',
    lastReadingAt: lastReadingAt ? ms(lastReadingAt) : null,
  };
}

const due = (
  now: string,
  workspaces: ReminderCandidate[],
  extra: Partial<Parameters<typeof dueReadingReminder>[0]> = {},
) => dueReadingReminder({ now: ms(now), timeZone: berlin, setting, workspaces, lastSentDay: null, ...extra });

describe('the reading reminder', () => {
  test('a weekday past 09:00 local with a reading older than 24 h: one notification whose click opens the field', () => {
    expect(due('2026-12-07T08:00:00Z', [studio('2026-12-04T08:30:00Z')])).toEqual({
      day: '2026-12-07',
      workspaceId: 'studio',
      pool: 'integration',
      title: "Today's reading for Support studio",
      body: 'Support studio: type what the usage page shows so the balance and forecast stay current.',
    });
  });

  test('not before 09:00 local, not at the weekend, not with a fresh reading, not twice a day, not when off', () => {
    expect(due('2026-12-07T07:59:00Z', [studio(null)])).toBeNull(); // 08:59 in Berlin
    expect(due('2026-12-06T12:00:00Z', [studio(null)])).toBeNull(); // a Sunday
    expect(due('2026-12-07T10:00:00Z', [studio('2026-12-06T11:00:00Z')])).toBeNull(); // 23 h old
    expect(due('2026-12-07T10:00:00Z', [studio(null)], { lastSentDay: '2026-12-07' })).toBeNull();
    expect(
      due('2026-12-07T10:00:00Z', [studio(null)], { setting: { ...setting, enabled: false } }),
    ).toBeNull();
  });

  test('every day when weekdays only is off; the next day is a new day', () => {
    expect(
      due('2026-12-06T12:00:00Z', [studio(null)], { setting: { ...setting, weekdaysOnly: false } })?.day,
    ).toBe('2026-12-06');
    expect(due('2026-12-08T08:00:00Z', [studio(null)], { lastSentDay: '2026-12-07' })?.day).toBe(
      '2026-12-08',
    );
  });

  test('several workspaces due: one notification naming them, opening the one that waited longest', () => {
    const r = due('2026-12-07T09:00:00Z', [
      studio('2026-12-04T08:00:00Z'),
      { workspaceId: 'mkt', name: 'Marketing', pool: 'integration', lastReadingAt: null },
      { workspaceId: 'ok', name: 'Fresh', pool: 'integration', lastReadingAt: ms('2026-12-07T08:30:00Z') },
    ]);
    expect(r).toMatchObject({ workspaceId: 'mkt', title: "Today's readings" });
    expect(r?.body).toBe(
      'Marketing, Support studio: type what the usage page shows so the balance and forecast stay current.',
    );
  });
});
