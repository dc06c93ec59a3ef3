import type { Catalog } from '../src-shared/catalog/catalog';
import { evaluateWorkspace } from '../src-shared/engine/evaluate';
import { poolEvaluationJson, type PoolStatusJson } from '../src-shared/engine/status-json';
import { toIso } from '../src-shared/time/instant';
import type { ServerStore } from './db/store';
import type { StoredWorkspace } from './db/workspaces-repository';

/** The src-shared engine over one stored workspace's records at asOf: what /balance answers. */
export function evaluateStored(
  store: ServerStore,
  accountId: number,
  stored: StoredWorkspace,
  asOf: number,
  catalog: Catalog,
): PoolStatusJson[] {
  const { pk, workspace } = stored;
  return evaluateWorkspace(
    {
      workspace,
      grants: store.grants.list(pk, workspace.id),
      events: store.eventsReader.upTo(pk, workspace.id, toIso(asOf)),
      rateCards: store.rateCards.list(accountId),
    },
    { asOf, catalog },
  ).map(poolEvaluationJson);
}
