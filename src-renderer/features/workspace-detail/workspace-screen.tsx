import { rulesAssumption, rulesLabel } from '../../../src-shared/display/catalog-rules';
import { FreshnessBadge } from '../../components/freshness-badge';
import { BackIcon } from '../../components/icons';
import { PROVIDER_LABEL, planLabel } from '../../components/labels';
import { Empty, Loading } from '../../components/status-message';
import { useAppStore } from '../../store/store-context';
import { PinHideControls } from '../overview/pin-hide-controls';
import { PoolDetail } from './pool-detail';

/** One workspace: each pool's summary, charts, breakdowns, budgets and advisors. */
export function WorkspaceScreen({ workspaceId }: { workspaceId: string }): React.JSX.Element {
  const snapshot = useAppStore((s) => s.snapshot);
  if (!snapshot) return <Loading label="Loading the workspace…" />;
  const workspace = snapshot.workspaces.find((w) => w.id === workspaceId);
  return (
    <section
      className="workspace"
      aria-labelledby="workspace-title"
      data-testid="workspace-screen"
      data-workspace-id={workspaceId}
    >
      <a className="back-link" href="#/overview">
        <BackIcon />
        Overview
      </a>
      {!workspace ? (
        <>
          <h1 id="workspace-title" className="screen-title">
            Workspace not found
          </h1>
          <Empty title="This workspace is not in your accounts any more.">
            <p>
              It may have been removed on the server or with its account. Go back to the overview to see the
              others.
            </p>
          </Empty>
        </>
      ) : (
        <>
          <h1 id="workspace-title" className="screen-title">
            {workspace.name}
          </h1>
          <p className="card-subtitle">
            <span data-testid="workspace-facts">
              {[
                PROVIDER_LABEL[workspace.provider] ?? workspace.provider,
                planLabel(workspace.plan),
                rulesLabel(workspace.provider, workspace.catalogVersion),
                `${workspace.members.length} ${workspace.members.length === 1 ? 'member' : 'members'}`,
              ].join(' · ')}
            </span>
            <FreshnessBadge freshness={workspace.freshness} />
          </p>
          {rulesAssumption(workspace.provider, workspace.catalogVersion, workspace.source) ? (
            <p className="muted rules-assumption" data-testid="rules-assumption">
              {rulesAssumption(workspace.provider, workspace.catalogVersion, workspace.source)}
            </p>
          ) : null}
          <PinHideControls workspaceId={workspace.id} name={workspace.name} />
          {workspace.pools.length === 0 ? (
            <Empty title="This workspace has no credit pools." />
          ) : (
            workspace.pools.map((p) => (
              <PoolDetail key={p.pool} workspace={workspace} pool={p} asOf={snapshot.asOf} />
            ))
          )}
        </>
      )}
    </section>
  );
}
