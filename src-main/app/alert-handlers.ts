import type { AccountRemoval } from '../../src-shared/ipc/contract';
import type { Cache } from '../cache/cache';
import { accountFootprint } from '../cache/account-footprint';
import type { InvokeHandlers } from '../ipc/invoke-handlers';

/** What the alert calls need from the runtime. */
export interface AlertHandlerDeps {
  cache: Cache;
  /** Composes and publishes the snapshot again (the alert centre's count moves at once). */
  republish(): void;
  /** The account labels by id (settings' accounts, or the demo's). */
  accountLabel(id: string): string | null;
}

/** Acknowledging alerts, and what removing an account would take with it. */
export function createAlertHandlers(
  deps: AlertHandlerDeps,
): Pick<InvokeHandlers, 'acknowledgeAlerts' | 'accountRemoval'> {
  return {
    acknowledgeAlerts(which) {
      const acknowledged = deps.cache.alerts.acknowledge(which);
      if (acknowledged > 0) deps.republish();
      return { acknowledged };
    },
    accountRemoval({ id }): AccountRemoval {
      const label = deps.accountLabel(id);
      if (label === null) throw new Error(`There is no account "${id}" to remove.`);
      return { id, label, ...accountFootprint(deps.cache, id) };
    },
  };
}
