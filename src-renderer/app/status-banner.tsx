import { CACHE_DAMAGE_FOUND_NOTICE } from '../../src-shared/display/cache-damage';
import { syncAgo, syncFailureLine } from '../../src-shared/display/sync-state';
import { dateStyle, formatTime } from '../components/format';
import { OfflineIcon } from '../components/icons';
import { useNow } from '../components/use-now';
import { useAppStore } from '../store/store-context';

/**
 * What is wrong with the data right now, above every screen: offline (the last data stays shown),
 * a failed sync, an account that needs its token, a notice about the app itself (a damaged cache
 * put aside), a paused notification stream, or a failed action.
 */
export function StatusBanner(): React.JSX.Element | null {
  const sync = useAppStore((s) => s.snapshot?.sync ?? null);
  const pausedUntil = useAppStore((s) => s.snapshot?.pausedUntil ?? null);
  const actionError = useAppStore((s) => s.actionError);
  const dismiss = useAppStore((s) => s.dismissActionError);
  const notices = useAppStore((s) => s.snapshot?.notices ?? null);
  const accounts = useAppStore((s) => s.snapshot?.accounts ?? null);
  const dismissNotice = useAppStore((s) => s.dismissNotice);
  const now = useNow(30_000);
  const banners: React.JSX.Element[] = [];
  // A sync into a cache found damaged fails with the damage banner's own sentence: said once, there.
  const toldByNotice = !!sync?.lastError && !!notices?.some((n) => n.message === sync.lastError!.message);
  // The tray's sync line, word for word: "Sync failed 5 minutes ago: <why>".
  const failure = sync ? syncFailureLine(sync, now, dateStyle()) : null;
  if (sync?.offline) {
    // The header's and the cards' words for the age: "just now" under a minute (sync-state.ts).
    const age = sync.lastSuccessAt ? syncAgo(sync.lastSuccessAt, now, dateStyle()) : null;
    banners.push(
      <div key="offline" className="banner banner-offline" role="status" data-testid="offline-banner">
        <OfflineIcon />
        <span>
          Offline: showing the data from the last sync{age ? ` (${age})` : ''}. Creditbar keeps retrying;
          check your connection or the server.
        </span>
      </div>,
    );
  } else if (failure && !toldByNotice) {
    banners.push(
      <div key="sync-error" className="banner banner-error" role="status" data-testid="sync-error-banner">
        <span>{failure}</span>
      </div>,
    );
  }
  for (const a of accounts ?? []) {
    if (a.message === null) continue;
    banners.push(
      <div
        key={`token-${a.id}`}
        className="banner banner-error"
        role="status"
        data-testid="token-needed-banner"
      >
        <span>{a.message}.</span> <a href="#/settings">Enter it</a>
      </div>,
    );
  }
  for (const n of notices ?? []) {
    banners.push(
      <div
        key={`notice-${n.key}`}
        // A damaged cache is an error the lead must act on (quit and reopen), not news.
        className={`banner ${n.key === CACHE_DAMAGE_FOUND_NOTICE ? 'banner-error' : 'banner-info'}`}
        role="status"
        data-testid="notice-banner"
      >
        <span>{n.message}</span>
        <button type="button" className="link-button" onClick={() => void dismissNotice(n.key)}>
          Dismiss
        </button>
      </div>,
    );
  }
  if (pausedUntil && Date.parse(pausedUntil) > now) {
    banners.push(
      <div key="paused" className="banner banner-info" role="status" data-testid="paused-banner">
        <span>Notifications paused until {formatTime(pausedUntil)}.</span> <a href="#/alerts">Change</a>
      </div>,
    );
  }
  if (actionError) {
    banners.push(
      <div key="action" className="banner banner-error" role="alert">
        <span>{actionError}</span>
        <button type="button" className="link-button" onClick={dismiss}>
          Dismiss
        </button>
      </div>,
    );
  }
  return banners.length ? <div className="banners">{banners}</div> : null;
}
