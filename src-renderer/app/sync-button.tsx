import { SyncIcon } from '../components/icons';
import { useAppStore } from '../store/store-context';

/** Sync now; while a sync runs it says so and stays disabled (main never runs two at once). */
export function SyncButton(): React.JSX.Element {
  const running = useAppStore((s) => s.syncRequested || (s.snapshot?.sync.running ?? false));
  const syncNow = useAppStore((s) => s.syncNow);
  return (
    <button
      type="button"
      className="button icon-button sync-button"
      onClick={() => void syncNow()}
      disabled={running}
      aria-busy={running}
      title={running ? 'Syncing…' : 'Sync now'}
    >
      <SyncIcon className={running ? 'icon spinning' : 'icon'} />
      <span>{running ? 'Syncing…' : 'Sync now'}</span>
    </button>
  );
}
