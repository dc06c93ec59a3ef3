import type { Migration } from '../migrate';

/**
 * Alerts belong to their account: removing an account (or replacing the demo) removes its alerts
 * with it (ON DELETE CASCADE). Each keeps the name of its workspace at raise time, so the alert
 * centre never shows a raw id, and when the lead acknowledged it. Alerts of workspaces whose account
 * was already removed are dropped: they belonged to what went.
 */
export const alertOwnership: Migration = {
  version: 7,
  name: 'alert-ownership',
  up(db) {
    db.exec(`
      ALTER TABLE raised_alerts ADD COLUMN account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE;
      ALTER TABLE raised_alerts ADD COLUMN workspace_name TEXT;
      ALTER TABLE raised_alerts ADD COLUMN acknowledged_at INTEGER;
      UPDATE raised_alerts SET
        account_id = (SELECT w.account_id FROM workspaces w WHERE w.id = raised_alerts.workspace_id),
        workspace_name = (SELECT w.name FROM workspaces w WHERE w.id = raised_alerts.workspace_id);
      DELETE FROM raised_alerts WHERE account_id IS NULL;
      CREATE INDEX raised_alerts_by_account ON raised_alerts (account_id);
      CREATE INDEX raised_alerts_open ON raised_alerts (workspace_id) WHERE acknowledged_at IS NULL;
    `);
  },
};
