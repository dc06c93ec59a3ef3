import { useEffect, useId } from 'react';
import { listKeyHandler } from '../../app/list-navigation';
import { measureRender } from '../../app/readiness';
import { useCompact } from '../../app/use-compact';
import { Empty, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { CompactList } from './compact-list';
import type { OverviewPrefs } from './overview-prefs';
import { OverviewSummary } from './overview-summary';
import { HiddenWorkspaces } from './pin-hide-controls';
import { PoolCard } from './pool-card';
import { orderedPools, type OverviewSort } from './pool-order';

const NO_PREFS: OverviewPrefs = { pinned: [], hidden: [], sort: 'urgency' };

/** The window's sort choice (the popover is always by urgency), saved in settings. */
function SortChoice({ prefs }: { prefs: OverviewPrefs }): React.JSX.Element {
  const id = useId();
  const updateSettings = useAppStore((s) => s.updateSettings);
  return (
    <div className="field overview-sort">
      <label htmlFor={id}>Sort by</label>
      <select
        id={id}
        value={prefs.sort}
        onChange={(e) =>
          void updateSettings({ overview: { ...prefs, sort: e.target.value as OverviewSort } })
        }
      >
        <option value="urgency">Urgency</option>
        <option value="name">Name</option>
      </select>
    </div>
  );
}

/**
 * Every workspace's pools, most urgent first: in the popover a compact list that fits eight pools
 * without scrolling, in the window the full cards (sorted by urgency or by name). Pins come first,
 * hidden workspaces are listed apart.
 */
export function OverviewScreen(): React.JSX.Element {
  const snapshot = useAppStore((s) => s.snapshot);
  const prefs = useAppStore((s) => s.settings?.overview ?? NO_PREFS);
  const compact = useCompact();

  // One measure per snapshot drawn: from its arrival (store mark) to the commit of the list.
  useEffect(() => {
    if (snapshot) measureRender('overview', 'creditbar:snapshot-received');
  }, [snapshot]);

  if (!snapshot) return <Loading label="Loading balances…" />;
  const { shown, hidden } = orderedPools(snapshot.workspaces, prefs, compact ? 'urgency' : prefs.sort);
  const hiddenWorkspaces = [
    ...new Map(hidden.map(({ workspace: w }) => [w.id, { id: w.id, name: w.name }])).values(),
  ];
  const pinned = new Set(prefs.pinned);
  const any = shown.length + hidden.length > 0;
  return (
    <section aria-labelledby="overview-title" className={compact ? 'overview compact' : 'overview'}>
      <div className="overview-top">
        <OverviewSummary rows={shown} sync={snapshot.sync} compact={compact} />
        {!compact && any ? <SortChoice prefs={prefs} /> : null}
      </div>
      {!any ? (
        snapshot.sync.running || snapshot.sync.lastSuccessAt === null ? (
          <Loading label="The first sync is still running; your workspaces appear here when it is done." />
        ) : (
          <Empty title="No workspaces yet.">
            <p>
              The connected account has no workspaces with credit pools. Add another account in{' '}
              <a href="#/settings">Settings</a>.
            </p>
          </Empty>
        )
      ) : shown.length === 0 ? (
        <Empty title="Every workspace is hidden.">
          <p>Show one again from the list below, or from its own screen.</p>
        </Empty>
      ) : compact ? (
        <CompactList rows={shown} pinned={pinned} />
      ) : (
        <div className="card-grid" data-nav-list onKeyDown={listKeyHandler(true)}>
          {shown.map(({ workspace: w, pool: p }) => (
            <PoolCard key={`${w.id}:${p.pool}`} workspace={w} pool={p} asOf={snapshot.asOf} />
          ))}
        </div>
      )}
      <HiddenWorkspaces workspaces={hiddenWorkspaces} />
    </section>
  );
}
