import { rulesAssumedMark, rulesAssumption } from '../../src-shared/display/catalog-rules';
import type { WorkspaceCard } from '../../src-shared/ipc/snapshot';

/** "rules assumed" beside a balance whose workspace names no rules version; the sentence says why. */
export function RulesAssumedLabel({
  workspace,
}: {
  workspace: Pick<WorkspaceCard, 'provider' | 'catalogVersion' | 'source'>;
}): React.JSX.Element | null {
  const mark = rulesAssumedMark(workspace.provider, workspace.catalogVersion);
  if (mark === null) return null;
  return (
    <span
      className="source-label rules-assumed"
      data-testid="rules-assumed"
      title={rulesAssumption(workspace.provider, workspace.catalogVersion, workspace.source) ?? undefined}
    >
      {mark}
    </span>
  );
}
