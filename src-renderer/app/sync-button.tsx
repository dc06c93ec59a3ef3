import { SyncIcon } from '../components/icons';
import { useAppStore } from '../store/store-context';

/**
 * Sync now; while a sync runs it says so and stays disabled (main never runs two at once). Absent
 * where nothing syncs (only workspaces kept by hand): their rows offer "Record reading" instead.
 */
export function SyncButton(): React.JSX.Element | null {
  const running = useAppStore((s) => s.syncRequested || (s.snapshot?.sync.running ?? false));
  const syncNow = useAppStore((s) => s.syncNow);
  const nothingSyncs = useAppStore(
    (s) => s.snapshot?.mode === 'accounts' && (s.snapshot.accounts?.length ?? 0) === 0,
  );
  if (nothingSyncs) return null;
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
