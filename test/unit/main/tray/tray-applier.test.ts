import { describe, expect, it } from 'vitest';
import {
  createTrayApplier,
  tooltipLimit,
  trayClickKind,
  WINDOWS_TOOLTIP_MAX,
  type TraySurface,
} from '../../../../src-main/tray/tray-applier';
import { buildTrayModel } from '../../../../src-main/tray/tray-model';
import type { Snapshot } from '../../../../src-shared/ipc/snapshot';
import { NOW, pool, snapshot, workspace } from '../helpers/snapshot-fixtures';

/** Electron's Tray cannot run here: a surface that records the calls the adapter would make. */
function recordingSurface() {
  const calls: string[] = [];
  const surface: TraySurface = {
    setImage: (spec) => calls.push(`setImage ${spec.representations.length}`),
    setToolTip: () => calls.push('setToolTip'),
    setTitle: (text) => calls.push(`setTitle ${text}`),
    buildMenu: () => calls.push('buildMenu'),
    attachMenu: () => calls.push('attachMenu'),
  };
  return { surface, calls, count: (name: string) => calls.filter((c) => c.startsWith(name)).length };
}

const model = (snap: Snapshot, now = NOW, platform: NodeJS.Platform = 'linux') =>
  buildTrayModel({
    snapshot: snap,
    now,
    timeZone: 'UTC',
    maxTooltipLength: tooltipLimit(platform),
    clickKind: trayClickKind(platform),
  });

const acme = (percentUsed: number) => snapshot([workspace('acme', 'Acme', [pool({ percentUsed })])]);

describe('createTrayApplier: the badge image', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    '%s: an unchanged snapshot never calls setImage again',
    (platform) => {
      const { surface, count } = recordingSurface();
      const apply = createTrayApplier(surface, platform);
      apply(model(acme(62.4), NOW, platform));
      expect(count('setImage')).toBe(1);
      apply(model(acme(62.4), NOW, platform));
      apply(model(acme(62.4), NOW, platform));
      expect(count('setImage')).toBe(1);
    },
  );

  it('a minute later only the countdown text moves: the tooltip is set, the image is not', () => {
    const { surface, count } = recordingSurface();
    const apply = createTrayApplier(surface, 'win32');
    apply(model(acme(62.4), NOW, 'win32'));
    // 10 d 12 h to the reset at NOW; ten minutes later the tooltip says 10 d 11 h (the data is
    // 11 minutes old, not yet stale at 30: the badge is not dimmed).
    apply(model(acme(62.4), NOW + 600_000, 'win32'));
    expect(count('setImage')).toBe(1);
    expect(count('setToolTip')).toBe(2);
  });

  it('a percent that changes the drawn number sets the image; one that does not, does not', () => {
    const { surface, count } = recordingSurface();
    const apply = createTrayApplier(surface, 'linux');
    apply(model(acme(62.1)));
    // 62.1 % and 62.8 % both draw "62" (rounded down): same pixels.
    apply(model(acme(62.8)));
    expect(count('setImage')).toBe(1);
    apply(model(acme(63.0)));
    expect(count('setImage')).toBe(2);
    // 89 % → 90 %: the number and the colour level change.
    apply(model(acme(90)));
    expect(count('setImage')).toBe(3);
  });

  it('a failing sync dims the badge: same number, new image', () => {
    const { surface, count } = recordingSurface();
    const apply = createTrayApplier(surface, 'linux');
    const snap = acme(40);
    apply(model(snap));
    apply(model({ ...snap, sync: { ...snap.sync, offline: true } }));
    expect(count('setImage')).toBe(2);
  });
});

describe('createTrayApplier: the menu by platform', () => {
  it('Linux re-applies the context menu after every model change, and not when nothing changed', () => {
    const { surface, count } = recordingSurface();
    const apply = createTrayApplier(surface, 'linux');
    apply(model(acme(40)));
    expect(count('attachMenu')).toBe(1);
    apply(model(acme(40)));
    expect(count('attachMenu')).toBe(1);
    // Only the badge changes (dimmed): the AppIndicator still gets its menu again.
    apply(model({ ...acme(40), sync: { ...acme(40).sync, offline: true } }));
    expect(count('attachMenu')).toBe(2);
    apply(model(acme(55)));
    expect(count('attachMenu')).toBe(3);
  });

  it('Windows attaches the menu only when the menu changed', () => {
    const { surface, calls, count } = recordingSurface();
    const apply = createTrayApplier(surface, 'win32');
    apply(model(acme(40), NOW, 'win32'));
    expect(calls).toEqual(['setImage 3', 'setToolTip', 'buildMenu', 'attachMenu']);
    const snap = acme(40);
    // Offline changes the badge (dimmed) and the tooltip's header, but the menu's sync line too.
    apply(model({ ...snap, sync: { ...snap.sync, offline: true } }, NOW, 'win32'));
    expect(count('attachMenu')).toBe(2);
    // Back online with a sync a second later than the first: "Synced 1 min ago" again, so the menu
    // is the first one's and is attached again; then the same model once more calls nothing.
    const later = { ...snap, sync: { ...snap.sync, lastSuccessAt: new Date(NOW - 61_000).toISOString() } };
    apply(model(later, NOW, 'win32'));
    expect(count('attachMenu')).toBe(3);
    const before = calls.length;
    apply(model(later, NOW, 'win32'));
    expect(calls.length).toBe(before);
  });

  it('macOS never attaches the menu (it would take the left click), and sets the menu-bar title', () => {
    const { surface, calls } = recordingSurface();
    const apply = createTrayApplier(surface, 'darwin');
    apply(model(acme(62.4), NOW, 'darwin'));
    // The title is text: 62.4 % by the one rule (rounded down to a tenth); the badge draws 62.
    expect(calls).toEqual(['setImage 2', 'setTitle 62.4%', 'setToolTip', 'buildMenu']);
    apply(model(acme(75), NOW, 'darwin'));
    expect(calls.slice(4)).toEqual(['setImage 2', 'setTitle 75%', 'setToolTip', 'buildMenu']);
  });

  it('Linux leads the menu with "Show balances": the AppIndicator never delivers the click', () => {
    expect(trayClickKind('linux')).toBe('menu');
    expect(trayClickKind('win32')).toBe('click');
    expect(trayClickKind('darwin')).toBe('click');
    const items = model(acme(40), NOW, 'linux').menu;
    expect(items[0]).toEqual({
      type: 'action',
      action: 'show-popover',
      label: 'Show balances',
      enabled: true,
    });
    expect(model(acme(40), NOW, 'win32').menu[0]).toMatchObject({ type: 'workspace' });
  });
});

describe('the Windows tooltip', () => {
  it('is cut to 127 characters at a whole line, saying how many pools were left out', () => {
    expect(tooltipLimit('win32')).toBe(127);
    expect(tooltipLimit('linux')).toBeUndefined();
    const snap = snapshot(
      ['Marketing', 'Support', 'Growth experiments', 'Side project', 'Sales'].map((name, i) =>
        workspace(`w${i}`, name, [pool({ percentUsed: 10 + i * 10 })]),
      ),
    );
    const tip = model(snap, NOW, 'win32').tooltip;
    expect(tip.length).toBeLessThanOrEqual(WINDOWS_TOOLTIP_MAX);
    // Most urgent first (Sales at 50 %, then Side project at 40 %), each line ~55 characters:
    // header (9) + 2 lines + "+3 more", a third line would pass 127.
    expect(tip.split('\n')).toEqual([
      'Creditbar',
      'Sales: Past 50% · 5,000 left (50%), resets in 10d 12h',
      'Side project: OK · 6,000 left (40%), resets in 10d 12h',
      '+3 more',
    ]);
    // Without the limit (Linux, macOS) every pool is listed.
    expect(model(snap, NOW, 'linux').tooltip.split('\n')).toHaveLength(6);
  });
});
