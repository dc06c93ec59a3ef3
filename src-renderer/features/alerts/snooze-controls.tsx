import type { NotificationStatus } from '../../../src-shared/ipc/snapshot';
import { formatDateTime } from '../../components/format';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/store-context';

/**
 * The status line, as the main process decides it (the switch, a snooze, quiet hours): never "On"
 * while a raised alert would not be shown.
 */
export function notificationLine(status: NotificationStatus): string {
  const until = status.until ? formatDateTime(status.until) : null;
  switch (status.state) {
    case 'off':
      return 'Off: desktop notifications are switched off in Settings. Alerts are still recorded here.';
    case 'paused':
      return `Paused until ${until ?? 'you resume'}. Alerts are still recorded here and shown when the pause ends.`;
    case 'quiet':
      return `Held until ${until ?? 'the end of quiet hours'} (quiet hours). Alerts are recorded here and shown then.`;
    case 'on':
      return 'On: you are notified as alerts are raised.';
  }
}

/** Pause notifications for an hour or until tomorrow, or resume; alerts are still recorded meanwhile. */
export function SnoozeControls(): React.JSX.Element {
  const pausedUntil = useAppStore((s) => s.snapshot?.pausedUntil ?? null);
  const reported = useAppStore((s) => s.snapshot?.notifications ?? null);
  const snooze = useAppStore((s) => s.snooze);
  const now = useNow(30_000);
  const paused = pausedUntil !== null && Date.parse(pausedUntil) > now;
  // A snooze set a moment ago shows at once, before the next snapshot says so.
  const status: NotificationStatus =
    paused && reported?.state !== 'paused' && reported?.state !== 'off'
      ? { state: 'paused', until: pausedUntil }
      : (reported ?? (paused ? { state: 'paused', until: pausedUntil } : { state: 'on', until: null }));
  return (
    <section className="snooze card" aria-labelledby="snooze-title">
      <h2 id="snooze-title">Notifications</h2>
      <p data-testid="snooze-state" data-paused={paused} data-state={status.state}>
        {notificationLine(status)}
      </p>
      <div className="button-row" role="group" aria-label="Pause notifications">
        <button type="button" className="button" onClick={() => void snooze('1h')}>
          Pause for 1 hour
        </button>
        <button type="button" className="button" onClick={() => void snooze('tomorrow')}>
          Pause until tomorrow
        </button>
        <button type="button" className="button" onClick={() => void snooze('off')} disabled={!paused}>
          Resume notifications
        </button>
      </div>
    </section>
  );
}
