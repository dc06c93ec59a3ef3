import { describe, expect, it } from 'vitest';
import { TrayIconCache } from '../../../../src-main/tray/icon-renderer';
import { trayImageSpec } from '../../../../src-main/tray/tray-image';
import { toMenuTemplate, type TrayActions } from '../../../../src-main/tray/tray-menu';
import type { TrayMenuItem } from '../../../../src-main/tray/tray-model';

describe('toMenuTemplate', () => {
  it('binds every menu item to its action', () => {
    const calls: string[] = [];
    const actions: TrayActions = {
      showPopover: () => calls.push('popover'),
      openWorkspace: (id) => calls.push(`open ${id}`),
      syncNow: () => calls.push('sync'),
      pauseAlerts: (span) => calls.push(`pause ${span}`),
      installUpdate: () => calls.push('install'),
      openApp: () => calls.push('app'),
      quit: () => calls.push('quit'),
    };
    const items: TrayMenuItem[] = [
      { type: 'workspace', workspaceId: 'acme', pool: 'integration', label: 'Acme', level: 'ok' },
      { type: 'info', label: 'Synced 1 min ago' },
      { type: 'separator' },
      { type: 'action', action: 'sync-now', label: 'Sync now', enabled: true },
      { type: 'action', action: 'pause-1h', label: '1 h', enabled: true },
      { type: 'action', action: 'pause-tomorrow', label: 'tomorrow', enabled: true },
      { type: 'action', action: 'resume-alerts', label: 'resume', enabled: true },
      { type: 'action', action: 'open', label: 'Open', enabled: true },
      { type: 'action', action: 'show-popover', label: 'Show balances', enabled: true },
      { type: 'action', action: 'install-update', label: 'Restart to update', enabled: true },
      { type: 'action', action: 'quit', label: 'Quit', enabled: false },
    ];
    const template = toMenuTemplate(items, actions);
    expect(template[1]).toEqual({ label: 'Synced 1 min ago', enabled: false });
    expect(template[2]).toEqual({ type: 'separator' });
    expect(template[10]).toMatchObject({ label: 'Quit', enabled: false });
    template.forEach((item) => item.click?.());
    expect(calls).toEqual([
      'open acme',
      'sync',
      'pause 1h',
      'pause tomorrow',
      'pause off',
      'app',
      'popover',
      'install',
      'quit',
    ]);
  });
});

describe('trayImageSpec', () => {
  const cache = new TrayIconCache();
  it.each([
    ['darwin', 'ok', true, [16, 32]],
    ['darwin', 'critical', false, [16, 32]],
    ['win32', 'ok', false, [16, 24, 32]],
    ['linux', 'warn', false, [22, 44]],
  ] as const)('%s at %s: template=%s, sizes %j', (platform, level, template, sizes) => {
    const spec = trayImageSpec({ percent: 42, level, dimmed: false }, platform, cache);
    expect(spec.template).toBe(template);
    expect(spec.representations.map((r) => r.width)).toEqual(sizes);
    expect(spec.representations.every((r) => r.buffer.subarray(1, 4).toString() === 'PNG')).toBe(true);
  });
});
