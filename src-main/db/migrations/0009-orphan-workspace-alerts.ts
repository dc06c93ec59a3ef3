import type { Migration } from '../migrate';

/**
 * Alerts of workspaces kept by hand that were removed before their alerts went with them: they
 * stayed in the alert centre, and their keys kept a workspace added again under the same id from
 * raising the same alerts. An alert whose workspace is gone from its account belonged to what went
 * (the same rule as migration 7 for removed accounts).
 */
export const orphanWorkspaceAlerts: Migration = {
  version: 9,
  name: 'orphan-workspace-alerts',
  up(db) {
    db.exec(`
      DELETE FROM raised_alerts
       WHERE account_id = 'local'
         AND NOT EXISTS (SELECT 1 FROM workspaces w
                          WHERE w.id = raised_alerts.workspace_id AND w.account_id = 'local');
    `);
  },
};
