import { formatDateTime } from '../../components/format';
import { useNow } from '../../components/use-now';
import { useAppStore } from '../../store/store-context';

/** Pause notifications for an hour or until tomorrow, or resume; alerts are still recorded meanwhile. */
export function SnoozeControls(): React.JSX.Element {
  const pausedUntil = useAppStore((s) => s.snapshot?.pausedUntil ?? null);
  const snooze = useAppStore((s) => s.snooze);
  const now = useNow(30_000);
  const paused = pausedUntil !== null && Date.parse(pausedUntil) > now;
  return (
    <section className="snooze card" aria-labelledby="snooze-title">
      <h2 id="snooze-title">Notifications</h2>
      <p data-testid="snooze-state" data-paused={paused}>
        {paused
          ? `Paused until ${formatDateTime(pausedUntil)}. Alerts are still recorded here and shown when the pause ends.`
          : 'On: you are notified as alerts are raised.'}
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
