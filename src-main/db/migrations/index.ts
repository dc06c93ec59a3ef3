import type { Migration } from '../migrate';
import { initial } from './0001-initial';
import { appState } from './0002-app-state';
import { deliveryLog } from './0003-delivery-log';
import { digests } from './0004-digests';
import { readings } from './0005-readings';
import { workspaceOrigin } from './0006-workspace-origin';
import { alertOwnership } from './0007-alert-ownership';
import { poolChanges } from './0008-pool-changes';
import { orphanWorkspaceAlerts } from './0009-orphan-workspace-alerts';
import { cacheId } from './0010-cache-id';
import { removedAlertDeliveries } from './0011-removed-alert-deliveries';
import { removedDigestDeliveries } from './0012-removed-digest-deliveries';
import { messagePoolBudgetMarks } from './0013-message-pool-budget-marks';

/** Every cache migration, oldest first. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  appState,
  deliveryLog,
  digests,
  readings,
  workspaceOrigin,
  alertOwnership,
  poolChanges,
  orphanWorkspaceAlerts,
  cacheId,
  removedAlertDeliveries,
  removedDigestDeliveries,
  messagePoolBudgetMarks,
];
