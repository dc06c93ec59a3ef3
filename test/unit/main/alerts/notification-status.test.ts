import { describe, expect, it } from 'vitest';
import { notificationStatus } from '../../../../src-main/alerts/notification-status';
import { DEFAULT_SETTINGS } from '../../../../src-shared/settings/settings';

const TZ = 'Europe/Paris';
// 2026-11-20 23:30 in Paris (22:30 UTC).
const NIGHT = Date.parse('2026-11-20T22:30:00Z');
// 2026-11-20 15:00 in Paris.
const DAY = Date.parse('2026-11-20T14:00:00Z');
const base = {
  notifications: DEFAULT_SETTINGS.notifications,
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
};

describe('the Notifications status line never says "On" while nothing would be shown', () => {
  it('is on in the day, with nothing holding notifications', () => {
    expect(notificationStatus(base, null, DAY, TZ)).toEqual({ state: 'on', until: null });
  });

  it('is held until 08:00 during quiet hours', () => {
    // 08:00 in Paris on the 21st is 07:00 UTC.
    expect(notificationStatus(base, null, NIGHT, TZ)).toEqual({
      state: 'quiet',
      until: '2026-11-21T07:00:00.000Z',
    });
  });

  it('is paused until the snooze ends, and until quiet hours end when the snooze ends inside them', () => {
    const oneHour = DAY + 3_600_000;
    expect(notificationStatus(base, oneHour, DAY, TZ)).toEqual({
      state: 'paused',
      until: new Date(oneHour).toISOString(),
    });
    // A snooze to 23:30 ends inside quiet hours: what is held shows at 08:00.
    expect(notificationStatus(base, NIGHT, NIGHT - 3_600_000, TZ)).toEqual({
      state: 'paused',
      until: '2026-11-21T07:00:00.000Z',
    });
  });

  it('is off when the switch is off, whatever else holds', () => {
    const off = { ...base, notifications: { ...base.notifications, enabled: false } };
    expect(notificationStatus(off, DAY + 3_600_000, NIGHT, TZ)).toEqual({ state: 'off', until: null });
  });
});
