import type { Migration } from '../migrate';

/**
 * What a channel was still to hear about an alert goes with the alert: when a workspace or an
 * account is removed (its alerts are deleted by hand or by ON DELETE CASCADE), a trigger drops the
 * alert's delivery items that no open message carries, and every message not yet delivered that
 * carries only removed alerts (its items cascade). A message that also carries a live alert is sent
 * as formed: its body is fixed so that every retry sends the same bytes. Delivered messages stay in
 * the channel's log; their items of removed alerts go, so a workspace added again under the same id
 * is routed its alerts again. Items and messages left by removals before this migration go now.
 */
export const removedAlertDeliveries: Migration = {
  version: 11,
  name: 'removed-alert-deliveries',
  up(db) {
    db.exec(`
      CREATE TRIGGER raised_alerts_drop_deliveries AFTER DELETE ON raised_alerts
      BEGIN
        DELETE FROM delivery_messages
         WHERE delivered_at IS NULL AND given_up_at IS NULL
           AND id IN (SELECT message_id FROM delivery_items WHERE kind = 'alert' AND key = OLD.key)
           AND NOT EXISTS (SELECT 1 FROM delivery_items i
                            WHERE i.message_id = delivery_messages.id
                              AND (i.kind <> 'alert' OR i.key IN (SELECT key FROM raised_alerts)));
        DELETE FROM delivery_items
         WHERE kind = 'alert' AND key = OLD.key
           AND (message_id IS NULL
                OR message_id IN (SELECT id FROM delivery_messages
                                   WHERE delivered_at IS NOT NULL OR given_up_at IS NOT NULL));
      END;

      DELETE FROM delivery_messages
       WHERE delivered_at IS NULL AND given_up_at IS NULL
         AND id IN (SELECT message_id FROM delivery_items WHERE kind = 'alert')
         AND NOT EXISTS (SELECT 1 FROM delivery_items i
                          WHERE i.message_id = delivery_messages.id
                            AND (i.kind <> 'alert' OR i.key IN (SELECT key FROM raised_alerts)));
      DELETE FROM delivery_items
       WHERE kind = 'alert' AND key NOT IN (SELECT key FROM raised_alerts)
         AND (message_id IS NULL
              OR message_id IN (SELECT id FROM delivery_messages
                                 WHERE delivered_at IS NOT NULL OR given_up_at IS NOT NULL));
    `);
  },
};
