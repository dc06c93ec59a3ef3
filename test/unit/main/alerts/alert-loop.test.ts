import { describe, expect, it } from 'vitest';
import type { RaisedAlert } from '../../../../src-shared/ipc/snapshot';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src-shared/settings/settings';
import type { AlertCandidate } from '../../../../src-main/alerts/alert-candidate';
import { runAlertPass, type AlertPassInput } from '../../../../src-main/alerts/alert-loop';
import type { NotificationContent } from '../../../../src-main/alerts/notification-text';
import { InMemoryAlertStore } from '../helpers/in-memory-alert-store';
import { NOW, pool, workspace } from '../helpers/snapshot-fixtures';

const PERIOD = '2026-11-01T00:00:00.000Z';
const TZ = 'Europe/Paris';

function candidate(
  kind: RaisedAlert['kind'],
  percent: number | null,
  opts: { ws?: string; pool?: 'integration' | 'message'; period?: string; extra?: string } = {},
): AlertCandidate {
  const ws = opts.ws ?? 'acme';
  const p = opts.pool ?? 'integration';
  return {
    key: [ws, p, opts.period ?? PERIOD, kind, opts.extra ?? String(percent ?? '-')].join('|'),
    kind,
    workspaceId: ws,
    pool: p,
    percent,
    at: '2026-11-20T11:00:00.000Z',
    message: `${ws} ${kind} ${percent}`,
  };
}

const workspaces = [
  workspace('acme', 'Acme', [pool({ percentUsed: 95 }), pool({ pool: 'message', percentUsed: 55 })]),
  workspace('globex', 'Globex', [pool({ percentUsed: 60 })]),
];

function harness(start = NOW) {
  const store = new InMemoryAlertStore();
  const shown: NotificationContent[] = [];
  let now = start;
  const deps = () => ({
    store,
    notify: (n: NotificationContent) => shown.push(n),
    now: () => now,
    timeZone: TZ,
  });
  const pass = (
    candidates: AlertCandidate[],
    over: Partial<AlertPassInput> & { settings?: Pick<Settings, 'notifications' | 'quietHours'> } = {},
  ) =>
    runAlertPass(deps(), { candidates, workspaces, settings: DEFAULT_SETTINGS, pausedUntil: null, ...over });
  return { store, shown, pass, setNow: (t: number) => (now = t) };
}

const deliveries = (store: InMemoryAlertStore) =>
  Object.fromEntries(store.list().map((a) => [a.key.split('|').slice(3).join(' '), a.delivery]));

describe('runAlertPass', () => {
  it('a sync that jumps past 50 % and 90 %: one notification naming 90 %, both recorded', () => {
    const { store, shown, pass } = harness();
    const result = pass([candidate('threshold', 50), candidate('threshold', 90)]);
    expect(shown.map((n) => n.title)).toEqual(['Acme: 90% of integration credits used']);
    expect(result.raised.map((a) => [a.percent, a.delivery])).toEqual([
      [50, 'silent'],
      [90, 'shown'],
    ]);
    expect(store.has(candidate('threshold', 50).key) && store.has(candidate('threshold', 90).key)).toBe(true);
  });

  it('exhaustion outranks the thresholds crossed in the same sync', () => {
    const { shown, pass } = harness();
    pass([
      candidate('threshold', 50),
      candidate('threshold', 90),
      candidate('exhausted', 100),
      candidate('projected-run-out', null),
    ]);
    expect(shown.map((n) => n.title)).toEqual(['Acme: integration credits ran out']);
  });

  it('one notification per pool: other pools, workspaces and member budgets get their own', () => {
    const { shown, pass } = harness();
    pass([
      candidate('threshold', 90),
      candidate('threshold', 50, { pool: 'message' }),
      candidate('threshold', 50, { ws: 'globex' }),
      candidate('member-budget', null, { extra: 'ana' }),
    ]);
    expect(shown.map((n) => [n.workspaceId, n.title])).toEqual([
      ['acme', 'Acme: 90% of integration credits used'],
      ['acme', 'Acme: 50% of message credits used'],
      ['globex', 'Globex: 50% of integration credits used'],
      ['acme', 'Acme: a member reached their budget'],
    ]);
  });

  it('never raises a key twice: not on the next pass, not after a restart (same store, new loop)', () => {
    const { store, shown, pass } = harness();
    pass([candidate('threshold', 50)]);
    pass([candidate('threshold', 50)]);
    expect(shown).toHaveLength(1);
    const restarted: NotificationContent[] = [];
    runAlertPass(
      { store, notify: (n) => restarted.push(n), now: () => NOW + 60_000, timeZone: TZ },
      { candidates: [candidate('threshold', 50)], workspaces, settings: DEFAULT_SETTINGS, pausedUntil: null },
    );
    expect(restarted).toEqual([]);
  });

  it('re-arms in a new period: the keys carry the period start', () => {
    const { shown, pass } = harness();
    pass([candidate('threshold', 50)]);
    pass([candidate('threshold', 50, { period: '2026-12-01T00:00:00.000Z' })]);
    expect(shown).toHaveLength(2);
  });

  it('records switched-off kinds silently and never notifies them, globally or per workspace', () => {
    const { store, shown, pass } = harness();
    const settings = {
      ...DEFAULT_SETTINGS,
      notifications: {
        ...DEFAULT_SETTINGS.notifications,
        kinds: { ...DEFAULT_SETTINGS.notifications.kinds, 'mid-period-audit': false },
        mutedByWorkspace: { globex: ['threshold' as const] },
      },
    };
    pass(
      [
        candidate('mid-period-audit', 50),
        candidate('threshold', 50, { ws: 'globex' }),
        candidate('threshold', 50, { pool: 'message' }),
      ],
      { settings },
    );
    expect(shown.map((n) => n.title)).toEqual(['Acme: 50% of message credits used']);
    expect(store.list().filter((a) => a.delivery === 'silent')).toHaveLength(2);
  });

  it('a switched-off kind does not swallow the notification of a kind that is on', () => {
    const { shown, pass } = harness();
    const settings = {
      ...DEFAULT_SETTINGS,
      notifications: {
        ...DEFAULT_SETTINGS.notifications,
        kinds: { ...DEFAULT_SETTINGS.notifications.kinds, exhausted: false },
      },
    };
    pass([candidate('threshold', 90), candidate('exhausted', 100)], { settings });
    expect(shown.map((n) => n.title)).toEqual(['Acme: 90% of integration credits used']);
  });

  it('with notifications off, records everything and shows nothing', () => {
    const { store, shown, pass } = harness();
    pass([candidate('threshold', 50), candidate('exhausted', 100)], {
      settings: { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, enabled: false } },
    });
    expect(shown).toEqual([]);
    expect(store.list().map((a) => a.delivery)).toEqual(['silent', 'silent']);
  });
});

describe('runAlertPass: quiet hours and snooze', () => {
  const quiet = { ...DEFAULT_SETTINGS, quietHours: { enabled: true, start: '22:00', end: '07:00' } };
  // 2026-11-20T22:30Z is 23:30 in Paris; quiet hours end at 07:00 Paris = 06:00Z.
  const night = Date.parse('2026-11-20T22:30:00Z');
  const morning = Date.parse('2026-11-21T06:00:00Z');

  it('queues during quiet hours and releases after, one notification per pool naming the highest', () => {
    const { store, shown, pass, setNow } = harness(night);
    const first = pass([candidate('threshold', 50)], { settings: quiet });
    expect(first.heldUntil).toBe(morning);
    setNow(night + 3 * 3_600_000);
    pass([candidate('threshold', 50), candidate('threshold', 90)], { settings: quiet });
    expect(shown).toEqual([]);
    expect(deliveries(store)).toEqual({ 'threshold 50': 'queued', 'threshold 90': 'queued' });

    setNow(morning);
    const released = pass([candidate('threshold', 50), candidate('threshold', 90)], { settings: quiet });
    expect(released.heldUntil).toBeNull();
    expect(shown.map((n) => n.title)).toEqual(['Acme: 90% of integration credits used']);
    expect(deliveries(store)).toEqual({ 'threshold 50': 'silent', 'threshold 90': 'shown' });

    setNow(morning + 60_000);
    pass([candidate('threshold', 50), candidate('threshold', 90)], { settings: quiet });
    expect(shown).toHaveLength(1);
  });

  it('keeps queued alerts across a restart during quiet hours', () => {
    const { store, pass } = harness(night);
    pass([candidate('threshold', 50)], { settings: quiet });
    const shown: NotificationContent[] = [];
    runAlertPass(
      { store, notify: (n) => shown.push(n), now: () => morning, timeZone: TZ },
      { candidates: [candidate('threshold', 50)], workspaces, settings: quiet, pausedUntil: null },
    );
    expect(shown.map((n) => n.title)).toEqual(['Acme: 50% of integration credits used']);
  });

  it('drops a held alert whose condition ended while it waited (the period reset overnight)', () => {
    const { store, shown, pass, setNow } = harness(night);
    pass([candidate('threshold', 90)], { settings: quiet });
    setNow(morning);
    pass([], { settings: quiet });
    expect(shown).toEqual([]);
    expect(deliveries(store)).toEqual({ 'threshold 90': 'silent' });
  });

  it('holds through a snooze, then releases', () => {
    const { shown, pass, setNow } = harness();
    const pausedUntil = NOW + 3_600_000;
    expect(pass([candidate('exhausted', 100)], { pausedUntil }).heldUntil).toBe(pausedUntil);
    expect(shown).toEqual([]);
    setNow(pausedUntil);
    pass([candidate('exhausted', 100)], { pausedUntil });
    expect(shown.map((n) => n.title)).toEqual(['Acme: integration credits ran out']);
  });

  it('chains a snooze ending inside quiet hours to the end of quiet hours', () => {
    const { pass } = harness(Date.parse('2026-11-20T20:30:00Z'));
    const pausedUntil = Date.parse('2026-11-20T21:30:00Z'); // 22:30 Paris, inside quiet hours
    expect(pass([candidate('threshold', 50)], { settings: quiet, pausedUntil }).heldUntil).toBe(morning);
  });
});
