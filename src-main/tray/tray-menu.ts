import type { TrayAction, TrayMenuItem } from './tray-model';

/** What the tray's menu commands do; the app wires these to its services and windows. */
export interface TrayActions {
  /** Opens the popover (Linux: from the menu, where a click on the icon never arrives). */
  showPopover(): void;
  openWorkspace(workspaceId: string): void;
  syncNow(): void;
  pauseAlerts(span: '1h' | 'tomorrow' | 'off'): void;
  /** Quits and installs the downloaded update. */
  installUpdate(): void;
  openApp(): void;
  quit(): void;
}

/** The subset of Electron's MenuItemConstructorOptions the tray uses; structurally assignable to it. */
export interface MenuTemplateItem {
  type?: 'normal' | 'separator';
  label?: string;
  enabled?: boolean;
  click?: () => void;
}

function run(action: TrayAction, actions: TrayActions): () => void {
  switch (action) {
    case 'show-popover':
      return () => actions.showPopover();
    case 'sync-now':
      return () => actions.syncNow();
    case 'pause-1h':
      return () => actions.pauseAlerts('1h');
    case 'pause-tomorrow':
      return () => actions.pauseAlerts('tomorrow');
    case 'resume-alerts':
      return () => actions.pauseAlerts('off');
    case 'install-update':
      return () => actions.installUpdate();
    case 'open':
      return () => actions.openApp();
    case 'quit':
      return () => actions.quit();
  }
}

/** Turns the menu model into a template for Menu.buildFromTemplate. */
export function toMenuTemplate(items: readonly TrayMenuItem[], actions: TrayActions): MenuTemplateItem[] {
  return items.map((item): MenuTemplateItem => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'info':
        return { label: item.label, enabled: false };
      case 'workspace':
        return { label: item.label, enabled: true, click: () => actions.openWorkspace(item.workspaceId) };
      case 'action':
        return { label: item.label, enabled: item.enabled, click: run(item.action, actions) };
    }
  });
}
