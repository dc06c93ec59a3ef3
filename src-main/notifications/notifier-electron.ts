// Desktop notifications through Electron. What to say and when is decided in src-main/alerts; this
// only shows the text and reports clicks.
import { Notification } from 'electron';
import type { NotificationContent } from '../alerts/notification-text';

export interface Notifier {
  show(content: NotificationContent): void;
}

/**
 * A notifier whose click opens the alert's workspace. Shown notifications are kept referenced until
 * closed: a notification object collected by the garbage collector loses its click handler.
 */
export function createElectronNotifier(
  openWorkspace: (workspaceId: string, readingPool?: NotificationContent['readingPool']) => void,
  onUnsupported?: (content: NotificationContent) => void,
): Notifier {
  const live = new Set<Notification>();
  return {
    show(content) {
      if (!Notification.isSupported()) {
        onUnsupported?.(content);
        return;
      }
      const notification = new Notification({ title: content.title, body: content.body });
      live.add(notification);
      notification.on('click', () => openWorkspace(content.workspaceId, content.readingPool));
      notification.on('close', () => live.delete(notification));
      notification.show();
    },
  };
}
