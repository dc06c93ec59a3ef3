import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../src-shared/ipc/snapshot';
import { buildTrayModel, type TrayMenuItem } from '../../../../src-main/tray/tray-model';
import { NOW, pool, snapshot, workspace } from '../helpers/snapshot-fixtures';

const model = (snap: Snapshot, extra: { maxTooltipLength?: number; now?: number } = {}) =>
  buildTrayModel({
    snapshot: snap,
    now: extra.now ?? NOW,
    timeZone: 'Europe/Paris',
    maxTooltipLength: extra.maxTooltipLength,
  });

const labels = (items: TrayMenuItem[]) => items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('buildTrayModel: icon state', () => {
  const isoAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
  it.each([
    { name: 'ok under 50 %', percent: 12.5, level: 'ok', shown: 12, dimmed: false, snap: {} },
    { name: 'amber past 50 %', percent: 50, level: 'warn', shown: 50, dimmed: false, snap: {} },
    {
      name: 'rounds down: 89.97 % is not yet 90 %',
      percent: 89.97,
      level: 'warn',
      shown: 89,
      dimmed: false,
      snap: {},
    },
    { name: 'red past 90 %', percent: 93.4, level: 'critical', shown: 93, dimmed: false, snap: {} },
    { name: 'dry at 100 %', percent: 100, level: 'dry', shown: 100, dimmed: false, snap: {} },
    {
      name: 'dimmed while the last sync failed',
      percent: 40,
      level: 'ok',
      shown: 40,
      dimmed: true,
      snap: {
        sync: {
          running: false,
          lastSuccessAt: isoAgo(10),
          lastError: { message: 'HTTP 503', at: isoAgo(1) },
          nextSyncAt: null,
          offline: false,
        },
      },
    },
    {
      name: 'not dimmed when a success came after the error',
      percent: 40,
      level: 'ok',
      shown: 40,
      dimmed: false,
      snap: {
        sync: {
          running: false,
          lastSuccessAt: isoAgo(1),
          lastError: { message: 'HTTP 503', at: isoAgo(10) },
          nextSyncAt: null,
          offline: false,
        },
      },
    },
    {
      name: 'dimmed while offline',
      percent: 40,
      level: 'ok',
      shown: 40,
      dimmed: true,
      snap: {
        sync: { running: false, lastSuccessAt: isoAgo(3), lastError: null, nextSyncAt: null, offline: true },
      },
    },
  ])('$name', ({ percent, level, shown, dimmed, snap }) => {
    const m = model(
      snapshot([workspace('acme', 'Acme', [pool({ percentUsed: percent })])], snap as Partial<Snapshot>),
    );
    expect(m.icon).toEqual({ percent: shown, level, dimmed });
    // The title is text: the one rule rounds down to a tenth (89.97 reads 89.9 %), the badge to whole digits.
    expect(m.title).toBe(`${Math.floor(percent * 10) / 10}%`);
  });

  it('dims exactly where the card says the data is stale (the snapshot, recomposed every minute, ages it)', () => {
    const at = (kind: 'live' | 'cached' | 'stale', minutes: number) =>
      workspace('acme', 'Acme', [pool({ percentUsed: 40 })], {
        freshness: { kind, lastSyncAt: isoAgo(minutes), ageSeconds: minutes * 60 },
      });
    expect(model(snapshot([at('live', 10)])).icon.dimmed).toBe(false);
    expect(model(snapshot([at('cached', 25)])).icon.dimmed).toBe(false);
    expect(model(snapshot([at('stale', 35)])).icon.dimmed).toBe(true);
  });

  it('a workspace kept by hand, read 2 hours ago, is as fresh on the tray as on its card', () => {
    // Its card: "Read 2 hours ago", OK (a reading is live within the reminder's 24 hours), whatever
    // the sync's 30-minute stale limit says: it never syncs.
    const ws = workspace('studio', 'Studio', [pool({ percentUsed: 40 })], {
      source: 'manual',
      freshness: { kind: 'live', lastSyncAt: isoAgo(120), ageSeconds: 7200, basis: 'reading' },
    });
    const m = model(snapshot([ws], { sync: { ...snapshot([]).sync, lastSuccessAt: null } }));
    expect(m.icon.dimmed).toBe(false);
    expect(m.tooltip.split('\n')).toEqual(['Creditbar', 'Studio: OK · 6,000 left (40%), resets in 10d 12h']);
  });

  it('a workspace imported from a ledger, never synced: dimmed, "Stale", and the overview\'s words for its age', () => {
    const ws = workspace('studio', 'Studio', [pool({ percentUsed: 40, state: 'stale' })], {
      source: 'ledger',
      freshness: { kind: 'stale', lastSyncAt: null, ageSeconds: null },
    });
    const m = model(snapshot([ws], { sync: { ...snapshot([]).sync, lastSuccessAt: null } }));
    expect(m.icon).toEqual({ percent: 40, level: 'ok', dimmed: true });
    expect(m.tooltip.split('\n')).toEqual([
      'Creditbar (not synced yet)',
      'Studio: Stale · 6,000 left (40%), resets in 10d 12h',
    ]);
  });

  it('shows a neutral dimmed badge and an onboarding menu before any workspace exists', () => {
    const m = model(snapshot([], { mode: 'onboarding' }));
    expect(m.icon).toEqual({ percent: null, level: 'ok', dimmed: true });
    expect(m.title).toBe('');
    expect(m.tooltip).toMatch(/no workspace yet/);
    expect(labels(m.menu)).toEqual(['No workspace yet', '---', 'Open Creditbar', '---', 'Quit Creditbar']);
  });
});

describe('buildTrayModel: tooltip and menu', () => {
  const snap = snapshot([
    workspace('acme', 'Acme', [pool({ percentUsed: 93.4, available: 50_000 })]),
    workspace('globex', 'Globex', [
      pool({ percentUsed: 20, available: 1_000 }),
      pool({ pool: 'message', percentUsed: 100, remaining: 0, available: 200 }),
    ]),
  ]);

  it('lists every workspace, most urgent first, with its state, remaining credits and time to reset in the tooltip', () => {
    expect(model(snap).tooltip).toBe(
      [
        'Creditbar',
        'Globex messages: Dry · none left, resets in 10d 12h',
        'Acme: Past 90% · 3,300 left (93.4%), resets in 10d 12h',
      ].join('\n'),
    );
  });

  it('keeps whole lines within the platform limit and says how many were left out', () => {
    const tip = model(snap, { maxTooltipLength: 75 }).tooltip;
    expect(tip.length).toBeLessThanOrEqual(75);
    expect(tip).toBe('Creditbar\nGlobex messages: Dry · none left, resets in 10d 12h\n+1 more');
  });

  it('has one item per pool, sync, pause, open and quit', () => {
    const m = model(snap);
    expect(labels(m.menu)).toEqual([
      'Globex messages: Dry · none left, resets in 10d 12h',
      'Acme: Past 90% · 3,300 left (93.4%), resets in 10d 12h',
      'Globex integrations: OK · 800 left (20%), resets in 10d 12h',
      '---',
      'Synced 1 minute ago',
      'Sync now',
      '---',
      'Pause alerts for 1 hour',
      'Pause alerts until tomorrow',
      '---',
      'Open Creditbar',
      'Quit Creditbar',
    ]);
    expect(m.menu[1]).toMatchObject({
      type: 'workspace',
      workspaceId: 'acme',
      pool: 'integration',
      level: 'critical',
    });
  });

  it('says where a balance is priced with assumed rules (no catalog version named): menu and tooltip', () => {
    const legacy: Snapshot = {
      ...snap,
      workspaces: snap.workspaces.map((w) => (w.id === 'acme' ? { ...w, catalogVersion: null } : w)),
    };
    const m = model(legacy);
    expect(labels(m.menu)).toContain(
      'Acme: Past 90% · 3,300 left (93.4%), resets in 10d 12h · rules assumed',
    );
    expect(m.tooltip.split('\n')).toContain(
      'Acme: Past 90% · 3,300 left (93.4%), resets in 10d 12h · rules assumed',
    );
    // Globex names its rules: nothing added.
    expect(labels(m.menu).filter((l) => l.includes('rules assumed'))).toHaveLength(1);
  });

  it('disables sync now while a sync runs', () => {
    const running = model({ ...snap, sync: { ...snap.sync, running: true } });
    expect(running.menu.find((i) => i.type === 'action' && i.action === 'sync-now')).toMatchObject({
      label: 'Syncing…',
      enabled: false,
    });
  });

  it('shows the snooze end in local time and offers to resume', () => {
    // 2026-11-21T07:00Z is 08:00 in Paris.
    const paused = model({ ...snap, pausedUntil: '2026-11-21T07:00:00.000Z' });
    expect(labels(paused.menu)).toContain('Alerts paused until 8:00\u00a0AM');
    expect(paused.menu.some((i) => i.type === 'action' && i.action === 'resume-alerts')).toBe(true);
    expect(paused.menu.some((i) => i.type === 'action' && i.action === 'pause-1h')).toBe(false);
  });

  it('says when notifications are held by quiet hours, and when they are off', () => {
    // 2026-11-21T07:00Z is 08:00 in Paris.
    const quiet = model({ ...snap, notifications: { state: 'quiet', until: '2026-11-21T07:00:00.000Z' } });
    expect(labels(quiet.menu)).toContain('Alerts held until 8:00\u00a0AM (quiet hours)');
    const off = model({ ...snap, notifications: { state: 'off', until: null } });
    expect(labels(off.menu)).toContain('Notifications are off (Settings)');
    expect(off.menu.some((i) => i.type === 'action' && i.action === 'pause-1h')).toBe(false);
  });

  it('says why the data is not current', () => {
    const failing = model({
      ...snap,
      sync: {
        ...snap.sync,
        lastError: { message: 'HTTP 503', at: new Date(NOW - 120_000).toISOString() },
        lastSuccessAt: new Date(NOW - 600_000).toISOString(),
      },
    });
    expect(failing.tooltip.split('\n')[0]).toBe('Creditbar (sync failing)');
    expect(labels(failing.menu)).toContain('Sync failed 2 minutes ago: HTTP 503');
  });
});

describe('buildTrayModel: desktop integration', () => {
  const snap = snapshot([workspace('acme', 'Acme', [pool({ percentUsed: 40 })])]);
  const build = (extra: Partial<Parameters<typeof buildTrayModel>[0]>) =>
    buildTrayModel({ snapshot: snap, now: NOW, timeZone: 'Europe/Paris', ...extra });

  it('leads with "Show balances" where the click never arrives (Linux AppIndicator)', () => {
    expect(labels(build({ clickKind: 'menu' }).menu).slice(0, 3)).toEqual([
      'Show balances',
      '---',
      'Acme: OK · 6,000 left (40%), resets in 10d 12h',
    ]);
    expect(labels(build({ clickKind: 'click' }).menu)).not.toContain('Show balances');
    // Also before any workspace exists: the menu is the only way in.
    const empty = buildTrayModel({
      snapshot: snapshot([], { mode: 'onboarding' }),
      now: NOW,
      timeZone: 'UTC',
      clickKind: 'menu',
    });
    expect(labels(empty.menu)[0]).toBe('Show balances');
  });

  it('offers the downloaded update above "Open Creditbar"', () => {
    const menu = labels(build({ updateReady: { version: '0.2.0' } }).menu);
    expect(menu.slice(-3)).toEqual(['Restart to update to 0.2.0', 'Open Creditbar', 'Quit Creditbar']);
    expect(labels(build({ updateReady: null }).menu)).not.toContain('Restart to update to 0.2.0');
  });
});
