import type { RaisedAlert } from '../../src-shared/ipc/snapshot';
import type { Settings } from '../../src-shared/settings/settings';

/**
 * Whether an alert of this kind in this workspace may notify: notifications on, the kind on, and the
 * kind not muted for the workspace. A switched-off alert is still recorded (silent) and listed in
 * the alert centre, so turning a kind back on never replays the past.
 */
export function notificationAllowed(
  kind: RaisedAlert['kind'],
  workspaceId: string,
  settings: Pick<Settings, 'notifications'>,
): boolean {
  const { notifications } = settings;
  if (!notifications.enabled) return false;
  if (notifications.kinds[kind] === false) return false;
  return !(notifications.mutedByWorkspace[workspaceId] ?? []).includes(kind);
}
