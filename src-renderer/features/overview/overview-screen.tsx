import { useEffect } from 'react';
import { listKeyHandler } from '../../app/list-navigation';
import { measureRender } from '../../app/readiness';
import { Empty, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { applyPrefs, type OverviewPrefs } from './overview-prefs';
import { HiddenWorkspaces } from './pin-hide-controls';
import { PoolCard } from './pool-card';

const NO_PREFS: OverviewPrefs = { pinned: [], hidden: [], sort: 'urgency' };

/** Every workspace's pools as cards: the popover's first screen. */
export function OverviewScreen(): React.JSX.Element {
  const snapshot = useAppStore((s) => s.snapshot);
  const prefs = useAppStore((s) => s.settings?.overview ?? NO_PREFS);

  // One measure per snapshot drawn: from its arrival (store mark) to the commit of the cards.
  useEffect(() => {
    if (snapshot) measureRender('overview', 'creditbar:snapshot-received');
  }, [snapshot]);

  if (!snapshot) return <Loading label="Loading balances…" />;
  const all = snapshot.workspaces.flatMap((w) => w.pools.map((p) => ({ w, p, workspaceId: w.id })));
  const { shown: cards, hidden } = applyPrefs(all, prefs);
  const hiddenWorkspaces = [...new Map(hidden.map(({ w }) => [w.id, { id: w.id, name: w.name }])).values()];
  return (
    <section aria-labelledby="overview-title" className="overview">
      <h1 id="overview-title" className="screen-title">
        Overview
      </h1>
      {all.length === 0 ? (
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
      ) : cards.length === 0 ? (
        <Empty title="Every workspace is hidden.">
          <p>Show one again from the list below, or from its own screen.</p>
        </Empty>
      ) : (
        <div className="card-grid" data-nav-list onKeyDown={listKeyHandler(true)}>
          {cards.map(({ w, p }) => (
            <PoolCard key={`${w.id}:${p.pool}`} workspace={w} pool={p} asOf={snapshot.asOf} />
          ))}
        </div>
      )}
      <HiddenWorkspaces workspaces={hiddenWorkspaces} />
    </section>
  );
}
