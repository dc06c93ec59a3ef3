import type { SenderVerdict } from './dispatch-invoke';

/** The parts of an IpcMainInvokeEvent the sender check reads (so tests can pass a plain object). */
export interface IpcSenderEvent {
  sender: { id: number };
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * The webContents ids of the app's own windows. A window is added when it is created and removed
 * when its webContents is destroyed, so an id can never be trusted after reuse.
 */
export class TrustedSenders {
  private readonly ids = new Set<number>();

  add(id: number): void {
    this.ids.add(id);
  }

  remove(id: number): void {
    this.ids.delete(id);
  }

  has(id: number): boolean {
    return this.ids.has(id);
  }
}

/**
 * Accepts an IPC message only from a known window's main frame showing the app's own page: not from
 * an iframe, not from a window the app did not create, not after a navigation to another origin.
 */
export function checkIpcSender(
  event: IpcSenderEvent,
  trusted: TrustedSenders,
  isAppUrl: (url: string) => boolean,
): SenderVerdict {
  if (!trusted.has(event.sender.id))
    return { trusted: false, reason: 'the message did not come from a Creditbar window.' };
  const frame = event.senderFrame;
  if (!frame) return { trusted: false, reason: 'the sending frame is gone.' };
  if (frame.parent !== null)
    return { trusted: false, reason: 'the message came from a sub-frame, not the window itself.' };
  if (!isAppUrl(frame.url)) return { trusted: false, reason: 'the sending page is not part of Creditbar.' };
  return { trusted: true };
}
